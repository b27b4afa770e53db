package org.redress.camel;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import org.apache.camel.component.mail.DefaultJavaMailSender;
import org.redress.config.SmtpConfig;

/**
 * camel-mail's SMTP sender, keeping its connections open between mails. camel-mail connects, greets and logs in for
 * every mail: a round trip or five before each acknowledgement (measured on loopback: 9 ms a mail, against 4.6 ms
 * on a kept connection). It keeps {@code redress.smtp.connections} of them, one per mail being sent, so that the
 * outbox's senders do not queue behind one another's round trips. A connection idle for a while is closed, since
 * servers drop them; a failed send drops its connection, and the outbox tries the mail again later.
 *
 * <p>Servers limit how many mails one login submits at once (Exchange Online: three, refusing a fourth with
 * {@code 432 4.3.2}), and an integrator who leaves the default of 8 should not see their acknowledgements fail and
 * SMTP reported DOWN for it. A mail refused for now (a 4xx) while others were being sent is therefore taken as such a
 * limit: its connection is set aside for {@link #REST} and the mail goes at once over another, so that the pool settles
 * at what the server allows without the outbox seeing a failure. A 4xx with no other mail in flight is the server's
 * trouble, not a limit, and fails the send as before.
 */
final class KeptOpenMailSender extends DefaultJavaMailSender implements AutoCloseable {
    private static final long IDLE_MILLIS = 20_000;
    /** How long a connection set aside after a refusal rests: the server's limit may have been another client's doing. */
    static final java.time.Duration REST = java.time.Duration.ofMinutes(10);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KeptOpenMailSender.class);

    /**
     * The connections not in use right now, the last used first: a quiet gateway sends over one connection instead of
     * going round all of them (one left idle over 20 s is reconnected when it is next used). A send waits for one.
     */
    private final BlockingDeque<Connection> free;
    private final List<Connection> all = new ArrayList<>();
    /** Connections set aside after a refusal, the first set aside first; they go back to {@link #free} after a rest. */
    private final java.util.Deque<Connection> resting = new java.util.ArrayDeque<>();
    private final long restMillis;
    private final int configured;
    /** Mails being handed to the server right now. */
    private final java.util.concurrent.atomic.AtomicInteger sending = new java.util.concurrent.atomic.AtomicInteger();
    /** Set when the gateway stops: no send opens a connection after that (each connection checks it). */
    private volatile boolean closed;

    /** The SMTP login's access token when it uses XOAUTH2, else null (the password). */
    private final org.redress.oauth.MailboxToken token;

    KeptOpenMailSender(SmtpConfig smtp, org.redress.oauth.MailboxToken token) {
        this(smtp, token, REST);
    }

    KeptOpenMailSender(SmtpConfig smtp, org.redress.oauth.MailboxToken token, java.time.Duration rest) {
        this.token = token;
        this.restMillis = rest.toMillis();
        this.configured = smtp.connections();
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
        // made now, not by whichever sender needs it first: the superclass makes it unsynchronised
        getSession();
        free = new LinkedBlockingDeque<>(smtp.connections());
        for (int i = 0; i < smtp.connections(); i++) {
            Connection connection = new Connection();
            all.add(connection);
            free.add(connection);
        }
    }

    @Override
    public void send(MimeMessage mail) throws MessagingException {
        while (true) {
            Connection connection = take();
            int atOnce = sending.incrementAndGet();
            boolean setAside = false;
            try {
                connection.send(mail);
                return;
            } catch (MessagingException | RuntimeException e) {
                int code = connection.lastCode;
                // others in flight when this one started or failed: the server may be refusing a mail too many
                boolean others = Math.max(atOnce, sending.get()) > 1;
                setAside = code / 100 == 4 && others && setAside(connection, code, e);
                if (!setAside) {
                    throw e;
                }
            } finally {
                sending.decrementAndGet();
                if (!setAside) {
                    free.addFirst(connection);
                }
            }
        }
    }

    /** A free connection, the last used first, once those whose rest is over have rejoined; waits for one. */
    private Connection take() throws MessagingException {
        synchronized (resting) {
            long now = System.currentTimeMillis();
            while (!resting.isEmpty() && resting.peekFirst().restingUntil <= now) {
                free.addLast(resting.pollFirst());
            }
        }
        try {
            return free.takeFirst();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessagingException("interrupted while waiting for an SMTP connection", e);
        }
    }

    /** Sets the refused connection aside, unless it is the last one in use; true when it did. */
    private boolean setAside(Connection connection, int code, Exception refusal) {
        int inUse;
        synchronized (resting) {
            inUse = all.size() - resting.size();
            if (inUse <= 1) {
                return false;
            }
            connection.restingUntil = System.currentTimeMillis() + restMillis;
            resting.addLast(connection);
            inUse--;
        }
        LOG.warn("The SMTP server refused a mail for now ({}: {}) while others were being sent: taken as its limit on "
                + "mails at once. The mail goes over another connection; {} of redress.smtp.connections={} are used for "
                + "the next {} s (Exchange Online allows 3 per mailbox)", code,
                String.valueOf(refusal.getMessage()).strip(), inUse, configured, restMillis / 1000);
        return true;
    }

    /** How many connections are open now (for tests). */
    int openConnections() {
        return (int) all.stream().filter(Connection::isOpen).count();
    }

    /** How many connections may be used now: those configured less those set aside after a refusal (a gauge). */
    int usableConnections() {
        synchronized (resting) {
            return all.size() - resting.size();
        }
    }

    @Override
    public void close() {
        closed = true;
        all.forEach(Connection::close);
    }

    /**
     * Completes a mail made by a custom route (dated, its headers written) and keeps the Message-ID it was given:
     * replies are threaded by it. The outbox's own mails ({@link QueuedMime}) are complete already.
     */
    private static void complete(MimeMessage mail) throws MessagingException {
        if (mail.getSentDate() == null) {
            mail.setSentDate(new Date());
        }
        String messageId = mail.getMessageID();
        mail.saveChanges();
        if (messageId != null) {
            mail.setHeader("Message-ID", messageId);
        }
    }

    /**
     * The server's reply code to a failed send or login, or 0 when it gave none: the connection itself failed, or a
     * recipient was refused (which says something about the recipient, not about how many mails go at once).
     */
    private static int replyCode(Exception failure, Transport transport) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.eclipse.angus.mail.smtp.SMTPSendFailedException refused) {
                return refused.getReturnCode();
            }
            if (t instanceof org.eclipse.angus.mail.smtp.SMTPSenderFailedException refused) {
                return refused.getReturnCode();
            }
            if (t instanceof org.eclipse.angus.mail.smtp.SMTPAddressFailedException || t instanceof java.io.IOException) {
                return 0;
            }
        }
        // a greeting or a login refused (421, 454 …) has no exception of its own: the transport kept the code
        return transport instanceof org.eclipse.angus.mail.smtp.SMTPTransport smtp ? Math.max(0, smtp.getLastReturnCode())
                : 0;
    }

    /** One kept-open SMTP connection; it sends one mail at a time. */
    private final class Connection {
        private Transport transport;
        private long lastUsed;
        /** The server's reply code to the last failed send (0 when there was none); read by the thread that sent. */
        private int lastCode;
        /** Guarded by {@link #resting}. */
        private long restingUntil;

        synchronized void send(MimeMessage mail) throws MessagingException {
            lastCode = 0;
            if (closed) {
                throw new MessagingException("the gateway is stopping: the mail stays in the outbox");
            }
            Transport connected = connected();
            try {
                if (!(mail instanceof QueuedMime)) {
                    complete(mail);
                }
                connected.sendMessage(mail, mail.getAllRecipients());
                lastUsed = System.currentTimeMillis();
            } catch (MessagingException | RuntimeException e) {
                lastCode = replyCode(e, connected);
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
                try {
                    // a new connection logs in with the token valid now (refreshed ahead of expiry)
                    fresh.connect(getHost(), getPort(), login.getUserName(), token == null ? login.getPassword()
                            : token.accessToken());
                } catch (MessagingException | RuntimeException e) {
                    lastCode = replyCode(e, fresh);
                    throw e;
                }
                transport = fresh;
            }
            return transport;
        }

        synchronized boolean isOpen() {
            return transport != null;
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
}
