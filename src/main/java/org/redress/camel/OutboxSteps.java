package org.redress.camel;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import org.apache.camel.Exchange;
import org.redress.health.Watch;
import org.redress.intake.ComplaintIntake;
import org.redress.acknowledgement.PlainText;
import org.redress.store.Outbox;
import org.redress.store.RegisterEntry;
import org.redress.store.Outbox.PendingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The steps of the outbox route: read what is pending, hand each mail to SMTP, write down the result. */
public final class OutboxSteps {
    static final String OUTBOX_ID = "redressOutboxId";
    /** The exchange property naming the channel whose reply route sends the mail. */
    static final String REPLY_CHANNEL = "redressReplyChannel";
    static final String PENDING = "redressPendingMail";
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSteps.class);
    private static final int BATCH = 100;

    private final Outbox outbox;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());
    /**
     * Mails the SMTP server accepted whose "sent" could not be written (the database was away at that moment): they
     * are written down first at the next look, never sent again by this process. A crash in that moment still sends
     * them again, at most one per sender (docs/RELIABILITY.md).
     */
    private final java.util.Map<Long, java.time.Instant> acceptedNotRecorded = new java.util.concurrent.ConcurrentHashMap<>();
    /** The conversations whose mail failed in the current look (the route's senders write it side by side). */
    private final java.util.Set<String> failedThisLook = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final GatewayMetrics metrics;
    private final Watch smtp;

    public OutboxSteps(Outbox outbox, Clock clock, GatewayMetrics metrics, Watch smtp) {
        this.outbox = outbox;
        this.clock = clock;
        this.metrics = metrics;
        this.smtp = smtp;
    }

    /**
     * What waits, as conversations: grouped by recipient in the order each recipient's first mail was written, each
     * group in the order its mails were. The route sends the groups side by side and each group's mails one after the
     * other. By recipient, not by complaint: the acknowledgement of a reply that reopened a ticket is queued under the
     * reply's own number, the agents' comments under the complaint's, and the customer must get them in order.
     */
    public List<List<PendingMail>> pending() {
        acceptedNotRecorded.forEach((id, at) -> {
            outbox.sent(id, at);
            acceptedNotRecorded.remove(id);
        });
        failedThisLook.clear();
        return conversations(outbox.pending(BATCH));
    }

    static List<List<PendingMail>> conversations(List<PendingMail> pending) {
        java.util.Map<String, List<PendingMail>> byRecipient = new java.util.LinkedHashMap<>();
        for (PendingMail mail : pending) {
            byRecipient.computeIfAbsent(conversationOf(mail), r -> new java.util.ArrayList<>()).add(mail);
        }
        return List.copyOf(byRecipient.values());
    }

    private static String conversationOf(PendingMail mail) {
        return mail.recipient().trim().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Whether this mail may go now: not when an earlier mail of its conversation was refused for now in this look, so
     * that it does not overtake that one (both are tried again at the next look, in order).
     */
    public boolean inTurn(PendingMail mail) {
        return !failedThisLook.contains(conversationOf(mail));
    }

    /**
     * The queued MIME, sent exactly as stored: its Message-ID is already in the conversation index. The reply route
     * of the complaint's channel ({@code direct:reply-<channel>}, routes/README.md) gets it with the headers a route
     * that does not speak MIME needs.
     */
    public void prepare(Exchange exchange) throws Exception {
        PendingMail mail = exchange.getIn().getBody(PendingMail.class);
        exchange.setProperty(OUTBOX_ID, mail.id());
        exchange.setProperty(PENDING, mail);
        exchange.setProperty(REPLY_CHANNEL, mail.channel());
        org.slf4j.MDC.put(IntakeSteps.CORRELATION_KEY, "#" + mail.complaintId());
        MimeMessage mime = new QueuedMime(session, mail.mime());
        var in = exchange.getIn();
        in.setBody(mime);
        in.setHeader("redressRecipient", mail.recipient());
        in.setHeader("redressComplaint", mail.complaintId());
        in.setHeader("redressKind", mail.kind());
        in.setHeader("redressMessageId", mail.messageId());
        if (!RegisterEntry.EMAIL.equals(mail.channel())) {
            in.setHeader("redressSubject", mime.getSubject());
            in.setHeader("redressText", PlainText.of(mime));
        }
    }

    public void sent(Exchange exchange) {
        long id = exchange.getProperty(OUTBOX_ID, Long.class);
        java.time.Instant now = clock.instant();
        if (byEmail(exchange)) {
            smtp.succeeded();
        }
        org.slf4j.MDC.remove(IntakeSteps.CORRELATION_KEY);
        PendingMail mail = exchange.getProperty(PENDING, PendingMail.class);
        if (mail != null && ComplaintIntake.ACKNOWLEDGEMENT.equals(mail.kind())) {
            metrics.acknowledged(mail.inbox(), java.time.Duration.between(mail.complaintArrived(), now));
        }
        try {
            outbox.sent(id, now);
        } catch (RuntimeException e) {
            acceptedNotRecorded.put(id, now);
            LOG.warn("Outgoing mail {} was accepted by the SMTP server; writing that down failed ({}), tried again before "
                    + "the next send", id, e.getMessage());
        }
    }

    /**
     * Whether a failed send says the SMTP server is away or refusing for now (no connection, login refused, a 4xx),
     * rather than that this one mail cannot go (a recipient refused with 5xx, a MIME that will not parse): one
     * undeliverable acknowledgement retried forever must not keep the gateway's health DOWN.
     */
    static boolean serverTrouble(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.IOException || t instanceof jakarta.mail.AuthenticationFailedException
                    || t instanceof org.redress.oauth.TokenRefreshException) {
                return true;
            }
            if (t instanceof org.eclipse.angus.mail.smtp.SMTPSendFailedException refused) {
                return refused.getReturnCode() / 100 == 4;
            }
            if (t instanceof org.eclipse.angus.mail.smtp.SMTPAddressFailedException refused) {
                return refused.getReturnCode() / 100 == 4;
            }
            if (t instanceof jakarta.mail.MessagingException messaging && messaging.getNextException() != null
                    && messaging.getNextException() != t.getCause()) {
                if (serverTrouble(messaging.getNextException())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean byEmail(Exchange exchange) {
        return RegisterEntry.EMAIL.equals(exchange.getProperty(REPLY_CHANNEL, RegisterEntry.EMAIL, String.class));
    }

    public void failed(Exchange exchange) {
        long id = exchange.getProperty(OUTBOX_ID, Long.class);
        PendingMail mail = exchange.getProperty(PENDING, PendingMail.class);
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (mail != null && serverTrouble(failure)) {
            // a server refusing for now: the conversation's later mails wait for this one. A mail that cannot go at
            // all (refused for good, a reply route missing) holds nothing back: it would hold it back for ever
            failedThisLook.add(conversationOf(mail));
        }
        String reason = failure == null ? "unknown" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (byEmail(exchange) && serverTrouble(failure)) {
            smtp.failed(reason);
        }
        LOG.warn("Outgoing mail {} not sent yet ({}); it stays in the outbox", id, reason);
        org.slf4j.MDC.remove(IntakeSteps.CORRELATION_KEY);
        outbox.failed(id, reason);
    }
}
