package org.redress.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.redress.bench.ComplaintMix.BenchMail;
import org.redress.bench.ComplaintMix.SeedTicket;
import org.redress.config.SandboxConfig;
import org.redress.sandbox.Sandbox;
import org.redress.testing.FreePorts;

/**
 * The benchmark: {@code mvn -B -Pbench test} (see BENCHMARKS.md). It is not a test — nothing here runs in
 * {@code mvn verify}, and no speed is asserted anywhere in the test suite — but a program that measures the gateway
 * end to end on one machine and reports the numbers against the targets, as a table and as
 * {@code target/bench/results.json}.
 *
 * <p>This JVM (the driver) hosts what the gateway talks to — GreenMail and the Jira sandbox — and sends the mail;
 * each phase starts a fresh gateway in its own JVM against them, so the gateway's heap, memory and CPU are its
 * own. The phases, in order:
 * <ol>
 *   <li>{@code fixed-rate}: complaints at a fixed offered rate (10/s) for a while: latency percentiles;</li>
 *   <li>{@code saturation}: N complaints as fast as SMTP takes them, Jira answering at once: throughput, latency,
 *       heap, RSS, CPU per complaint;</li>
 *   <li>{@code limit}: the fetch+parse client on the same messages, and the gateway's ratio to it;</li>
 *   <li>{@code slow-jira}: saturation with every Jira answer 150 ms late, like a real Jira Cloud call;</li>
 *   <li>{@code scale-out}: the same with Jira 150 ms late, on PostgreSQL: one node handling what it polls, one node
 *       on the RabbitMQ work queue, and three nodes (ZooKeeper elections) sharing that queue;</li>
 *   <li>{@code throttled}: saturation with every k-th create-issue call answered 429 with Retry-After;</li>
 *   <li>{@code big-attachments}: complaints carrying 25 MB files among ordinary ones: peak heap;</li>
 *   <li>{@code poll-cost}: idle polling of a Dovecot mailbox holding 0, 10,000 and 100,000 processed messages.</li>
 * </ol>
 * A phase that fails is reported as failed and the others still run; a slow gateway gives numbers for what it
 * finished by the phase's deadline.
 */
public final class Benchmark {
    static final String LIMIT_MAILBOX = "limit@lumiere.example";

    private final BenchSettings settings;
    private final ComplaintMix mix;
    private final BenchReport report;
    private final Path work;

