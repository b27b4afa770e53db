package org.redress.tools;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Hands a raw mail to an SMTP server byte for byte, as a customer's mail server would: {@code sendMessage} rather
 * than {@code Transport.send}, so the mail keeps its own Message-ID. A temporary refusal (4xx) is tried again a few
 * times, as every mail server does: GreenMail answers 451 when a delivery races the first login to the same mailbox.
 */
public final class MailDelivery {
    private MailDelivery() {
    }

    /**
     * @param to the envelope recipients; empty to use the mail's own To and Cc
     * @return the envelope recipients used
     */
    public static List<Address> deliver(String host, int port, byte[] raw, List<String> to) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
        List<Address> recipients = new ArrayList<>();
        if (to.isEmpty()) {
            for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
                Address[] addresses = message.getRecipients(type);
                if (addresses != null) {
                    recipients.addAll(List.of(addresses));
                }
            }
        } else {
            for (String address : to) {
                recipients.add(new InternetAddress(address));
            }
        }
        for (int attempt = 1; ; attempt++) {
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                transport.sendMessage(message, recipients.toArray(new Address[0]));
                return recipients;
            } catch (SMTPSendFailedException refused) {
                if (attempt == ATTEMPTS || refused.getReturnCode() / 100 != 4) {
                    throw refused;
                }
                pause(attempt * 200L);
            }
        }
    }

    private static final int ATTEMPTS = 5;

    private static void pause(long millis) throws MessagingException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new MessagingException("interrupted while waiting to deliver again", interrupted);
        }
    }
}
