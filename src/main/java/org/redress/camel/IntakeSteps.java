package org.redress.camel;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailConstants;
import org.apache.camel.component.mail.MailMessage;
import org.apache.camel.support.DefaultMessage;
import org.redress.camel.imap.FetchedMail;
import org.redress.camel.imap.ServerMail;
import org.redress.config.InboxConfig;
import org.redress.config.RedressConfig;
import org.redress.intake.ComplaintIntake;
import org.redress.intake.FailureDecision;
import org.redress.intake.MailInProgress;
import org.redress.intake.TransientFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intake routes' steps: each method is one step of {@code routes/intake.camel.yaml} and only moves data between
 * the exchange and {@link ComplaintIntake}.
 */
public final class IntakeSteps {
    /**
     * The exchange property naming the configured inbox a mail came from (set by the inbox route template). A
     * property, not a header: reading or writing a header of camel-mail's message fetches the mail's headers from
     * the server, which fails for mails the server cannot parse.
     */
    public static final String INBOX_PROPERTY = "redressInbox";
    private static final Logger LOG = LoggerFactory.getLogger(IntakeSteps.class);

    private final ComplaintIntake intake;
    private final RedressConfig config;

    public IntakeSteps(ComplaintIntake intake, RedressConfig config) {
        this.intake = intake;
        this.config = config;
    }

    /**
     * Records the mail as the bytes the server holds. The IMAP consumer has fetched them already; from POP3
     * (camel-mail) they are read here, once. From here on the exchange carries a plain message, so nothing later (the
     * dead letter route, camel-mail's commit) asks the server for the mail again.
     */
    /** The MDC key of the complaint a log line is about: its number in the register. */
    public static final String CORRELATION_KEY = "complaint";

    public void receive(Exchange exchange) throws Exception {
        // a POP3 poll hands several mails to one thread: nothing of the previous one may be logged with this one
        org.slf4j.MDC.remove(CORRELATION_KEY);
        InboxConfig inbox = config.inbox(exchange.getProperty(INBOX_PROPERTY, String.class));
        // camel-mail's message must not be asked for its body: that would fetch and parse it on the server's terms
        FetchedMail raw = exchange.getIn() instanceof MailMessage ? read(exchange) : exchange.getIn().getBody(FetchedMail.class);
        org.apache.camel.Message plain = new DefaultMessage(exchange);
        exchange.setIn(plain);
        if (raw.unreadable() != null) {
            if (TransientFailure.is(raw.unreadable())) {
                throw raw.unreadable();
            }
            plain.setBody(intake.unreadable(inbox, raw.serverId(), ComplaintIntake.describe(raw.unreadable()), "email"));
            throw new UnreadableMailException(raw.unreadable());
        }
        MailInProgress received = intake.receive(inbox, raw.bytes(), raw.size(), "email");
        // every later log line of this mail's handling carries its register number (the JSON log's "mdc")
        org.slf4j.MDC.put(CORRELATION_KEY, "#" + received.entry().id());
        plain.setBody(received);
        if (raw.cut()) {
            // the register holds only its beginning: the whole mail stays on the server, never deleted
            plain.setHeader(MailConstants.MAIL_DELETE, false);
            if (inbox.protocol().hasFolders()) {
                plain.setHeader(MailConstants.MAIL_MOVE_TO, config.intake().oversizedFolder());
            }
            LOG.warn("{}: {} bytes, more than redress.intake.max-message-size: its first {} bytes are handled, the "
                    + "whole mail is kept on the server", received, raw.size(), raw.bytes().length);
        }
    }

    /** camel-mail's message (POP3): read once, at most the size limit. */
    private FetchedMail read(Exchange exchange) {
        Message mail = exchange.getIn(MailMessage.class).getOriginalMessage();
        String id = ServerMail.id(mail);
        try {
            return ServerMail.read(id, mail, (int) config.intake().limits().maxMessageBytes());
        } catch (MessagingException | IOException e) {
            return new FetchedMail(id, null, -1, e);
        }
    }

    public void parse(MailInProgress mail) {
        intake.parse(mail);
    }

    public void screen(MailInProgress mail) {
        intake.screen(mail);
        if (mail.isIgnored()) {
            LOG.info("{}: ignored, {}", mail, mail.entry().reason());
        }
    }

    public void openTicket(MailInProgress mail) {
        intake.openTicket(mail);
    }

    public void attachFiles(MailInProgress mail) {
        intake.attachFiles(mail);
    }

    public void acknowledge(MailInProgress mail) {
        intake.acknowledge(mail);
        LOG.info("{}: ticket {} opened, acknowledgement queued", mail, mail.ticketKey());
    }

    /**
     * The dead letter step of every mail consumer. Throwing here fails the exchange, which leaves the mail unseen
     * in its inbox for the next poll; returning normally completes it, which moves it to the quarantine folder.
     */
    public void failed(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = new IllegalStateException("unknown failure");
        }
        // still camel-mail's message when the failure came before `receive`: its body would be fetched from the server
        Object body = exchange.getIn() instanceof MailMessage ? null : exchange.getIn().getBody();
        if (!(body instanceof MailInProgress mail)) {
            // the mail could not even be read or recorded: nothing to count against it yet
            throw new MailDeferredException("mail not recorded yet, left in the inbox: " + failure.getMessage(), failure);
        }
        FailureDecision decision = intake.failed(mail, failure);
        if (!decision.quarantine()) {
            LOG.warn("{}: {} (left in the inbox for the next poll)", mail, decision.reason());
            throw new MailDeferredException(decision.reason(), failure);
        }
        LOG.error("{}: quarantined, {}", mail, decision.reason());
        if (mail.inbox().protocol().hasFolders()) {
            exchange.getIn().setHeader(MailConstants.MAIL_MOVE_TO, config.intake().quarantineFolder());
        } else if (unreadable(failure)) {
            // POP3 deletes what it has handled; this mail's bytes are not in the register, so it stays on the server
            exchange.getIn().setHeader(MailConstants.MAIL_DELETE, false);
        }
    }

    private static boolean unreadable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnreadableMailException) {
                return true;
            }
        }
        return false;
    }

    /** The mail server accepted a mail but will not hand out its content (it failed to parse it, usually). */
    static final class UnreadableMailException extends Exception {
        UnreadableMailException(Throwable cause) {
            super("the mail server could not hand out this mail: " + ComplaintIntake.describe(cause), cause);
        }
    }

    /** Thrown to leave a mail in its inbox: the exchange fails on purpose so that camel-mail does not mark it seen. */
    public static final class MailDeferredException extends RuntimeException {
        MailDeferredException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
