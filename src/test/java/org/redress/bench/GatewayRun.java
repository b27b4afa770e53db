package org.redress.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.redress.bench.ArrivalWatcher.Tracked;
import org.redress.bench.ComplaintMix.BenchMail;
import org.redress.bench.ComplaintMix.SeedTicket;
import org.redress.config.SandboxConfig;
import org.redress.sandbox.Sandbox;
import org.redress.testing.FreePorts;

/**
 * One phase's world: a fresh sandbox in the driver's JVM (GreenMail with {@code TCP_NODELAY}, the Jira sandbox, the
 * demo CRM, on free ports), a fresh gateway process with its own data folder (embedded H2) pointed at it, the SMTP
 * sender and the watcher that sees acknowledgements and comments arrive. Nothing is shared between phases, so one
 * phase's tickets, mailboxes or warm caches never flatter or burden the next.
 */
final class GatewayRun implements AutoCloseable {
    static final String WEBHOOK_SECRET = "bench-webhook-secret";

    final String name;
    final SandboxConfig sandboxConfig;
    final Sandbox sandbox;
    final ArrivalWatcher watcher;
    /** The inboxes' mail server: SMTP into GreenMail, or Maildir drops into Dovecot. */
    final MailDrop smtp;
    /** Where the inboxes live when not on GreenMail (null then). */
    final DovecotPeer dovecot;
    final GatewayProcess gateway;
    final Map<String, String> settings;
    private final BenchSettings bench;
    /** More nodes beside {@link #gateway} (the scale-out phase), with the same settings but their own port and data. */
    private final List<GatewayProcess> moreNodes = new ArrayList<>();
    /** The untimed seed and warm-up batches, as {@link #seed} delivered them. */
    private final List<Delivery> warmUps = new ArrayList<>();

    /**
     * What became of a batch of delivered mail, with the CPU over exactly that stretch: the gateway's, the driver's
     * (this JVM: SMTP or Maildir drops, the Jira sandbox, the customers' mailboxes, and the inboxes' IMAP server when
     * they are on GreenMail) and the whole machine's.
     */
    record Delivery(List<Tracked> tracked, long startNanos, long sendingEndNanos, long endNanos, String stopReason,
                    double gatewayCpuSeconds, double driverCpuSeconds, double machineCpuSeconds, int ticketsOpened,
                    Map<String, Double> gatewayCpuByThreads, RegisterFile registerFile) {
        List<Tracked> complaints() {
            return tracked.stream().filter(t -> !t.mail.isReply()).toList();
        }

        List<Tracked> replies() {
            return tracked.stream().filter(t -> t.mail.isReply()).toList();
        }

        long completed() {
            return tracked.stream().filter(Tracked::done).count();
        }

        long lastDoneNanos() {
            return tracked.stream().filter(Tracked::done).mapToLong(t -> t.doneAt).max().orElse(endNanos);
        }
    }

    /** The shipped configuration's inboxes (id → address), all three read by every phase's gateway. */
    static final Map<String, String> INBOXES = Map.of("reclamations", "reclamations@lumiere.example",
            "reclami", "reclami@lumiere.example", "complaints", "complaints@lumiere.example");

