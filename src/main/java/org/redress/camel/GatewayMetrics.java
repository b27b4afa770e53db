package org.redress.camel;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.apache.camel.Exchange;
import org.redress.config.InboxConfig;
import org.redress.health.GatewayHealth;
import org.redress.health.Watch;
import org.redress.store.ComplaintRegister;
import org.redress.store.Outcome;
import org.redress.store.FollowUpStore;
import org.redress.store.Outbox;
import org.redress.store.RegisterFileCounts;
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
    private final ComplaintRegister register;
    private final GatewayHealth health;
    private final Clock clock;
    private final MultiGauge complaints;
    private final Map<String, AtomicInteger> backlogs = new ConcurrentHashMap<>();
    private Map<String, int[]> answers = Map.of();
    private Instant answersAt = Instant.MIN;
    private Instant complaintsAt = Instant.MIN;
    private volatile int quarantined;
    /** How long one reading of the H2 file's counters serves: longer than a scrape takes, shorter than between two. */
    private static final Duration REGISTER_FILE_READING = Duration.ofSeconds(1);
    private Optional<RegisterFileCounts> registerFileRead;
    private long registerFileReadAt;

    /**
     * Each OAuth2 mailbox login's token: how long it still works, and how many refreshes failed. An alert on
     * {@code redress_oauth_token_valid_seconds < 600} or a growing failure count catches a mailbox about to stop being
     * read, hours before customers notice.
     */
    public void watchTokens(org.redress.oauth.OAuthTokens tokens) {
        for (org.redress.oauth.MailboxToken token : tokens.all()) {
            Gauge.builder("redress.oauth.token.valid.seconds", token, t -> t.validFor().toSeconds())
                    .description("Seconds the mailbox login's OAuth2 access token still works (0: none)")
                    .tag("account", token.account()).register(registry);
            io.micrometer.core.instrument.FunctionCounter.builder("redress.oauth.refresh.failures", token,
                            org.redress.oauth.MailboxToken::failures)
                    .description("Failed OAuth2 token refreshes of the mailbox login").tag("account", token.account())
                    .register(registry);
        }
    }

    /**
     * How many SMTP connections the outbox may use now: {@code redress.smtp.connections}, less those resting after the
     * server refused a mail too many at once. Below the setting, the server allows fewer: set it there.
     */
    public void watchSmtpConnections(java.util.function.IntSupplier usable) {
        // held strongly: a gauge keeps only a weak reference, and nothing else holds this method reference
        Gauge.builder("redress.smtp.connections.usable", usable, java.util.function.IntSupplier::getAsInt)
                .strongReference(true)
                .description("SMTP connections the outbox may use now (redress.smtp.connections less those resting "
                        + "after the server refused a mail too many at once)").register(registry);
    }

    /**
     * The embedded H2 file's writes and reads (about one write per commit that changed something, and per compaction
     * round): the register's cost as counts rather than time, which the benchmark gives per mail. Not registered for
     * PostgreSQL. H2 is asked once per scrape, for all four: they are one reading.
     */
    public void watchRegisterFile(Supplier<Optional<RegisterFileCounts>> counts) {
        record Counter(String name, String description, ToLongFunction<RegisterFileCounts> value) {
        }
        for (Counter counter : List.of(
                new Counter("redress.register.file.writes", "Writes of the embedded H2 file since the gateway opened "
                        + "it: about one per commit that changed something, and per compaction round",
                        RegisterFileCounts::writes),
                new Counter("redress.register.file.written.bytes", "Bytes the embedded H2 file wrote since the gateway "
                        + "opened it", RegisterFileCounts::writtenBytes),
                new Counter("redress.register.file.reads", "Reads of the embedded H2 file since the gateway opened it "
                        + "(pages not in H2's cache, and compaction's)", RegisterFileCounts::reads),
                new Counter("redress.register.file.read.bytes", "Bytes read from the embedded H2 file since the gateway "
                        + "opened it", RegisterFileCounts::readBytes))) {
            // the metrics object as the counter's state: a counter holds it weakly, and the gateway holds this
            io.micrometer.core.instrument.FunctionCounter.builder(counter.name(), this,
                            m -> m.registerFile(counts).map(counter.value()::applyAsLong).map(Long::doubleValue)
                                    .orElse(Double.NaN))
                    .description(counter.description()).register(registry);
        }
    }

    /** One reading of H2's counters serves the four counters of a scrape (H2 computes all its figures to give them). */
    private synchronized Optional<RegisterFileCounts> registerFile(Supplier<Optional<RegisterFileCounts>> counts) {
        long now = System.nanoTime();
        if (registerFileRead == null || now - registerFileReadAt > REGISTER_FILE_READING.toNanos()) {
            registerFileRead = counts.get();
            registerFileReadAt = now;
        }
        return registerFileRead;
    }

    public GatewayMetrics(List<InboxConfig> inboxes, SatisfactionStore satisfaction, Outbox outbox,
                          FollowUpStore followUps, ComplaintRegister register, GatewayHealth health, Clock clock) {
        this.satisfaction = satisfaction;
        this.register = register;
        this.health = health;
        this.clock = clock;
        complaints = MultiGauge.builder("redress.complaints")
                .description("Mails each inbox took in, by where they stand or ended (register outcome)")
                .register(registry);
        Gauge.builder("redress.quarantine.mails", this, m -> m.quarantined)
                .description("Mails in quarantine, kept with their reason (GET /q/quarantine)").register(registry);
        for (InboxConfig inbox : inboxes) {
            Gauge.builder("redress.customer.satisfaction.ratio", this, m -> m.share(inbox.id()))
                    .description("Share of satisfaction answers scoring 4 or 5 over the last 30 days (CSAT)")
                    .tag("inbox", inbox.id()).register(registry);
            Gauge.builder("redress.customer.satisfaction.responses", this, m -> m.answers(inbox.id())[0])
                    .description("Satisfaction answers over the last 30 days").tag("inbox", inbox.id()).register(registry);
            AtomicInteger backlog = backlogs.computeIfAbsent(inbox.id(), id -> new AtomicInteger());
            Gauge.builder("redress.inbox.backlog", backlog, AtomicInteger::get)
                    .description("Mails found in the inbox and not finished yet (IMAP inboxes)")
                    .tag("inbox", inbox.id()).register(registry);
            Gauge.builder("redress.inbox.up", health, h -> h.inboxStatus(inbox.id()) == Watch.Status.UP ? 1 : 0)
                    .description("1 while the inbox is read successfully, 0 once it has not been for too long")
                    .tag("inbox", inbox.id()).register(registry);
        }
        Gauge.builder("redress.outbox.pending", outbox, o -> {
            try {
                return o.count("pending");
            } catch (RuntimeException databaseAway) {
                return Double.NaN;
            }
        })
                .description("Mails to customers waiting to be sent").register(registry);
        Gauge.builder("redress.ticket.events.pending", followUps, FollowUpStore::pendingCount)
                .description("Follow-up changes waiting for Jira").register(registry);
    }

    /**
     * How long one look for new mail in an inbox took, and the gateway's own CPU time in it: neither may grow with
     * the mailbox. The CPU time tells the gateway's share from the server's.
     */
    public void polled(String inbox, long nanos, long cpuNanos) {
        Timer.builder("redress.inbox.poll")
                .description("Time to look for new mail in an inbox (by UID, so independent of the mailbox's size)")
                .tag("inbox", inbox).register(registry).record(nanos, TimeUnit.NANOSECONDS);
        Timer.builder("redress.inbox.poll.cpu")
                .description("The gateway's CPU time in one look for new mail in an inbox")
                .tag("inbox", inbox).register(registry).record(cpuNanos, TimeUnit.NANOSECONDS);
    }

    /** How long one search of a whole inbox for unseen mail took: the server answers it from its index. */
    public void swept(String inbox, long nanos) {
        Timer.builder("redress.inbox.sweep")
                .description("Time to search a whole inbox for unseen mail (every few seconds, answered from the "
                        + "server's index)")
                .tag("inbox", inbox).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    public void backlog(String inbox, int mails) {
        AtomicInteger backlog = backlogs.get(inbox);
        if (backlog != null) {
            backlog.set(mails);
        }
    }

    public void pickedUp(String inbox, Duration lag) {
        Timer.builder("redress.inbox.fetch.lag")
                .description("From the mail server taking a mail in to the gateway handing it to a lane")
                .tag("inbox", inbox).register(registry).record(lag.isNegative() ? Duration.ZERO : lag);
    }

    /**
     * One Jira REST call.
     *
     * @param outcome ok, refused (4xx: Jira is there, the request was wrong), unavailable (5xx, 429, 401/403) or
     *                unreachable (no answer)
     */
    public void jiraCalled(String method, String outcome, long nanos) {
        Timer.builder("redress.jira.calls").description("Jira REST calls: how long they took, by outcome")
                .tags("method", method, "outcome", outcome).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** An acknowledgement accepted by the SMTP server, this long after its complaint was taken in. */
    public void acknowledged(String inbox, Duration latency) {
        Timer.builder("redress.acknowledgement.latency")
                .description("From a complaint taken in to its acknowledgement accepted by the SMTP server")
                .tag("inbox", inbox).register(registry).record(latency.isNegative() ? Duration.ZERO : latency);
    }

    public void scrape(Exchange exchange) {
        refreshComplaints();
        var out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        out.setBody(registry.scrape());
    }

    private synchronized void refreshComplaints() {
        Instant now = clock.instant();
        if (complaintsAt.plus(CACHE).isAfter(now) && !complaintsAt.isAfter(now)) {
            return;
        }
        Map<String, Map<String, Integer>> counts;
        try {
            counts = register.countsByInbox();
        } catch (RuntimeException databaseAway) {
            // the last counts stay: the scrape must go on answering, with redress_inbox_up, when the database is gone
            return;
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        counts.forEach((inbox, byOutcome) -> byOutcome.forEach((outcome, count) ->
                rows.add(MultiGauge.Row.of(Tags.of("inbox", inbox, "outcome", outcome), count))));
        complaints.register(rows, true);
        quarantined = counts.values().stream().mapToInt(m -> m.getOrDefault(Outcome.QUARANTINED.code(), 0)).sum();
        complaintsAt = now;
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
