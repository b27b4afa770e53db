package org.redress.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The benchmark's results: {@code results.json} (machine-readable: every phase's numbers, the settings, the machine,
 * the limit and the ratios, and each target with what was measured and whether it was met) and the same as a
 * table on standard output. The JSON keeps raw numbers (milliseconds, MB, per second); NaN and missing
 * measurements are written as {@code null}.
 */
final class BenchReport {
    /** One of the targets: what it asks, what was measured, met or not (null: not measured this run). */
    record Target(String target, String measured, Boolean pass, String from) {
    }

    /** The fetch+parse limit on the saturation phase's messages, and the gateway's throughput against it. */
    record Limit(JsonNode client, double singleThreadPerSecond, double allCoresPerSecond, int allCoresThreads,
                 double gatewayPerSecond, double ratioSingleThread, double ratioAllCores, String headline,
                 Ceiling ceiling) {
    }

    /**
     * An estimate of how far the limit's ratio can go on this machine at all. The driver (the Jira sandbox, the
     * customers' mailboxes, the Maildir drops) runs on the gateway's cores; for every mail a gateway tickets and
     * acknowledges (or comments) it spends {@code driverCpuMs}. A gateway whose own work cost no more than fetching and
     * parsing — the limit's {@code limitMachineCpuMs} of the whole machine's CPU per mail, its IMAP server included —
     * would still share the cores with that: at best {@code cores / (limitMachineCpuMs + driverCpuMs)} mails a
     * second, every core busy. An estimate, not a bound: CPU per mail changes with load, and {@code /proc/stat}
     * counts whatever else the machine runs (run the benchmark on a quiet machine). Only with the inboxes on
     * Dovecot: on GreenMail the driver serves the gateway's IMAP too.
     *
     * @param limitMachineCpuMs      the whole machine's CPU per mail in the limit's all-threads pass (client, IMAP server, kernel)
     * @param driverCpuMs            the driver's CPU per completed mail in the saturation phase, less its idle CPU per second
     *                               over the measurement (its own watching, the gateway's timers' Jira searches)
     * @param driverIdleCpuPerSecond the driver's CPU seconds per second just before the measurement, no mail sent
     * @param driverTotalCpuMs       the driver's whole CPU per completed mail in the saturation phase
     * @param gatewayCpuMs           the gateway's CPU per completed mail in the saturation phase
     * @param saturationMachineCpuMs the whole machine's CPU per completed mail in the saturation phase
     * @param ceilingPerSecond       {@code cores / (limitMachineCpuMs + driverCpuMs)}
     * @param ceilingRatio           that over the limit's all-threads throughput: about the most the headline ratio could be here
     */
    record Ceiling(int cores, double limitMachineCpuMs, double driverCpuMs, double driverIdleCpuPerSecond,
                   double driverTotalCpuMs, double gatewayCpuMs, double saturationMachineCpuMs,
                   double ceilingPerSecond, double ceilingRatio) {
    }

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final BenchSettings settings;
    private final Map<String, Object> machine;
    private final String runId;
    private final Instant started = Instant.now();
    private final List<PhaseResult> phases = new ArrayList<>();
    private final Map<String, String> failures = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private Limit limit;
    private PollCost.Result pollCost;

    BenchReport(BenchSettings settings, Map<String, Object> machine, String runId) {
        this.settings = settings;
        this.machine = machine;
        this.runId = runId;
    }

    void add(PhaseResult phase) {
        phases.add(phase);
    }

    void failed(String phase, Exception e) {
        failures.put(phase, e.toString());
    }

    void note(String note) {
        notes.add(note);
    }

    void limit(Limit limit) {
        this.limit = limit;
    }

    void pollCost(PollCost.Result result) {
        this.pollCost = result;
    }

