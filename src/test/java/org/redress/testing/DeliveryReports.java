package org.redress.testing;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.util.Properties;
import org.eclipse.angus.mail.dsn.DeliveryStatus;
import org.eclipse.angus.mail.dsn.MultipartReport;

/**
 * Delivery status notifications (RFC 3464) as a receiving mail server sends them back: multipart/report with a
 * human-readable part, the message/delivery-status fields and the returned message. Built with Angus Mail's DSN
 * classes, the ones the gateway reads them with.
 */
public final class DeliveryReports {
    public static final String MAILER_DAEMON = "MAILER-DAEMON@mx.example.org";

    private DeliveryReports() {
    }

    /**
     * @param returned   the mail that could not be delivered, returned whole; its From is who gets the report
     * @param action     failed or delayed
     * @param reportId   the report's own Message-ID
     */
    public static byte[] about(MimeMessage returned, String recipient, String action, String status, String diagnostic,
                               String reportId) throws Exception {
        InternetHeaders perMessage = new InternetHeaders();
        perMessage.addHeader("Reporting-MTA", "dns; mx.example.org");
        perMessage.addHeader("Arrival-Date", "Mon, 23 Nov 2026 10:12:00 +0000");
        InternetHeaders perRecipient = new InternetHeaders();
        perRecipient.addHeader("Final-Recipient", "rfc822; " + recipient);
        perRecipient.addHeader("Action", action);
        perRecipient.addHeader("Status", status);
        perRecipient.addHeader("Remote-MTA", "dns; mx.example.org");
        perRecipient.addHeader("Diagnostic-Code", "smtp; " + diagnostic);
        DeliveryStatus fields = new DeliveryStatus();
        fields.setMessageDSN(perMessage);
        fields.addRecipientDSN(perRecipient);
        boolean failed = action.equals("failed");
        MultipartReport report = new MultipartReport((failed
                ? "I'm sorry to have to inform you that your message could not be delivered."
                : "Your message could not be delivered for more than 4 hours. It will be retried.") + "\n",
                fields, returned);

        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
        mail.setFrom(new InternetAddress(MAILER_DAEMON, "Mail Delivery System"));
        mail.setRecipient(Message.RecipientType.TO, returned.getFrom()[0]);
        mail.setSubject(failed ? "Undelivered Mail Returned to Sender" : "Delayed Mail (still being retried)");
        mail.setHeader("Auto-Submitted", "auto-replied");
        mail.setContent(report);
        mail.saveChanges();
        mail.setHeader("Message-ID", reportId);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        mail.writeTo(raw);
        return raw.toByteArray();
    }
}
