package org.redress.screening;

import java.util.Locale;
import java.util.Set;
import org.redress.complaint.Complaint;

/**
 * Our own mail coming back: every mail the gateway sends carries {@code X-Loop: <inbox address>}, and forwarders and
 * list software keep it. A mail that still carries it is one of ours, whatever its sender says.
 */
final class LoopRule implements ScreeningRule {
    static final String HEADER = "X-Loop";

    private final Set<String> ownAddresses;

    LoopRule(Set<String> ownAddresses) {
        this.ownAddresses = ownAddresses;
    }

    @Override
    public String reasonToIgnore(Complaint mail) {
        for (String value : Headers.all(mail, HEADER)) {
            String lower = value.toLowerCase(Locale.ROOT);
            for (String own : ownAddresses) {
                if (lower.contains(own)) {
                    return "mail loop: " + Headers.evidence(HEADER, value);
                }
            }
        }
        return null;
    }
}
