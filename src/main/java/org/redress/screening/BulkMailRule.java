package org.redress.screening;

import org.redress.complaint.Complaint;

import java.util.List;

/**
 * Mail sent to many: "Precedence: bulk/junk/list" (and the vacation programs' "auto_reply"), or any of the
 * RFC 2369/2919 list headers. A customer writes to us from a personal mailbox, never through a mailing list.
 */
final class BulkMailRule implements ScreeningRule {

    private static final List<String> LIST_HEADERS = List.of("List-Id", "List-Unsubscribe", "List-Post");

    @Override
    public String reasonToIgnore(Complaint mail) {
        String precedence = Headers.first(mail, "Precedence");
        if (precedence != null) {
            switch (Headers.keyword(precedence)) {
                case "bulk", "junk" -> {
                    return "bulk mail: " + Headers.evidence("Precedence", precedence);
                }
                case "list" -> {
                    return "mailing list: " + Headers.evidence("Precedence", precedence);
                }
                case "auto_reply" -> {
                    return "auto-reply: " + Headers.evidence("Precedence", precedence);
                }
                default -> {
                    // "first-class", "normal": nothing to say
                }
            }
        }
        for (String header : LIST_HEADERS) {
            String value = Headers.first(mail, header);
            if (value != null) {
                return "mailing list: " + Headers.evidence(header, value);
            }
        }
        return null;
    }
}
