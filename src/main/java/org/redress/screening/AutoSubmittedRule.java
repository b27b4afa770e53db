package org.redress.screening;

import org.redress.complaint.Complaint;

/**
 * RFC 3834: "Auto-Submitted" with any value but "no" marks a mail sent by a program, not a person: vacation
 * replies (auto-replied), bounces and notifications (auto-generated). RFC 3834 itself says not to answer them.
 */
final class AutoSubmittedRule implements ScreeningRule {

    @Override
    public String reasonToIgnore(Complaint mail) {
        String value = Headers.first(mail, "Auto-Submitted");
        if (value == null) {
            return null;
        }
        String keyword = Headers.keyword(value);
        if (keyword.equals("no")) {
            return null;
        }
        String kind = keyword.equals("auto-replied") ? "auto-reply" : "automatic message";
        return kind + ": " + Headers.evidence("Auto-Submitted", value);
    }
}