    private GatewayRun(String name, BenchSettings bench, Map<String, String> extra, String heap, Path work,
                       Map<String, String> inboxOverrides, boolean profiled) throws Exception {
        this.name = name;
        this.bench = bench;
        int gatewayHttp = FreePorts.next();
        SandboxConfig config = new SandboxConfig("127.0.0.1", FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next(), FreePorts.next(), "CS", "http://127.0.0.1:" + gatewayHttp + "/webhooks/jira",
                WEBHOOK_SECRET);
        this.sandboxConfig = config;
        Sandbox started = new Sandbox(config, null).start();
        ArrivalWatcher watching = null;
        MailDrop sending = null;
        DovecotPeer inboxServer = null;
        try {
            watching = new ArrivalWatcher(started);
            if (bench.intakeOnDovecot()) {
                List<String> users = new ArrayList<>(INBOXES.values());
                users.add(Benchmark.LIMIT_MAILBOX);
                inboxServer = DovecotPeer.start(users, "bench-" + name);
                for (String user : users) {
                    inboxServer.login(user);
                }
                sending = new MaildirDrop(inboxServer, bench.smtpConnections());
            } else {
                sending = new SmtpDriver(config.smtpPort(), bench.smtpConnections());
            }
            settings = new LinkedHashMap<>();
            settings.put("redress.data-dir", Files.createDirectories(work.resolve(name).resolve("data")).toString());
            settings.put("redress.http.port", String.valueOf(gatewayHttp));
            settings.put("redress.jira.url", started.jira().baseUrl());
            settings.put("redress.jira.webhook-secret", WEBHOOK_SECRET);
            settings.put("redress.smtp.port", String.valueOf(config.smtpPort()));
            settings.put("redress.crm.url", started.crm().jdbcUrl());
            for (String inbox : INBOXES.keySet()) {
                settings.put("redress.inbox." + inbox + ".port",
                        String.valueOf(inboxServer != null ? inboxServer.port() : config.imapPort()));
                if (inboxServer != null) {
                    settings.put("redress.inbox." + inbox + ".password", inboxServer.password());
                }
            }
            if (!bench.pollInterval().isEmpty()) {
                settings.put("redress.intake.poll-interval", bench.pollInterval());
            }
            settings.putAll(inboxOverrides);
            settings.putAll(extra);
            this.sandbox = started;
            this.watcher = watching;
            this.smtp = sending;
            this.dovecot = inboxServer;
            List<String> jvm = new ArrayList<>(bench.gatewayJvmOptions(heap));
            if (profiled) {
                // the recorder readied before the warm-up (GatewayProfile.readyFile); this one records nothing
                jvm.add("-XX:StartFlightRecording=name=ready,settings="
                        + GatewayProfile.readyFile(bench.outputDir().resolve("logs")).toAbsolutePath());
            }
            this.gateway = GatewayProcess.start(name, settings, jvm, bench.outputDir().resolve("logs"));
        } catch (Exception | Error e) {
            if (sending != null) {
                sending.close();
            }
            if (inboxServer != null) {
                inboxServer.close();
            }
            if (watching != null) {
                watching.close();
            }
            started.close();
            throw e;
        }
    }

    /** Starts the sandbox and the gateway and waits until the gateway polls its inboxes. */
    static GatewayRun start(String name, BenchSettings bench, Map<String, String> extra, String heap, Path work)
            throws Exception {
        return start(name, bench, extra, heap, work, Map.of());
    }

    static GatewayRun start(String name, BenchSettings bench, Map<String, String> extra, String heap, Path work,
                            Map<String, String> inboxOverrides) throws Exception {
        return start(name, bench, extra, heap, work, inboxOverrides, false);
    }

    /**
     * @param profiled whether a batch will be recorded ({@link #profile}): the gateway
     *                 then starts with the flight recorder readied
     */
    static GatewayRun start(String name, BenchSettings bench, Map<String, String> extra, String heap, Path work,
                            Map<String, String> inboxOverrides, boolean profiled) throws Exception {
        GatewayRun run = new GatewayRun(name, bench, extra, heap, work, inboxOverrides, profiled);
        try {
            run.gateway.awaitReady(Duration.ofMinutes(3));
            return run;
        } catch (Exception | Error e) {
            run.close();
            throw e;
        }
    }