    PhaseResult phase(String name) {
        return phases.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        PhaseResult fixed = phase("fixed-rate");
        targets.add(fixed == null ? notRun("intake→ack p99 ≤ 2 s at 10/s", "fixed-rate")
                : new Target("intake→ack p99 ≤ 2 s at " + number(fixed.offeredPerSecond()) + "/s",
                        ms(fixed.ackLatencyMs().p99()) + " ms" + (fixed.complete() ? "" : " (incomplete)"),
                        fixed.complete() && fixed.ackLatencyMs().p99() <= 2000, "fixed-rate"));
        PhaseResult saturation = phase("saturation");
        targets.add(saturation == null ? notRun("≥ 100 complaints/s with Jira at 0 ms", "saturation")
                : new Target("≥ 100 complaints/s with Jira at 0 ms", perSecond(saturation),
                        saturation.complete() && saturation.throughputPerSecond() >= 100, "saturation"));
        PhaseResult slow = phase("slow-jira");
        targets.add(slow == null ? notRun("≥ 25 complaints/s with Jira at 150 ms", "slow-jira")
                : new Target("≥ 25 complaints/s with Jira at " + slow.jira().get("latencyMs") + " ms", perSecond(slow),
                        slow.complete() && slow.throughputPerSecond() >= 25, "slow-jira"));
        targets.add(limit == null || Double.isNaN(limit.gatewayPerSecond())
                ? notRun("≥ 50 % of the fetch+parse limit's throughput", "limit")
                : new Target("≥ 50 % of the fetch+parse limit's throughput (all cores)",
                        String.format(Locale.ROOT, "%.1f %% (%.1f/s of %.1f/s)", limit.ratioAllCores() * 100,
                                limit.gatewayPerSecond(), limit.allCoresPerSecond()),
                        saturation != null && saturation.complete() && limit.ratioAllCores() >= 0.5, "limit"));
        PhaseResult big = phase("big-attachments");
        targets.add(big == null ? notRun("heap ≤ 256 MB while 25 MB attachments flow", "big-attachments")
                : new Target("heap ≤ 256 MB while 25 MB attachments flow (peak after GC)",
                        String.format(Locale.ROOT, "%.0f MB (-Xmx%s)%s", big.peakHeapAfterGcMb(), settings.bigGatewayHeap(),
                                big.gatewaySurvived() ? "" : ", gateway died"),
                        big.gatewaySurvived() && big.peakHeapAfterGcMb() >= 0 && big.peakHeapAfterGcMb() <= 256
                                && big.complete(), "big-attachments"));
        targets.add(pollTarget());
        return targets;
    }

    private Target pollTarget() {
        String wanted = "poll cost at 100 000 messages within 10 % of the cost at 0";
        if (pollCost == null || !pollCost.ran()) {
            return new Target(wanted, pollCost == null ? "not run" : "skipped: " + pollCost.skipped(), null, "poll-cost");
        }
        PollCost.Size empty = pollCost.size(0);
        PollCost.Size full = pollCost.size(100_000);
        if (empty == null || full == null) {
            return new Target(wanted, "not measured at 0 and 100 000 (sizes " + settings.pollSizes() + ")", null,
                    "poll-cost");
        }
        if (empty.windowMedianMs() == null || full.windowMedianMs() == null) {
            return new Target(wanted, "n/a: the gateway published no redress_inbox_poll_seconds for every inbox at "
                    + "/q/metrics", null, "poll-cost");
        }
        double ratio = full.windowMedianMs() / empty.windowMedianMs();
        String byRound = pollCost.ratiosByRound(100_000, 0).stream()
                .map(r -> String.format(Locale.ROOT, "%.2f×", r)).collect(Collectors.joining(", "));
        return new Target(wanted, String.format(Locale.ROOT, "median of 2-s windows' mean poll %.2f ms vs %.2f ms "
                        + "(%.2f×); mean of all %.0f and %.0f polls %.2f vs %.2f ms (%.2f×), by round %s; the gateway's "
                        + "CPU in a poll %s vs %s; sweeps %s vs %s",
                full.windowMedianMs(), empty.windowMedianMs(), ratio, full.polls(), empty.polls(), full.meanPollMs(),
                empty.meanPollMs(), full.meanPollMs() / empty.meanPollMs(), byRound, millis(full.meanPollCpuMs()),
                millis(empty.meanPollCpuMs()), millis(full.meanSweepMs()), millis(empty.meanSweepMs())),
                ratio <= 1.10, "poll-cost");
    }

