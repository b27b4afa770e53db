package org.redress.screening;

import org.redress.complaint.Complaint;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Auto-reply markers from before RFC 3834 that vacation programs still send: X-Autoreply (also spelt
 * X-AutoReply; header names are case-insensitive), X-Autorespond, and Apple iCloud's "X-Apple-Action: VACATION"
 * (sisimai's RFC 3834 detector relies on the same header). X-Auto-Response-Suppress is deliberately absent: it
 * is a request not to be auto-answered that Outlook may put on any mail (see {@link OutOfOfficeSubjectRule}).
 */
final class VendorAutoReplyRule implements ScreeningRule {

    private static final Map<String, String> MARKERS = Map.of(
            "x-autoreply", "X-Autoreply",
            "x-autorespond", "X-Autorespond");
    private static final Set<String> NEGATIVE = Set.of("no", "false", "0");

    @Override
    public String reasonToIgnore(Complaint mail) {
        for (Map.Entry<String, String> marker : MARKERS.entrySet()) {
            String value = Headers.first(mail, marker.getKey());
            if (value != null && !NEGATIVE.contains(Headers.keyword(value))) {
                return "auto-reply: " + Headers.evidence(marker.getValue(), value);
            }
        }
        String apple = Headers.first(mail, "X-Apple-Action");
        if (apple != null && apple.toUpperCase(Locale.ROOT).contains("VACATION")) {
            return "auto-reply: " + Headers.evidence("X-Apple-Action", apple);
        }
        return null;
    }
}
