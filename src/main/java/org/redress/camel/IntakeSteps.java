package org.redress.camel;

import jakarta.mail.Message;
import java.io.ByteArrayOutputStream;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailConstants;
import org.apache.camel.component.mail.MailMessage;
import org.redress.config.RedressConfig;
import org.redress.intake.ComplaintIntake;
import org.redress.intake.FailureDecision;
import org.redress.intake.MailInProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intake routes' steps: each method is one step of {@code routes/intake.camel.yaml} and only moves data between
 * the exchange and {@link ComplaintIntake}.
 */
public final class IntakeSteps {
    /** The exchange header naming the configured inbox a mail came from (set by the inbox route template). */
    public static final String INBOX_HEADER = "redressInbox";
    private static final Logger LOG = LoggerFactory.getLogger(IntakeSteps.class);

    private final ComplaintIntake intake;
    private final RedressConfig config;

    public IntakeSteps(ComplaintIntake intake, RedressConfig config) {
        this.intake = intake;
        this.config = config;
    }

    /** Reads the whole mail once, as the bytes the server holds, and records it. */
    public void receive(Exchange exchange) throws Exception {
        Message mail = exchange.getIn(MailMessage.class).getOriginalMessage();
        ByteArrayOutputStream raw = new ByteArrayOutputStream(Math.max(1024, mail.getSize()));
        mail.writeTo(raw);
        String inbox = exchange.getIn().getHeader(INBOX_HEADER, String.class);
        exchange.getIn().setBody(intake.receive(config.inbox(inbox), raw.toByteArray(), "email"));
    }

    public void parse(MailInProgress mail) {
        intake.parse(mail);
    }

    public void screen(MailInProgress mail) {
        intake.screen(mail);
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
        Object body = exchange.getIn().getBody();
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
        }
    }

    /** Thrown to leave a mail in its inbox: the exchange fails on purpose so that camel-mail does not mark it seen. */
    public static final class MailDeferredException extends RuntimeException {
        MailDeferredException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