    /**
     * Tickets opened before the measurement, for its replies to answer, then the gateway warmed until it runs steady:
     * batches of untimed complaints ({@code warmUp} gives batch i) until one costs less than 10 % fewer gateway CPU
     * seconds per mail than the batch before it with the JIT compiler under 10 % of its thread CPU, or
     * {@code bench.warm-up-batches} have run. A gateway that has just
     * started spends much of its first thousands of mails on the JIT (a third of its CPU with C2), which a gateway in
     * service has mostly behind it; the limit client is measured warm too. Returns the seeds whose acknowledgement
     * arrived; what the warm-up cost is kept for {@link #warmUpNote()}.
     */
    List<SeedTicket> seed(List<BenchMail> seeds, java.util.function.IntFunction<List<BenchMail>> warmUp)
            throws Exception {
        List<BenchMail> first = new ArrayList<>(seeds);
        if (bench.warmUpBatches() > 0) {
            first.addAll(warmUp.apply(0));
        }
        if (first.isEmpty()) {
            return List.of();
        }
        Delivery seeded = deliver(first, 0, untimedDeadline(first.size()));
        warmUps.add(seeded);
        for (int batch = 1; batch < bench.warmUpBatches() && !steady(); batch++) {
            List<BenchMail> mails = warmUp.apply(batch);
            warmUps.add(deliver(mails, bench.warmUpRate(), untimedDeadline(mails.size())));
        }
        return ArrivalWatcher.seedTickets(seeded.tracked().stream().filter(t -> seeds.contains(t.mail)).toList());
    }

    private Duration untimedDeadline(int mails) {
        return Duration.ofSeconds(bench.minPhaseSeconds() + 2L * mails);
    }

    /**
     * Whether the last warm-up batch cost less than 10 % fewer CPU seconds per mail than the one before it, and the
     * JIT compiler took less than 10 % of it. The CPU per mail alone settles while C2 is still compiling (after 7,600
     * mails: 20.7 then 20.0 ms, the compiler at 23 %; BENCHMARKS.md, "The JVM's own compilers after 20,000 mails").
     */
    private boolean steady() {
        if (warmUps.size() < 2) {
            return false;
        }
        Delivery lastBatch = warmUps.get(warmUps.size() - 1);
        double last = cpuPerMail(lastBatch);
        double before = cpuPerMail(warmUps.get(warmUps.size() - 2));
        // a compiler share that could not be read does not hold the warm-up back
        return last >= before * 0.9 && !(compilerFraction(lastBatch) >= 0.1);
    }

    private static double cpuPerMail(Delivery d) {
        long done = d.completed();
        return done == 0 ? Double.NaN : d.gatewayCpuSeconds() / done;
    }

    /**
     * What the untimed mails before the measurement cost the just-started gateway, batch by batch: the cold start
     * the measurement leaves out, reported beside it. Null when there were none.
     */
    String warmUpNote() {
        if (warmUps.isEmpty()) {
            return null;
        }
        List<String> mails = new ArrayList<>();
        List<String> cpu = new ArrayList<>();
        List<String> rates = new ArrayList<>();
        for (Delivery d : warmUps) {
            long done = d.completed();
            double seconds = (d.lastDoneNanos() - d.startNanos()) / 1e9;
            mails.add(done + "/" + d.tracked().size());
            cpu.add(String.format(java.util.Locale.ROOT, "%.1f", cpuPerMail(d) * 1000));
            rates.add(String.format(java.util.Locale.ROOT, "%.1f", done == 0 ? 0 : done / seconds));
        }
        return "untimed before the measurement, on the just-started gateway (seed tickets, then warm-up batches until "
                + "the CPU per mail fell by less than 10 % with the JIT compiler under 10 %, or " + bench.warmUpBatches()
                + " batches): mails done "
                + String.join(", ", mails) + "; gateway CPU ms per mail " + String.join(", ", cpu) + "; per s "
                + String.join(", ", rates) + (steady() ? "" : "; not yet steady") + compilerShare();
    }

    /**
     * The JIT compiler threads' share of the last warm-up batch's thread CPU: with C2 on 2 cores it stays high for
     * thousands of mails, while the CPU per mail already looks steady, so the note says it.
     */
    private String compilerShare() {
        double fraction = compilerFraction(warmUps.get(warmUps.size() - 1));
        return Double.isNaN(fraction) ? "" : String.format(java.util.Locale.ROOT, "; JIT compiler threads %.0f %% of "
                + "the last batch's thread CPU", 100 * fraction);
    }

