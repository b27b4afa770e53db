package org.redress.screening;

import org.redress.complaint.Complaint;

/**
 * Machine reports about other mail: bounces and delay warnings (RFC 3464 multipart/report;
 * report-type=delivery-status), abuse feedback (RFC 5965 ARF, report-type=feedback-report), read receipts
 * (RFC 8098). A null reverse path ("Return-Path: <>") is what RFC 5321 requires of such reports and of
 * auto-replies, so it gives them away even when the report is not MIME-structured (qmail, old Exim). A bounce of
 * one of our own mails never gets here: the step before screening notes it on its ticket
 * ({@code org.redress.intake.BounceIntake}).
 */
final class DeliveryReportRule implements ScreeningRule {

    @Override
    public String reasonToIgnore(Complaint mail) {
        String contentType = Headers.first(mail, "Content-Type");
        if (contentType != null && Headers.keyword(contentType).equals("multipart/report")) {
            return "delivery or feedback report: " + Headers.evidence("Content-Type", contentType);
        }
        for (String returnPath : Headers.all(mail, "Return-Path")) {
            if (returnPath.replaceAll("\\s", "").equals("<>")) {
                return "bounce or auto-reply: null sender (Return-Path: <>)";
            }
        }
        return null;
    }
}
