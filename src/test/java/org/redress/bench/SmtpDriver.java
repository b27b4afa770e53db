package org.redress.bench;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.util.List;
import java.util.Properties;
import org.redress.bench.ComplaintMix.BenchMail;

/**
 * Delivers the benchmark's mail by SMTP without becoming what is measured: each worker keeps one connection open
 * and reuses it for mail after mail ({@code Transport.sendMessage}, so every mail keeps its bytes and Message-ID). A
 * mail is in its mailbox when the server accepted it.
 */
final class SmtpDriver extends MailDrop {
    private final int port;
    private final ThreadLocal<Transport> transport = new ThreadLocal<>();
    private final List<Transport> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Session session;

    SmtpDriver(int port, int connectionCount) {
        super("bench-smtp", connectionCount);
        this.port = port;
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "120000");
        this.session = Session.getInstance(properties);
    }

    @Override
    void put(BenchMail mail, String recipient) throws MessagingException {
        for (int attempt = 1; ; attempt++) {
            try {
                Transport connection = connection();
                MimeMessage message = new MimeMessage(session, new SharedByteArrayInputStream(mail.raw()));
                connection.sendMessage(message, new Address[] {new InternetAddress(recipient)});
                return;
            } catch (MessagingException e) {
                drop();
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private Transport connection() throws MessagingException {
        Transport current = transport.get();
        // no isConnected(): for SMTP it sends a NOOP, a round trip per mail; a failed send reconnects instead
        if (current == null) {
            current = session.getTransport("smtp");
            current.connect("127.0.0.1", port, null, null);
            transport.set(current);
            opened.add(current);
        }
        return current;
    }

    private void drop() {
        Transport current = transport.get();
        transport.remove();
        if (current != null) {
            try {
                current.close();
            } catch (MessagingException ignored) {
                // a broken connection; the next mail opens another
            }
        }
    }

    @Override
    void release() {
        for (Transport t : opened) {
            try {
                t.close();
            } catch (MessagingException ignored) {
                // closing at the end: nothing to do
            }
        }
    }
}
