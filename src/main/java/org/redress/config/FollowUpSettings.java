package org.redress.config;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.redress.followup.Target;

/** Reads the reminder, service-level and satisfaction keys. */
final class FollowUpSettings {
    private FollowUpSettings() {
    }

    static FollowUpConfig read(Settings s, List<InboxConfig> inboxes, List<String> levels, Duration promised) {
        Set<String> waiting = Arrays.stream(s.optional("redress.reminders.waiting-statuses", "Waiting for customer")
                .split(",")).map(String::trim).filter(v -> !v.isEmpty()).map(v -> v.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        int warnAt = s.integer("redress.sla.warn-at", 80);
        if (warnAt < 0 || warnAt > 99) {
            throw new ConfigException("redress.sla.warn-at", "is a percentage of the target, 0 (no warning) to 99, got "
                    + warnAt);
        }
        Target progress = target(s, "redress.reminders.progress-after", Duration.ofDays(2), inboxes, levels);
        // the acknowledgement promises an answer within redress.acknowledgement.first-response: the same target
        Target firstResponse = target(s, "redress.sla.first-response", promised, inboxes, levels);
        Target resolution = target(s, "redress.sla.resolution", Duration.ofDays(5), inboxes, levels);
        return new FollowUpConfig(s.duration("redress.reminders.check-interval",
                shorter(checkInterval(progress, 100), shorter(checkInterval(firstResponse, warnAt),
                        checkInterval(resolution, warnAt)))), progress, waiting,
                firstResponse, resolution, warnAt,
                escalation(s, "warning", "sla-at-risk", "", levels),
                escalation(s, "breached", "sla-breached", FollowUpConfig.Escalation.RAISE, levels),
                blankToNull(s.optional("redress.sla.mention", "")), blankToNull(s.optional("redress.sla.mention-group", "")));
    }

    static SatisfactionConfig satisfaction(Settings s, int httpPort) {
        boolean enabled = s.bool("redress.satisfaction.enabled", true);
        String secret = s.optional("redress.satisfaction.secret", "");
        if (enabled && secret.length() < 16) {
            throw new ConfigException("redress.satisfaction.secret", "must be at least 16 characters: it signs the "
                    + "one-click score links");
        }
        String url = s.optional("redress.http.public-url", "http://127.0.0.1:" + httpPort);
        try {
            URI uri = URI.create(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException("redress.http.public-url", "must be an http(s) URL such as "
                    + "https://complaints.example.com, got '" + url + "'");
        }
        int low = s.integer("redress.satisfaction.low-score", 2);
        if (low < 0 || low > 4) {
            throw new ConfigException("redress.satisfaction.low-score", "must be 0 (none) to 4, got " + low);
        }
        String label = blankToNull(s.optional("redress.satisfaction.low-score-label", "csat-low"));
        checkLabel("redress.satisfaction.low-score-label", label);
        return new SatisfactionConfig(enabled, secret, s.duration("redress.satisfaction.valid-for", Duration.ofDays(30)),
                url.endsWith("/") ? url.substring(0, url.length() - 1) : url, low, label,
                blankToNull(s.optional("redress.satisfaction.low-score-mention", "")),
                s.bool("redress.satisfaction.low-score-reopen", false));
    }

    /**
     * A look every minute, or often enough for the shortest duration configured (a tenth of it, at least every
     * 100 ms): with {@code progress-after=PT5S} an update is due every 5 s, not once a minute.
     */
    private static Duration checkInterval(Target target, int firstActionPercent) {
        List<Duration> durations = new java.util.ArrayList<>(target.byInbox().values());
        durations.addAll(target.byPriority().values());
        durations.add(target.base());
        Duration interval = Duration.ofMinutes(1);
        for (Duration duration : durations) {
            if (!duration.isZero()) {
                int percent = firstActionPercent > 0 ? firstActionPercent : 100;
                interval = shorter(interval, duration.multipliedBy(percent).dividedBy(1000));
            }
        }
        return interval.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : interval;
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** {@code key}, {@code key.inbox.<id>} and {@code key.priority.<level>}. */
    private static Target target(Settings s, String key, Duration fallback, List<InboxConfig> inboxes,
                                 List<String> levels) {
        Map<String, Duration> byInbox = new LinkedHashMap<>();
        for (String inbox : s.under(key + ".inbox").keySet()) {
            if (inboxes.stream().noneMatch(i -> i.id().equals(inbox))) {
                throw new ConfigException(key + ".inbox." + inbox, "names no inbox (redress.inbox." + inbox + ".*)");
            }
            byInbox.put(inbox, s.duration(key + ".inbox." + inbox, Duration.ZERO));
        }
        Map<String, Duration> byPriority = new LinkedHashMap<>();
        for (String level : s.under(key + ".priority").keySet()) {
            if (levels.stream().noneMatch(l -> l.equalsIgnoreCase(level))) {
                throw new ConfigException(key + ".priority." + level, "names no level of redress.priority.levels "
                        + levels);
            }
            byPriority.put(level.toLowerCase(Locale.ROOT), s.duration(key + ".priority." + level, Duration.ZERO));
        }
        return new Target(s.duration(key, fallback), byInbox, byPriority);
    }

    private static FollowUpConfig.Escalation escalation(Settings s, String stage, String label, String priority,
                                                        List<String> levels) {
        String p = "redress.sla." + stage + ".";
        String labelValue = blankToNull(s.optional(p + "label", label));
        checkLabel(p + "label", labelValue);
        String priorityValue = blankToNull(s.optional(p + "priority", priority));
        if (priorityValue != null) {
            String given = priorityValue;
            priorityValue = given.equalsIgnoreCase(FollowUpConfig.Escalation.RAISE) ? FollowUpConfig.Escalation.RAISE
                    : levels.stream().filter(l -> l.equalsIgnoreCase(given)).findFirst()
                            .orElseThrow(() -> new ConfigException(p + "priority", "must be 'raise', a level of "
                                    + "redress.priority.levels " + levels + " or empty"));
        }
        return new FollowUpConfig.Escalation(labelValue, priorityValue, s.bool(p + "comment", true));
    }

    /** Jira refuses labels with spaces and longer than 255 characters. */
    private static void checkLabel(String key, String label) {
        if (label != null && (label.chars().anyMatch(Character::isWhitespace) || label.length() > 255)) {
            throw new ConfigException(key, "a Jira label has no spaces and at most 255 characters, got '" + label + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
