package org.redress.camel;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.redress.config.InboxConfig;
import org.redress.store.FollowUpStore;
import org.redress.store.Outbox;
import org.redress.store.SatisfactionStore;

/**
 * {@code GET /q/metrics} in Prometheus' text format. The numbers come from the register when scraped (cached for a
 * few seconds), so that several gateways on one database all report the same, complete figures.
 */
public final class GatewayMetrics {
    /** The satisfaction gauges look at the answers of this last stretch of time. */
    static final Duration SATISFACTION_WINDOW = Duration.ofDays(30);
    private static final Duration CACHE = Duration.ofSeconds(5);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final SatisfactionStore satisfaction;
    private final Clock clock;
    private Map<String, int[]> answers = Map.of();
    private Instant answersAt = Instant.MIN;

    public GatewayMetrics(List<InboxConfig> inboxes, SatisfactionStore satisfaction, Outbox outbox,
                          FollowUpStore followUps, Clock clock) {
        this.satisfaction = satisfaction;
        this.clock = clock;
        for (InboxConfig inbox : inboxes) {
            Gauge.builder("redress.customer.satisfaction.ratio", this, m -> m.share(inbox.id()))
                    .description("Share of satisfaction answers scoring 4 or 5 over the last 30 days (CSAT)")
                    .tag("inbox", inbox.id()).register(registry);
            Gauge.builder("redress.customer.satisfaction.responses", this, m -> m.answers(inbox.id())[0])
                    .description("Satisfaction answers over the last 30 days").tag("inbox", inbox.id()).register(registry);
        }
        Gauge.builder("redress.outbox.pending", outbox, o -> o.count("pending"))
                .description("Mails to customers waiting to be sent").register(registry);
        Gauge.builder("redress.ticket.events.pending", followUps, FollowUpStore::pendingCount)
                .description("Follow-up changes waiting for Jira").register(registry);
    }

    /** How long one look for new mail in an inbox took: it must not grow with the mailbox. */
    public void inboxPolled(String inbox, long nanos) {
        io.micrometer.core.instrument.Timer.builder("redress.inbox.poll")
                .description("Time to look for new mail in an inbox (by UID, so independent of the mailbox's size)")
                .tag("inbox", inbox).register(registry).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    public void scrape(Exchange exchange) {
        var out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        out.setBody(registry.scrape());
    }

    private double share(String inbox) {
        int[] counts = answers(inbox);
        return counts[0] == 0 ? Double.NaN : counts[1] / (double) counts[0];
    }

    private synchronized int[] answers(String inbox) {
        Instant now = clock.instant();
        if (answersAt.plus(CACHE).isBefore(now) || answersAt.isAfter(now)) {
            answers = satisfaction.answersByInbox(now.minus(SATISFACTION_WINDOW));
            answersAt = now;
        }
        return answers.getOrDefault(inbox, new int[2]);
    }
}
