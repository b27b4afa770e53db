package org.redress.camel;

import java.time.Duration;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.spi.RouteIdAware;
import org.redress.camel.imap.PollObserver;
import org.redress.health.GatewayHealth;

/**
 * Hands what the inbox readers see to health and metrics: Redress's own IMAP reader reports through
 * {@link PollObserver}; camel-mail's POP3 consumer through Camel's poll strategy ({@code pollStrategy=#inboxWatching}
 * in the POP3 template), whose route is named {@code inbox-<id>}.
 */
public final class InboxWatching implements PollObserver, PollingConsumerPollStrategy {
    private static final String ROUTE_PREFIX = "inbox-";

    private final GatewayMetrics metrics;
    private final GatewayHealth health;

    public InboxWatching(GatewayMetrics metrics, GatewayHealth health) {
        this.metrics = metrics;
        this.health = health;
    }

    @Override
    public void polled(String inbox, long nanos, long cpuNanos) {
        metrics.polled(inbox, nanos, cpuNanos);
    }

    @Override
    public void swept(String inbox, long nanos) {
        metrics.swept(inbox, nanos);
    }

    @Override
    public void reached(String inbox) {
        health.inbox(inbox).succeeded();
    }

    @Override
    public void failed(String inbox, String reason) {
        health.inbox(inbox).failed(reason);
    }

    @Override
    public void backlog(String inbox, int mails) {
        metrics.backlog(inbox, mails);
    }

    @Override
    public void pickedUp(String inbox, Duration lag) {
        metrics.pickedUp(inbox, lag);
    }

    /**
     * A POP3 mail was read: the server answers. camel-mail reports a poll only when it has handled every mail it
     * read, which for a long backlog would otherwise look like an inbox nobody reads.
     */
    public void mailRead(@org.apache.camel.ExchangeProperty("redressInbox") String inbox) {
        if (inbox != null) {
            reached(inbox);
        }
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        // the poll's mails were handled on this thread: the next line it logs is about none of them
        org.slf4j.MDC.remove(IntakeSteps.CORRELATION_KEY);
        String inbox = inboxOf(consumer);
        if (inbox != null) {
            reached(inbox);
        }
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        org.slf4j.MDC.remove(IntakeSteps.CORRELATION_KEY);
        String inbox = inboxOf(consumer);
        if (inbox != null) {
            failed(inbox, String.valueOf(cause.getMessage()));
        }
        return false;
    }

    private static String inboxOf(Consumer consumer) {
        if (consumer instanceof RouteIdAware aware && aware.getRouteId() != null
                && aware.getRouteId().startsWith(ROUTE_PREFIX)) {
            return aware.getRouteId().substring(ROUTE_PREFIX.length());
        }
        return null;
    }
}
