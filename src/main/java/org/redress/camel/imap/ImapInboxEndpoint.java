package org.redress.camel.imap;

import java.util.Properties;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;
import org.redress.config.InboxConfig;
import org.redress.config.IntakeConfig;

/** One IMAP inbox as a Camel endpoint: it only consumes (acknowledgements leave through the outbox's SMTP route). */
final class ImapInboxEndpoint extends DefaultEndpoint {
    private final InboxConfig inbox;
    private final Properties mailProperties;
    private final IntakeConfig intake;
    private final PollObserver pollObserver;
    private final java.util.concurrent.atomic.AtomicLong heldBytes;

    private final java.util.function.Supplier<String> secret;

    ImapInboxEndpoint(String uri, ImapInboxComponent component, InboxConfig inbox, Properties mailProperties,
                      IntakeConfig intake, PollObserver pollObserver, java.util.concurrent.atomic.AtomicLong heldBytes,
                      java.util.function.Supplier<String> secret) {
        super(uri, component);
        this.secret = secret;
        this.inbox = inbox;
        this.mailProperties = mailProperties;
        this.intake = intake;
        this.pollObserver = pollObserver;
        this.heldBytes = heldBytes;
    }

    /** Bytes of mail fetched and not yet settled, by every inbox of the gateway together. */
    java.util.concurrent.atomic.AtomicLong heldBytes() {
        return heldBytes;
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        ImapInboxConsumer consumer = new ImapInboxConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException(getEndpointUri() + " only takes mail in");
    }

    InboxConfig inbox() {
        return inbox;
    }

    /** The password or current access token to log in with. */
    java.util.function.Supplier<String> secret() {
        return secret;
    }

    Properties mailProperties() {
        return mailProperties;
    }

    int maxMessageBytes() {
        return (int) intake.limits().maxMessageBytes();
    }

    int parallelism() {
        return intake.parallelism();
    }

    /** Mails fetched and not yet settled: enough to keep every lane busy while the next ones are fetched. */
    int maxInFlight() {
        return intake.parallelism() * 4;
    }

    /**
     * Bytes of mail held at once, by all inboxes together. Small mails flow freely; a mail near the size limit waits
     * until the others are through, so that a few large mails at once cannot exhaust the heap.
     */
    long inFlightBudget() {
        return Math.max(intake.limits().maxMessageBytes(), 16L << 20);
    }

    /** Waiting in IMAP IDLE between looks, where the server offers it, instead of looking every poll interval. */
    boolean idle() {
        return intake.idle();
    }

    long delayMillis() {
        return Math.max(100, intake.pollInterval().toMillis());
    }

    PollObserver pollObserver() {
        return pollObserver;
    }
}
