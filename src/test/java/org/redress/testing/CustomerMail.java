package org.redress.testing;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.util.Properties;

/** Mail a customer writes: a complaint, or an answer to one of the gateway's mails quoting it as Gmail does. */
public final class CustomerMail {
    private CustomerMail() {
    }

    public static byte[] mail(String from, String to, String subject, String text, String inReplyTo) throws Exception {
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
        mail.setFrom(new InternetAddress(from));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        mail.setSubject(subject, "UTF-8");
        mail.setText(text, "UTF-8");
        if (inReplyTo != null) {
            mail.setHeader("In-Reply-To", inReplyTo);
            mail.setHeader("References", inReplyTo);
        }
        mail.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mail.writeTo(out);
        return out.toByteArray();
    }

    /** The customer's answer to one of our mails, their new words above the quoted mail. */
    public static byte[] answer(MimeMessage ours, String customer, String newWords) throws Exception {
        String from = ((InternetAddress) ours.getFrom()[0]).getAddress();
        String quoted = "> " + ours.getContent().toString().strip().replace("\n", "\n> ");
        return mail(customer, from, "Re: " + ours.getSubject(), newWords + "\n\nOn Mon, 23 Nov 2026 at 10:12, "
                + "Customer Care <" + from + "> wrote:\n\n" + quoted + "\n", ours.getMessageID());
    }

    /** The ticket a mail of ours is about. */
    public static String ticketOf(MimeMessage ours) throws Exception {
        return ours.getHeader("X-Redress-Ticket", null);
    }
}
