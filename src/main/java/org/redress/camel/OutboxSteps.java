package org.redress.camel;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
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
    private static final String PENDING = "redressPendingMail";
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSteps.class);
    private static final int BATCH = 100;

    private final Outbox outbox;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());
    /**
     * Mails the SMTP server accepted whose "sent" could not be written (the database was away at that moment): they
     * are written down first at the next look, never sent again by this process. A crash in that moment still sends
     * one twice (docs/RELIABILITY.md).
     */
    private final java.util.Map<Long, java.time.Instant> acceptedNotRecorded = new java.util.concurrent.ConcurrentHashMap<>();

    private final GatewayMetrics metrics;
    private final Watch smtp;

    public OutboxSteps(Outbox outbox, Clock clock, GatewayMetrics metrics, Watch smtp) {
        this.outbox = outbox;
        this.clock = clock;
        this.metrics = metrics;
        this.smtp = smtp;
    }

    /**
     * What waits, grouped by complaint in the order each complaint's first mail was written, each group in the order
     * its mails were: the route sends the groups side by side and each group's mails one after the other.
     */
    public List<List<PendingMail>> pending() {
        acceptedNotRecorded.forEach((id, at) -> {
            outbox.sent(id, at);
            acceptedNotRecorded.remove(id);
        });
        return conversations(outbox.pending(BATCH));
    }

    static List<List<PendingMail>> conversations(List<PendingMail> pending) {
        java.util.Map<Long, List<PendingMail>> byComplaint = new java.util.LinkedHashMap<>();
        for (PendingMail mail : pending) {
            byComplaint.computeIfAbsent(mail.complaintId(), id -> new java.util.ArrayList<>()).add(mail);
        }
        return List.copyOf(byComplaint.values());
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
        MimeMessage mime = new MimeMessage(session, new ByteArrayInputStream(mail.mime()));
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
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = failure == null ? "unknown" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (byEmail(exchange) && serverTrouble(failure)) {
            smtp.failed(reason);
        }
        LOG.warn("Outgoing mail {} not sent yet ({}); it stays in the outbox", id, reason);
        org.slf4j.MDC.remove(IntakeSteps.CORRELATION_KEY);
        outbox.failed(id, reason);
    }
}
