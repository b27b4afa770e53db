package org.redress.followup;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * A time limit that may differ per inbox and per ticket priority: a B2B inbox may promise more than the shop's, and
 * a High ticket deserves news sooner than a Low one. The inbox's value replaces the default; a priority's value
 * applies when it is shorter (or when the inbox's is off). Zero means off.
 */
public record Target(Duration base, Map<String, Duration> byInbox, Map<String, Duration> byPriority) {

    public static Target off() {
        return new Target(Duration.ZERO, Map.of(), Map.of());
    }

    public Duration forTicket(String inbox, String priority) {
        Duration duration = byInbox.getOrDefault(inbox, base);
        Duration byLevel = priority == null ? null : byPriority.get(priority.toLowerCase(Locale.ROOT));
        if (byLevel != null && !byLevel.isZero() && (duration.isZero() || byLevel.compareTo(duration) < 0)) {
            return byLevel;
        }
        return duration;
    }
}