    private static String millis(Double ms) {
        return ms == null ? "n/a" : String.format(Locale.ROOT, "%.2f ms", ms);
    }

    private static Target notRun(String target, String phase) {
        return new Target(target, "not run", null, phase);
    }

    void write(Path file) throws Exception {
        ObjectNode root = json.createObjectNode();
        root.put("benchmark", "Redress complaints gateway");
        root.put("runId", runId);
        root.put("startedAt", started.toString());
        root.put("finishedAt", Instant.now().toString());
        root.put("mode", settings.quick() ? "quick" : "full");
        root.set("machine", json.valueToTree(machine));
        ObjectNode chosen = json.valueToTree(settings);
        chosen.put("outputDir", settings.outputDir().toString());
        chosen.put("gatewayPollInterval", settings.effectivePollInterval());
        root.set("settings", chosen);
        root.set("phases", clean(json.valueToTree(phases)));
        root.set("limit", limit == null ? null : clean(json.valueToTree(limit)));
        root.set("pollCost", pollCost == null ? null : clean(json.valueToTree(pollCost)));
        root.set("targets", json.valueToTree(targets()));
        root.set("failures", json.valueToTree(failures));
        root.set("notes", json.valueToTree(notes));
        Files.createDirectories(file.toAbsolutePath().getParent());
        json.writeValue(file.toFile(), root);
    }

    /** NaN is not JSON: written as null. */
    private static JsonNode clean(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode child = object.get(name);
                if (child.isNumber() && !Double.isFinite(child.asDouble())) {
                    object.putNull(name);
                } else {
                    clean(child);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(BenchReport::clean);
        }
        return node;
    }