    private Benchmark(BenchSettings settings, String runId, Path work) {
        this.settings = settings;
        this.mix = new ComplaintMix(settings.seed(), runId, settings.attachmentShare(), settings.replyShare());
        this.report = new BenchReport(settings, Machine.describe(), runId);
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings;
        try {
            settings = BenchSettings.from(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        // digits only: replies' tracking numbers (TRK + run + sequence) are matched as digits
        String runId = String.format(Locale.ROOT, "%06d", System.currentTimeMillis() / 1000 % 1_000_000);
        Path work = Files.createTempDirectory("redress-bench-");
        Files.createDirectories(settings.outputDir());
        Benchmark benchmark = new Benchmark(settings, runId, work);
        long start = System.nanoTime();
        try {
            benchmark.run();
        } finally {
            deleteQuietly(work);
        }
        Path results = settings.outputDir().resolve("results.json");
        benchmark.report.write(results);
        benchmark.report.print(System.out);
        System.out.printf(Locale.ROOT, "%nresults: %s (%.0f s); gateway logs: %s%n", results.toAbsolutePath(),
                (System.nanoTime() - start) / 1e9, settings.outputDir().resolve("logs").toAbsolutePath());
        System.exit(0);
    }

    private void run() {
        if (settings.quick()) {
            report.note("quick run: small numbers of mails, meant to show the benchmark works, not to measure");
        }
        if (settings.intakeOnDovecot()) {
            report.note("inboxes on Dovecot (mail dropped into its Maildirs as a delivery agent does); the customers' "
                    + "mailboxes, where acknowledgements arrive, on the sandbox's GreenMail");
        } else {
            report.note("inboxes on the sandbox's GreenMail (mail sent by SMTP); GreenMail answers with TCP_NODELAY "
                    + "(commit bd65946): stock GreenMail stalled 44 ms per round trip on Nagle's algorithm");
        }
        phase("fixed-rate", this::fixedRate);
        phase("saturation", this::saturation);
        if (settings.runs("limit") && !settings.runs("saturation")) {
            phase("limit", this::standaloneLimit);
        }
        phase("slow-jira", this::slowJira);
        phase("scale-out", this::scaleOut);
        phase("throttled", this::throttled);
        phase("big-attachments", this::bigAttachments);
        phase("poll-cost", () -> report.pollCost(new PollCost(settings, mix, work).run()));
    }

    private interface Phase {
        void run() throws Exception;
    }

    private void phase(String name, Phase phase) {
        if (!settings.runs(name)) {
            return;
        }
        long probe = Machine.speedProbeMillis();
        report.note(String.format(Locale.ROOT, "speed probe before %s: %d ms (SHA-256 of 256 MB in a JVM of its own, median "
                + "of 5; lower is faster; compare phases run at similar probes)", name, probe));
        System.out.printf(Locale.ROOT, "bench: phase %s … (speed probe %d ms)%n", name, probe);
        long start = System.nanoTime();
        try {
            phase.run();
        } catch (Exception e) {
            System.err.println("bench: phase " + name + " failed: " + e);
            e.printStackTrace();
            report.failed(name, e);
        }
        System.out.printf(Locale.ROOT, "bench: phase %s took %.0f s%n", name, (System.nanoTime() - start) / 1e9);
    }

    /** Complaints at a fixed offered rate, by the wall clock: what latency customers see at a given load. */
    private void fixedRate() throws Exception {
        int count = (int) Math.round(settings.fixedRate() * settings.fixedRateSeconds());
        try (GatewayRun run = GatewayRun.start("fixed-rate", settings, Map.of(), settings.gatewayHeap(), work)) {
            List<SeedTicket> seeds = run.seed(mix.complaints("rates", mix.seedsFor(count)), warmUp("rate"));
            List<BenchMail> mails = mix.withReplies("rate", count, seeds);
            Duration sending = Duration.ofMillis((long) (count / settings.fixedRate() * 1000));
            GatewayRun.Delivery d = run.deliver(mails, settings.fixedRate(), settings.deadlineFor(count, sending));
            report.add(PhaseResult.of("fixed-rate", String.format(Locale.ROOT, "%d mails offered at %.1f/s (open loop), "
                            + "Jira at 0 ms", count, settings.fixedRate()), settings.fixedRate(), run, d, seeds.size(),
                    jira(0, 0), notes(run, seeds, true)));
        }
    }

    /** As many complaints as SMTP takes: throughput; then the limit client on the very same messages. */
    private void saturation() throws Exception {
        int count = settings.saturationComplaints();
        try (GatewayRun run = GatewayRun.start("saturation", settings, Map.of(), settings.gatewayHeap(), work,
                Map.of(), settings.profileMillis() > 0)) {
            List<SeedTicket> seeds = run.seed(mix.complaints("sats", mix.seedsFor(count)), warmUp("sat"));
            List<BenchMail> mails = mix.withReplies("sat", count, seeds);
            // for the limit's ceiling: with the inboxes on GreenMail the driver serves the gateway's IMAP too
            double driverIdle = run.dovecot != null && settings.runs("limit")
                    ? run.driverIdleCpuPerSecond(Duration.ofSeconds(3)) : Double.NaN;
            GatewayRun.Delivery d = run.deliver(mails, 0, settings.deadlineFor(count, Duration.ZERO));
            // sampled apart from the measurement, which a recording would slow down
            GatewayProfile profile = null;
            if (settings.profileMillis() > 0) {
                List<BenchMail> sampled = mix.withReplies("satp", count / 2, seeds);
                try {
                    profile = run.profile(sampled, settings.deadlineFor(sampled.size(), Duration.ZERO),
                            settings.profileMillis());
                } catch (Exception e) {
                    // the measurement stands without it
                    report.note("saturation: no profile of the gateway's CPU: " + e);
                }
            }
            PhaseResult result = PhaseResult.of("saturation", count + " mails at once, Jira at 0 ms", null, run, d,
                    profile, seeds.size(), jira(0, 0), notes(run, seeds, true));
            report.add(result);
            if (settings.runs("limit")) {
                phase("limit", () -> limit(run.smtp, run.dovecot != null ? run.dovecot.port()
                                : run.sandboxConfig.imapPort(), run.dovecot != null ? run.dovecot.password() : "bench",
                        mails, result, driverIdle));
            }
        }
    }

    /** The limit without a saturation run before it: the same mix, delivered to a sandbox of its own. */
    private void standaloneLimit() throws Exception {
        SandboxConfig config = new SandboxConfig("127.0.0.1", FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next(), FreePorts.next(), "CS", null, "");
        try (Sandbox sandbox = new Sandbox(config, null).start();
             SmtpDriver smtp = new SmtpDriver(config.smtpPort(), settings.smtpConnections())) {
            limit(smtp, config.imapPort(), "bench", mix.complaints("sat", settings.saturationComplaints()), null,
                    Double.NaN);
            report.note("limit measured without a saturation phase: no gateway throughput to compare with");
        }
    }

    /**
     * The limit client on the same server as the gateway's inboxes, reading the very same bytes, and an estimate of
     * the ratio's ceiling on this machine from what the saturation phase (null: none ran) cost the driver per mail,
     * beyond its CPU per second when idle ({@code driverIdlePerSecond}; NaN: no ceiling).
     */
    private void limit(MailDrop smtp, int imapPort, String password, List<BenchMail> mails, PhaseResult saturation,
                       double driverIdlePerSecond) throws Exception {
        double gatewayPerSecond = saturation == null ? Double.NaN : saturation.throughputPerSecond();
        smtp.deliverAllTo(mails, LIMIT_MAILBOX);
        int cores = Runtime.getRuntime().availableProcessors();
        List<Integer> threads = settings.limitThreads() > 1 ? List.of(1, settings.limitThreads()) : List.of(1);
        var client = FetchParseLimit.runInOwnJvm(imapPort, LIMIT_MAILBOX, password,
                settings.gatewayJvmOptions(settings.gatewayHeap()), threads, settings.limitRounds(),
                settings.outputDir().resolve("logs").resolve("limit-client.log"));
        double single = client.path("runs").path(0).path("messagesPerSecond").asDouble();
        JsonNode allThreads = client.path("runs").path(threads.size() - 1);
        double all = allThreads.path("messagesPerSecond").asDouble();
        BenchReport.Ceiling ceiling = null;
        long completed = saturation == null ? 0 : saturation.acknowledged() + saturation.commented();
        double limitMachineMs = allThreads.path("machineCpuMsPerMessage").asDouble(Double.NaN);
        if (completed > 0 && all > 0 && Double.isFinite(limitMachineMs) && Double.isFinite(driverIdlePerSecond)) {
            // what the driver spent for the mail: its CPU over the measurement less what it spends idle meanwhile
            double driverMs = (saturation.driverCpuSeconds() - driverIdlePerSecond * saturation.durationSeconds())
                    * 1000 / completed;
            double best = cores * 1000 / (limitMachineMs + driverMs);
            if (Double.isFinite(best) && driverMs > 0) {
                ceiling = new BenchReport.Ceiling(cores, limitMachineMs, driverMs, driverIdlePerSecond,
                        saturation.driverCpuSeconds() * 1000 / completed,
                        saturation.gatewayCpuSeconds() * 1000 / completed,
                        saturation.machineCpuSeconds() * 1000 / completed, best, best / all);
            }
        }
        report.limit(new BenchReport.Limit(client, single, all, threads.get(threads.size() - 1), gatewayPerSecond,
                gatewayPerSecond / single, gatewayPerSecond / all,
                "ratioAllCores: the gateway's saturation throughput over the limit on " + threads.get(threads.size() - 1)
                        + " threads (" + cores + " cores)", ceiling));
    }

    /** Saturation with every Jira answer late, as a Jira Cloud site on the other side of the internet. */
    private void slowJira() throws Exception {
        int count = settings.slowJiraComplaints();
        try (GatewayRun run = GatewayRun.start("slow-jira", settings, Map.of(), settings.gatewayHeap(), work)) {
            run.sandbox.jira().latency(Duration.ofMillis(settings.slowJiraMillis()));
            List<SeedTicket> seeds = run.seed(mix.complaints("slows", mix.seedsFor(count)), warmUp("slow"));
            List<BenchMail> mails = mix.withReplies("slow", count, seeds);
            GatewayRun.Delivery d = run.deliver(mails, 0, settings.deadlineFor(count, Duration.ZERO));
            report.add(PhaseResult.of("slow-jira", count + " mails at once, every Jira answer "
                            + settings.slowJiraMillis() + " ms late", null, run, d, seeds.size(),
                    jira(settings.slowJiraMillis(), 0), notes(run, seeds, true)));
        }
    }

    /**
     * Several nodes against one, Jira 150 ms late: PostgreSQL (a fresh schema each run), the machine's RabbitMQ (a
     * queue of the run's own) and an in-process ZooKeeper. Each node may handle as many complaints at once as one
     * in-process node does (redress.work.concurrency = 3 inboxes x 4 lanes). All nodes share this machine's cores.
     */
    private void scaleOut() throws Exception {
        int count = settings.scaleOutComplaints();
        record Setup(String key, String description, int nodes, boolean queue) {
        }
        List<Setup> setups = List.of(
                new Setup("scale-out-1-node", "1 node, in-process (each mail handled by its poller)", 1, false),
                new Setup("scale-out-1-node-queue", "1 node, RabbitMQ work queue", 1, true),
                new Setup("scale-out-" + settings.scaleOutNodes() + "-nodes-queue", settings.scaleOutNodes()
                        + " nodes, RabbitMQ work queue, inboxes elected in ZooKeeper", settings.scaleOutNodes(), true));
        List<PhaseResult> results = new ArrayList<>();
        for (Setup setup : setups) {
            try (org.redress.testing.TestDatabase.Provisioned database = org.redress.testing.TestDatabase.POSTGRESQL
                    .create(work.resolve(setup.key()));
                 org.redress.testing.TestBroker broker = org.redress.testing.TestBroker.create();
                 org.apache.curator.test.TestingServer zookeeper = new org.apache.curator.test.TestingServer(true)) {
                Map<String, String> extra = new LinkedHashMap<>(database.settings());
                if (setup.queue()) {
                    extra.putAll(broker.settings());
                    extra.put("redress.work.concurrency", String.valueOf(settings.scaleOutConcurrency()));
                }
                if (setup.nodes() > 1) {
                    extra.put("redress.cluster.service", "zookeeper");
                    extra.put("redress.cluster.zookeeper.nodes", zookeeper.getConnectString());
                    extra.put("redress.cluster.node-id", setup.key() + "-node1");
                }
                try (GatewayRun run = GatewayRun.start(setup.key(), settings, extra, settings.gatewayHeap(), work)) {
                    run.addNodes(setup.nodes() - 1, settings.gatewayHeap());
                    run.sandbox.jira().latency(Duration.ofMillis(settings.slowJiraMillis()));
                    List<SeedTicket> seeds = run.seed(mix.complaints(setup.key().replace("-", "") + "s",
                            mix.seedsFor(count)), warmUp(setup.key().replace("-", "")));
                    List<BenchMail> mails = mix.withReplies(setup.key().replace("-", ""), count, seeds);
                    double moreCpu = run.moreNodesCpuSeconds();
                    GatewayRun.Delivery d = run.deliver(mails, 0, settings.deadlineFor(count, Duration.ZERO));
                    List<String> notes = new ArrayList<>(notes(run, seeds, true));
                    if (setup.nodes() > 1) {
                        notes.add(String.format(Locale.ROOT, "heap and RSS are node 1's; CPU of the other nodes over "
                                + "the phase: %.1f s", run.moreNodesCpuSeconds() - moreCpu));
                    }
                    PhaseResult result = PhaseResult.of(setup.key(), count + " mails at once, every Jira answer "
                                    + settings.slowJiraMillis() + " ms late; " + setup.description(), null, run, d,
                            seeds.size(), jira(settings.slowJiraMillis(), 0), notes);
                    report.add(result);
                    results.add(result);
                }
            }
        }
        report.note(String.format(Locale.ROOT, "scale-out, Jira at %d ms: %d nodes on the work queue %.1f/s, 1 node on it "
                        + "%.1f/s, 1 node in-process %.1f/s: %.2fx the in-process node (all nodes on this machine's %d "
                        + "cores)", settings.slowJiraMillis(), settings.scaleOutNodes(),
                results.get(2).throughputPerSecond(), results.get(1).throughputPerSecond(),
                results.get(0).throughputPerSecond(),
                results.get(2).throughputPerSecond() / results.get(0).throughputPerSecond(),
                Runtime.getRuntime().availableProcessors()));
    }

    /** Saturation with Jira refusing every k-th ticket creation with 429 and Retry-After. */
    private void throttled() throws Exception {
        int count = settings.throttledComplaints();
        try (GatewayRun run = GatewayRun.start("throttled", settings, Map.of(), settings.gatewayHeap(), work)) {
            List<SeedTicket> seeds = run.seed(mix.complaints("thrs", mix.seedsFor(count)), warmUp("thr"));
            run.sandbox.jira().rateLimitEvery("POST", "/rest/api/3/issue", settings.throttleEvery(),
                    settings.retryAfterSeconds());
            List<BenchMail> mails = mix.withReplies("thr", count, seeds);
            GatewayRun.Delivery d = run.deliver(mails, 0, settings.deadlineFor(count, Duration.ZERO));
            report.add(PhaseResult.of("throttled", count + " mails at once, every " + settings.throttleEvery()
                            + "th create-issue call answered 429 (Retry-After " + settings.retryAfterSeconds() + " s)",
                    null, run, d, seeds.size(), jira(0, settings.throttleEvery()), notes(run, seeds, true)));
        }
    }

    /**
     * Complaints carrying a 25 MB scanned PDF among ordinary ones, the limits raised so the file is really read,
     * parsed and uploaded: the gateway's peak heap while they flow.
     */
    private void bigAttachments() throws Exception {
        byte[] scan = mix.scannedPdf(settings.bigFileBytes());
        List<BenchMail> plain = mix.complaints("bigp", settings.bigPlainCount());
        List<BenchMail> mails = new ArrayList<>(plain);
        int every = Math.max(1, (plain.size() + settings.bigCount()) / Math.max(1, settings.bigCount()));
        for (int i = 0; i < settings.bigCount(); i++) {
            mails.add(Math.min(mails.size(), i * every + every / 2), mix.big("big", i, scan));
        }
        Map<String, String> limits = new LinkedHashMap<>();
        limits.put("redress.intake.max-message-size", "40MB");
        limits.put("redress.intake.max-attachment-size", "30MB");
        try (GatewayRun run = GatewayRun.start("big-attachments", settings, limits, settings.bigGatewayHeap(), work)) {
            Duration sending = Duration.ofMillis((long) (mails.size() / settings.bigPlainRate() * 1000));
            // a 25 MB file takes seconds through SMTP, IMAP, Tika and the upload: allow 30 s each on top
            GatewayRun.Delivery d = run.deliver(mails, settings.bigPlainRate(),
                    settings.deadlineFor(mails.size(), sending).plusSeconds(30L * settings.bigCount()));
            List<String> notes = new ArrayList<>(notes(run, List.of(), false));
            notes.add(String.format(Locale.ROOT, "%d mails with a %.1f MB scanned PDF (%d bytes; mail %.1f MB) among %d "
                            + "ordinary ones, all offered at %.1f/s; -Xmx%s", settings.bigCount(), scan.length / 1e6,
                    scan.length, mails.stream().filter(m -> m.kind() == ComplaintMix.Kind.BIG_PDF).findFirst()
                            .map(m -> m.raw().length / 1e6).orElse(0.0), plain.size(), settings.bigPlainRate(),
                    settings.bigGatewayHeap()));
            int uploaded = 0;
            for (String key : run.tickets()) {
                var issue = run.sandbox.jira().issue(key);
                for (var attachment : issue.path("fields").path("attachment")) {
                    if (attachment.path("filename").asText().startsWith("scan-")
                            && attachment.path("size").asLong() == scan.length) {
                        uploaded++;
                    }
                }
            }
            notes.add(uploaded + " of " + settings.bigCount() + " 25 MB files uploaded to Jira whole");
            report.add(PhaseResult.of("big-attachments", settings.bigCount() + " complaints with a "
                            + Math.round(scan.length / 1e6) + " MB PDF among " + plain.size() + " ordinary ones at "
                            + settings.bigPlainRate() + "/s", settings.bigPlainRate(), run, d, 0, jira(0, 0), notes));
        }
    }

    private Map<String, Object> jira(int latencyMs, int throttleEvery) {
        Map<String, Object> jira = new LinkedHashMap<>();
        jira.put("latencyMs", latencyMs);
        jira.put("createIssue429Every", throttleEvery == 0 ? null : throttleEvery);
        jira.put("retryAfterSeconds", throttleEvery == 0 ? null : settings.retryAfterSeconds());
        return jira;
    }

    /** Batches of untimed complaints from customers of their own, for {@link GatewayRun#seed}. */
    private java.util.function.IntFunction<List<BenchMail>> warmUp(String phase) {
        return batch -> mix.complaints("warm" + phase + batch, settings.warmUp());
    }

    private List<String> notes(GatewayRun run, List<SeedTicket> seeds, boolean repliesWanted) {
        List<String> notes = new ArrayList<>();
        if (run.warmUpNote() != null) {
            notes.add(run.warmUpNote());
        }
        if (!seeds.isEmpty()) {
            notes.add(seeds.size() + " tickets opened before the measurement, answered by the replies");
        } else if (repliesWanted && settings.replyShare() > 0) {
            notes.add("no seed ticket was acknowledged in time: this phase has no replies");
        }
        return notes;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            System.err.println("bench: could not remove " + dir + ": " + e);
        }
    }
}
