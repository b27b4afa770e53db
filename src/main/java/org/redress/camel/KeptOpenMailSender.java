package org.redress.camel;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;
import org.apache.camel.component.mail.DefaultJavaMailSender;
import org.redress.config.SmtpConfig;

/**
 * camel-mail's SMTP sender, keeping its connection open between mails. camel-mail connects, greets and logs in for
 * every mail: a round trip or five before each acknowledgement (measured on loopback: 9 ms a mail, against 4.6 ms
 * on a kept connection). A connection idle for a while is closed, since servers drop them; a failed send drops it,
 * and the outbox tries the mail again later.
 */
final class KeptOpenMailSender extends DefaultJavaMailSender {
    private static final long IDLE_MILLIS = 20_000;

    private Transport transport;
    private long lastUsed;

    /** The SMTP login's access token when it uses XOAUTH2, else null (the password). */
    private final org.redress.oauth.MailboxToken token;

    KeptOpenMailSender(SmtpConfig smtp, org.redress.oauth.MailboxToken token) {
        this.token = token;
        String protocol = smtp.security() == SmtpConfig.Security.SSL ? "smtps" : "smtp";
        Properties properties = new Properties();
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "60000");
        properties.put("mail." + protocol + ".writetimeout", "60000");
        properties.put("mail." + protocol + ".auth", String.valueOf(!smtp.user().isBlank()));
        if (token != null) {
            properties.put("mail." + protocol + ".auth.mechanisms", "XOAUTH2");
        }
        if (smtp.security() == SmtpConfig.Security.STARTTLS) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        setJavaMailProperties(properties);
        setProtocol(protocol);
        setHost(smtp.host());
        setPort(smtp.port());
        if (!smtp.user().isBlank()) {
            setUsername(smtp.user());
            setPassword(smtp.password());
        }
    }

    @Override
    public synchronized void send(MimeMessage mail) throws MessagingException {
        Transport connected = connected();
        try {
            if (mail.getSentDate() == null) {
                mail.setSentDate(new Date());
            }
            String messageId = mail.getMessageID();
            mail.saveChanges();
            if (messageId != null) {
                // keep the Message-ID chosen by the pipeline: replies are threaded by it
                mail.setHeader("Message-ID", messageId);
            }
            connected.sendMessage(mail, mail.getAllRecipients());
            lastUsed = System.currentTimeMillis();
        } catch (MessagingException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private Transport connected() throws MessagingException {
        if (transport != null && System.currentTimeMillis() - lastUsed > IDLE_MILLIS) {
            close();
        }
        if (transport == null) {
            Transport fresh = getTransport(getSession());
            var login = getPasswordAuthentication();
            // a new connection logs in with the token valid now (refreshed ahead of expiry)
            fresh.connect(getHost(), getPort(), login.getUserName(), token == null ? login.getPassword()
                    : token.accessToken());
            transport = fresh;
        }
        return transport;
    }

    synchronized void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                // the connection is being dropped anyway
            }
            transport = null;
        }
    }
}