    void print(PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "Redress benchmark (%s run %s) — %s cores, %s MB, %s, %s%n",
                settings.quick() ? "QUICK" : "full", runId, machine.get("cores"), machine.get("memoryMb"),
                machine.get("java"), machine.get("os"));
        String header = String.format(Locale.ROOT, "%-16s %6s %6s %8s %8s %8s %8s %8s %8s %7s %7s %8s%n", "phase",
                "mails", "done", "time s", "per s", "p50 ms", "p95 ms", "p99 ms", "max ms", "heap MB", "RSS MB",
                "CPU s/c");
        out.print(header);
        out.println("-".repeat(header.length() - 1));
        for (PhaseResult p : phases) {
            out.printf(Locale.ROOT, "%-16s %6d %6d %8.1f %8.2f %8s %8s %8s %8s %7.0f %7.0f %8.4f%n", p.name(), p.mails(),
                    p.acknowledged() + p.commented(), p.durationSeconds(), p.throughputPerSecond(),
                    ms(p.ackLatencyMs().p50()), ms(p.ackLatencyMs().p95()), ms(p.ackLatencyMs().p99()),
                    ms(p.ackLatencyMs().max()), p.peakHeapAfterGcMb(), p.peakRssMb(), p.cpuSecondsPerComplaint());
            if (!p.complete()) {
                out.println("                 ! " + p.stopReason());
            }
        }
        out.println("(latency: mail in the inbox (Maildir drop or SMTP accepted) → acknowledgement in the customer's mailbox; heap: peak after GC from the "
                + "gateway's GC log; RSS: VmHWM; CPU: gateway s per completed mail)");
        if (limit != null && Double.isNaN(limit.gatewayPerSecond())) {
            out.printf(Locale.ROOT, "%nfetch+parse limit: %.1f/s on 1 thread, %.1f/s on %d threads (no saturation phase "
                    + "to compare with)%n", limit.singleThreadPerSecond(), limit.allCoresPerSecond(), limit.allCoresThreads());
        } else if (limit != null) {
            out.printf(Locale.ROOT, "%nfetch+parse limit on the saturation mails: %.1f/s on 1 thread, %.1f/s on %d "
                            + "threads; gateway %.2f/s = %.1f %% of the %d-thread limit (headline), %.1f %% of 1 thread%n",
                    limit.singleThreadPerSecond(), limit.allCoresPerSecond(), limit.allCoresThreads(),
                    limit.gatewayPerSecond(), limit.ratioAllCores() * 100, limit.allCoresThreads(),
                    limit.ratioSingleThread() * 100);
            Ceiling c = limit.ceiling();
            if (c != null) {
                out.printf(Locale.ROOT, "CPU per mail, the whole machine: the limit %.2f ms; saturation %.2f ms (gateway "
                                + "%.2f, driver %.2f, the rest — Dovecot, the kernel, other processes — %.2f); the "
                                + "driver idle %.3f s/s, so %.2f ms per mail for the mail itself%n"
                                + "ceiling here (estimate): a gateway costing no more than fetch+parse, beside this "
                                + "driver, could reach %d cores / (%.2f + %.2f ms) = %.1f/s = %.1f %% of the limit%n",
                        c.limitMachineCpuMs(), c.saturationMachineCpuMs(), c.gatewayCpuMs(), c.driverTotalCpuMs(),
                        c.saturationMachineCpuMs() - c.gatewayCpuMs() - c.driverTotalCpuMs(),
                        c.driverIdleCpuPerSecond(), c.driverCpuMs(), c.cores(), c.limitMachineCpuMs(),
                        c.driverCpuMs(), c.ceilingPerSecond(), c.ceilingRatio() * 100);
            }
        }
        printProfile(out);
        if (pollCost != null) {
            if (!pollCost.ran()) {
                out.println("\npoll cost: skipped — " + pollCost.skipped());
            } else {
                out.printf(Locale.ROOT, "%npoll cost (Dovecot %s, poll interval %s):%n", pollCost.dovecot(),
                        pollCost.pollInterval());
                for (PollCost.Round r : pollCost.rounds()) {
                    out.printf(Locale.ROOT, "  round %d, one gateway holding %s: idle gateway CPU %.4f s/s%n", r.round(),
                            r.messagesByInbox(), r.cpuSecondsPerSecond());
                }
                for (PollCost.Size s : pollCost.sizes()) {
                    String byRound = s.readings().stream().map(r -> r.meanPollMs() == null ? "n/a"
                            : String.format(Locale.ROOT, "%.2f", r.meanPollMs()))
                            .collect(Collectors.joining(" / "));
                    out.printf(Locale.ROOT, "  %,9d messages: %s polls, median of 2-s windows %s, mean poll %s (by "
                                    + "round %s ms), the gateway's CPU in a poll %s; %s sweeps, mean %s (filled in "
                                    + "%.1f s, Dovecot indexed in %.1f s)%n",
                            s.messages(), s.polls() == null ? "n/a" : String.format(Locale.ROOT, "%.0f", s.polls()),
                            millis(s.windowMedianMs()), millis(s.meanPollMs()), byRound, millis(s.meanPollCpuMs()),
                            s.sweeps() == null ? "n/a" : String.format(Locale.ROOT, "%.0f", s.sweeps()),
                            millis(s.meanSweepMs()), s.fillSeconds(), s.dovecotIndexSeconds());
                }
                PollCost.NewMail n = pollCost.newMail();
                if (n != null) {
                    out.printf(Locale.ROOT, "  new mail in the %,d-message mailbox: %d of %d acknowledged, %d tickets, "
                                    + "in %.1f s (p50 %s ms, max %s ms)%s%n", n.mailbox(), n.acknowledged(), n.delivered(),
                            n.ticketsOpened(), n.seconds(), ms(n.latencyMs().p50()), ms(n.latencyMs().max()),
                            n.stopReason() == null ? "" : " — " + n.stopReason());
                }
            }
        }
        out.println("\ntargets" + (settings.quick() ? " (quick run: small numbers, indicative only)" : "") + ":");
        for (Target t : targets()) {
            out.printf(Locale.ROOT, "  [%s] %s — %s%n", t.pass() == null ? " -- " : t.pass() ? "pass" : "FAIL",
                    t.target(), t.measured());
        }
        failures.forEach((phase, error) -> out.println("  phase " + phase + " failed: " + error));
        notes.forEach(note -> out.println("  note: " + note));
    }

    /** The saturation phase's CPU samples by work, beside what the limit client spends on its share of it. */
    private void printProfile(PrintStream out) {
        PhaseResult saturation = phase("saturation");
        if (saturation != null && saturation.registerFile() != null) {
            long completed = saturation.acknowledged() + saturation.commented();
            if (completed > 0) {
                out.printf(Locale.ROOT, "%nthe register's H2 file at saturation (the gateway's redress_register_file_* "
                        + "counters over the measurement; counts, which do not follow the machine's speed as times do): %s%n",
                        saturation.registerFile().perMail(completed));
            }
        }
        GatewayProfile.Summary p = saturation == null ? null : saturation.gatewayProfile();
        if (p == null) {
            return;
        }
        String coverage = Double.isFinite(p.coverage())
                ? String.format(Locale.ROOT, "%.0f %%", p.coverage() * 100) : "an unknown part";
        out.printf(Locale.ROOT, "%nthe gateway's CPU at saturation by work (%d samples of its threads in Java code every "
                        + "%d ms, over a batch of half as many mails after the measurement, standing for %s of "
                        + "those threads' CPU in it; each work's share of those threads' %.2f ms per mail in the "
                        + "measurement):%n  %s%n", p.samples(), p.periodMillis(), coverage,
                p.threadsMsPerMail(), p.byWork().stream()
                        .map(w -> String.format(Locale.ROOT, "%s %.0f %% %.2f ms", w.work(), w.share() * 100,
                                w.msPerMail()))
                        .collect(Collectors.joining("; ")));
        double outside = saturation.cpuSecondsPerComplaint() * 1000 - p.threadsMsPerMail();
        String client = "";
        if (limit != null) {
            JsonNode runs = limit.client().path("runs");
            double clientMs = runs.path(runs.size() - 1).path("clientCpuMsPerMessage").asDouble(Double.NaN);
            client = String.format(Locale.ROOT, " (the limit client: %.2f ms per mail on %d threads, its whole "
                    + "process, its JIT compiler and collector included)", clientMs, limit.allCoresThreads());
        }
        out.printf(Locale.ROOT, "  the limit's own work (%s) in the gateway: %.2f ms per mail%s; the gateway's other "
                        + "work %.2f ms; the rest of the gateway's CPU (the JIT compiler, the collector, the JVM's "
                        + "own threads, threads gone before the end) %.2f ms%n",
                String.join(", ", GatewayProfile.LIMIT_WORK), p.limitWorkMsPerMail(), client,
                p.threadsMsPerMail() - p.limitWorkMsPerMail(), outside);
    }

    private static String perSecond(PhaseResult p) {
        return String.format(Locale.ROOT, "%.2f/s%s", p.throughputPerSecond(), p.complete() ? ""
                : " (incomplete: " + (p.acknowledged() + p.commented()) + " of " + p.mails() + ")");
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.0f", value);
    }

    private static String number(Double value) {
        return value == null ? "?" : value == Math.rint(value) ? String.valueOf(value.intValue()) : value.toString();
    }
}