    /** The JIT compiler threads' share of a batch's thread CPU, or NaN when no thread's CPU was read. */
    private static double compilerFraction(Delivery d) {
        Map<String, Double> threads = d.gatewayCpuByThreads();
        double total = threads.values().stream().mapToDouble(Double::doubleValue).sum();
        double compiler = threads.entrySet().stream().filter(e -> e.getKey().contains("CompilerThread"))
                .mapToDouble(Map.Entry::getValue).sum();
        return total <= 0 ? Double.NaN : compiler / total;
    }

    /**
     * Delivers the mail — all at once ({@code perSecond <= 0}) or at a fixed rate by the wall clock — and waits until
     * each complaint's acknowledgement and each reply's comment exists, the deadline passes, progress stops for
     * {@code bench.stall-seconds}, or the gateway dies: a slow gateway gives numbers for what it finished.
     */
    Delivery deliver(List<BenchMail> mails, double perSecond, Duration deadline) throws Exception {
        List<Tracked> tracked = watcher.expect(mails);
        int ticketsBefore = sandbox.jira().issueKeys().size();
        Map<String, Double> threadsBefore = gateway.threadCpu();
        RegisterFile registerBefore = RegisterFile.of(gateway.metrics());
        double gatewayCpu = gateway.stats().cpuSeconds();
        double driverCpu = driverCpuSeconds();
        double machineCpu = Machine.busyCpuSeconds();
        long start = System.nanoTime();
        ExecutorService pacing = Executors.newSingleThreadExecutor();
        List<Future<?>> sent;
        Future<List<Future<?>>> paced = null;
        if (perSecond > 0) {
            paced = pacing.submit(() -> smtp.atRate(mails, perSecond, watcher::delivered));
            sent = List.of();
        } else {
            sent = smtp.allAtOnce(mails, watcher::delivered);
        }
        long deadlineNanos = start + deadline.toNanos();
        long sendingEnd = -1;
        long nextReport = start + Duration.ofSeconds(15).toNanos();
        String stop = null;
        while (stop == null) {
            if (System.nanoTime() > nextReport) {
                nextReport += Duration.ofSeconds(15).toNanos();
                System.out.printf(java.util.Locale.ROOT, "bench:   %s: %d of %d done, %d delivered, %.0f s%n", name,
                        tracked.stream().filter(Tracked::done).count(), tracked.size(),
                        tracked.stream().filter(t -> t.deliveredAt >= 0).count(), (System.nanoTime() - start) / 1e9);
            }
            if (sendingEnd < 0) {
                if (paced != null && paced.isDone()) {
                    sent = paced.get();
                    paced = null;
                }
                if (paced == null && sent.stream().allMatch(Future::isDone)) {
                    sendingEnd = System.nanoTime();
                }
            }
            long done = tracked.stream().filter(Tracked::done).count();
            long now = System.nanoTime();
            if (done == tracked.size()) {
                break;
            } else if (!gateway.alive()) {
                stop = "the gateway exited (see " + gateway.log() + ")";
            } else if (now > deadlineNanos) {
                stop = "deadline: " + done + " of " + tracked.size() + " done after " + deadline.toSeconds() + " s";
            } else if (sendingEnd > 0 && now - Math.max(watcher.lastProgressNanos(), sendingEnd)
                    > Duration.ofSeconds(bench.stallSeconds()).toNanos()) {
                stop = "stalled: nothing done for " + bench.stallSeconds() + " s (" + done + " of " + tracked.size()
                        + " done)";
            } else {
                Thread.sleep(50);
            }
        }
        long end = System.nanoTime();
        // before jcmd is started for the threads' CPU below: its JVM is not the stretch's
        double driverCpuUsed = driverCpuSeconds() - driverCpu;
        double machineCpuUsed = Machine.busyCpuSeconds() - machineCpu;
        pacing.shutdownNow();
        double gatewayCpuUsed = gateway.stats().cpuSeconds() - gatewayCpu;
        Map<String, Double> byThreads = new LinkedHashMap<>();
        gateway.threadCpu().forEach((group, seconds) -> {
            double used = seconds - threadsBefore.getOrDefault(group, 0.0);
            if (used > 0) {
                byThreads.put(group, used);
            }
        });
        RegisterFile registerAfter = RegisterFile.of(gateway.metrics());
        return new Delivery(tracked, start, sendingEnd < 0 ? end : sendingEnd, end, stop, gatewayCpuUsed,
                driverCpuUsed, machineCpuUsed, sandbox.jira().issueKeys().size() - ticketsBefore, byThreads,
                registerBefore == null || registerAfter == null ? null : registerAfter.minus(registerBefore));
    }

