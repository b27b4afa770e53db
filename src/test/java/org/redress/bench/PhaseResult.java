package org.redress.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redress.bench.ArrivalWatcher.Tracked;

/**
 * The numbers of one phase, as written to {@code results.json} and printed in the table. Throughput counts from the
 * moment the first mail was handed to SMTP until the last acknowledgement arrived in its customer's mailbox (or the
 * last reply's comment existed): every ticket and acknowledgement of the phase exists at that moment. Latency is per
 * complaint, from the mail server accepting it to its acknowledgement arriving. CPU is the gateway process's own
 * (user + system) over the same stretch, divided by the mails completed in it.
 */
record PhaseResult(
        String name,
        String description,
        Double offeredPerSecond,
        int mails,
        int complaints,
        int replies,
        int seedTickets,
        long acknowledged,
        long commented,
        boolean complete,
        String stopReason,
        double sendingSeconds,
        double durationSeconds,
        double throughputPerSecond,
        Percentiles ackLatencyMs,
        Percentiles replyLatencyMs,
        int ticketsOpened,
        int unexpectedAcks,
        int repeatedAcks,
        long smtpMaxLagMs,
        int smtpFailures,
        double peakHeapAfterGcMb,
        double peakHeapBeforeGcMb,
        int gcCollections,
        double peakRssMb,
        double gatewayCpuSeconds,
        double cpuSecondsPerComplaint,
        double driverCpuSeconds,
        double machineCpuSeconds,
        boolean gatewaySurvived,
        Map<String, Object> jira,
        List<String> gatewayJvmOptions,
        Map<String, String> gatewaySettings,
        GatewayProfile.Summary gatewayProfile,
        RegisterFile registerFile,
        List<String> notes) {

    /** Reads the gateway's memory before it is stopped and its GC log after, so both cover its whole life. */
    static PhaseResult of(String name, String description, Double offered, GatewayRun run, GatewayRun.Delivery d,
                          int seedTickets, Map<String, Object> jira, List<String> notes) {
        return of(name, description, offered, run, d, null, seedTickets, jira, notes);
    }

    /**
     * @param profile the gateway's CPU samples by work, recorded over a batch of its own after {@code d} (null:
     *                none), put in ms per mail with {@code d}'s own CPU
     */
    static PhaseResult of(String name, String description, Double offered, GatewayRun run, GatewayRun.Delivery d,
                          GatewayProfile profile, int seedTickets, Map<String, Object> jira, List<String> notes) {
        GatewayProcess.ProcStats stats = run.gateway.stats();
        boolean survived = run.gateway.alive();
        run.stopGateway();
        GatewayProcess.GcPeaks gc = run.gateway.gcPeaks();
        List<Tracked> complaints = d.complaints();
        List<Tracked> replies = d.replies();
        long acknowledged = complaints.stream().filter(Tracked::done).count();
        long commented = replies.stream().filter(Tracked::done).count();
        long completed = acknowledged + commented;
        double duration = (d.lastDoneNanos() - d.startNanos()) / 1e9;
        List<Long> ackLatencies = complaints.stream().filter(Tracked::done).map(Tracked::latencyNanos)
                .filter(l -> l >= 0).toList();
        List<Long> replyLatencies = replies.stream().filter(Tracked::done).map(Tracked::latencyNanos)
                .filter(l -> l >= 0).toList();
        List<String> allNotes = new ArrayList<>(notes);
        String threads = cpuByThreads(d);
        if (threads != null) {
            allNotes.add(threads);
        }
        if (d.registerFile() != null && d.completed() > 0) {
            allNotes.add("the register's H2 file over the measurement: " + d.registerFile().perMail(d.completed()));
        }
        if (d.stopReason() != null) {
            allNotes.add("incomplete — " + d.stopReason());
        }
        if (d.ticketsOpened() != complaints.size()) {
            allNotes.add(d.ticketsOpened() + " tickets opened for " + complaints.size() + " complaints");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        run.settings.forEach((key, value) -> {
            // ports and folders change every run; the rest is what was chosen
            if (!key.endsWith(".port") && !key.endsWith("-dir") && !key.endsWith(".url") && !key.endsWith("password")) {
                settings.put(key, value);
            }
        });
        return new PhaseResult(name, description, offered, d.tracked().size(), complaints.size(), replies.size(),
                seedTickets, acknowledged, commented, d.stopReason() == null, d.stopReason(),
                (d.sendingEndNanos() - d.startNanos()) / 1e9, duration, completed == 0 ? 0 : completed / duration,
                Percentiles.ofNanos(ackLatencies), Percentiles.ofNanos(replyLatencies), d.ticketsOpened(),
                run.watcher.unexpectedAcks(), run.watcher.repeatedAcks(), run.smtp.maxLagMillis(),
                run.smtp.failures(), gc.afterGcMb(), gc.beforeGcMb(), gc.collections(), stats.hwmKb() / 1024.0,
                d.gatewayCpuSeconds(), completed == 0 ? Double.NaN : d.gatewayCpuSeconds() / completed,
                d.driverCpuSeconds(), d.machineCpuSeconds(), survived, jira, run.gateway.jvmOptions(), settings,
                summary(profile, d), d.registerFile(), allNotes);
    }

    /**
     * The samples' shares of what the sampled threads cost per mail over the measurement; null without samples.
     */
    private static GatewayProfile.Summary summary(GatewayProfile profile, GatewayRun.Delivery d) {
        long completed = d.completed();
        if (profile == null || profile.samples() == 0 || completed == 0) {
            return null;
        }
        double sampled = GatewayProfile.sampledCpuSeconds(d.gatewayCpuByThreads());
        // no thread's CPU read (jcmd failed): no milliseconds to share out
        return sampled > 0 ? profile.summary(sampled * 1000 / completed) : null;
    }

    /**
     * Where the gateway's CPU went over the measurement, by thread group, largest first (the groups that used at
     * least 1 % of it): JIT compilation and GC show beside the lanes and timers.
     */
    private static String cpuByThreads(GatewayRun.Delivery d) {
        double total = d.gatewayCpuByThreads().values().stream().mapToDouble(Double::doubleValue).sum();
        if (total <= 0) {
            return null;
        }
        List<String> parts = d.gatewayCpuByThreads().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .filter(e -> e.getValue() >= total / 100)
                .map(e -> String.format(java.util.Locale.ROOT, "%s %.1f s (%.0f %%)", e.getKey(), e.getValue(),
                        100 * e.getValue() / total))
                .toList();
        return String.format(java.util.Locale.ROOT, "gateway CPU by thread group over the measurement (%.1f s in "
                + "threads; the process total adds what no thread of jcmd's list shows): %s", total,
                String.join(", ", parts));
    }
}