    /**
     * Delivers the mail all at once as {@link #deliver(List, double, Duration)} does, with the gateway's CPU samples
     * recorded over the batch every {@code profileMillis} ({@link GatewayProfile}), the recording kept in the logs
     * folder; null when the gateway would not record.
     */
    GatewayProfile profile(List<BenchMail> mails, Duration deadline, int profileMillis) throws Exception {
        Path logs = bench.outputDir().resolve("logs");
        String recording = "bench-" + name;
        Path file = logs.resolve(name + "-cpu.jfr");
        if (!gateway.startRecording(recording, GatewayProfile.settingsFile(logs, profileMillis))) {
            return null;
        }
        Delivery d;
        try {
            d = deliver(mails, 0, deadline);
        } catch (Exception | Error e) {
            gateway.stopRecording(recording, file);
            throw e;
        }
        return gateway.stopRecording(recording, file)
                ? GatewayProfile.read(file, profileMillis, GatewayProfile.sampledCpuSeconds(d.gatewayCpuByThreads()))
                : null;
    }

    /**
     * The driver's CPU seconds per second while no mail is sent, over {@code window}: what its own watching and the
     * gateway's timers cost it (the Jira sandbox answers the follow-up searches) whatever the rate of mail.
     */
    double driverIdleCpuPerSecond(Duration window) throws InterruptedException {
        double before = driverCpuSeconds();
        long start = System.nanoTime();
        Thread.sleep(window.toMillis());
        return (driverCpuSeconds() - before) / ((System.nanoTime() - start) / 1e9);
    }

    static double driverCpuSeconds() {
        return Machine.processCpuSeconds();
    }

    /** Every issue key the Jira sandbox holds. */
    List<String> tickets() {
        return new ArrayList<>(sandbox.jira().issueKeys());
    }

    /** Starts {@code count} more gateway nodes on the same settings, each with its own HTTP port, data and node id. */
    void addNodes(int count, String heap) throws Exception {
        for (int i = 0; i < count; i++) {
            Map<String, String> own = new LinkedHashMap<>(settings);
            String node = name + "-node" + (moreNodes.size() + 2);
            own.put("redress.http.port", String.valueOf(FreePorts.next()));
            own.put("redress.data-dir", Files.createDirectories(Path.of(settings.get("redress.data-dir"))
                    .resolveSibling(node)).toString());
            own.put("redress.cluster.node-id", node);
            GatewayProcess process = GatewayProcess.start(node, own, bench.gatewayJvmOptions(heap),
                    bench.outputDir().resolve("logs"));
            moreNodes.add(process);
            process.awaitReady(Duration.ofMinutes(3));
        }
    }

    /** CPU seconds the extra nodes have used so far. */
    double moreNodesCpuSeconds() {
        double cpu = 0;
        for (GatewayProcess node : moreNodes) {
            cpu += node.stats().cpuSeconds();
        }
        return cpu;
    }

    /** Stops the gateway (SIGTERM, then for good), leaving the sandbox up: its mail can still be read. */
    void stopGateway() {
        moreNodes.forEach(GatewayProcess::close);
        gateway.close();
    }

    @Override
    public void close() {
        moreNodes.forEach(GatewayProcess::close);
        gateway.close();
        smtp.close();
        if (dovecot != null) {
            dovecot.close();
        }
        watcher.close();
        sandbox.close();
    }
}
