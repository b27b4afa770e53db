package org.redress.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway in its own JVM, started exactly as a user starts it ({@code java … org.redress.Redress gateway} with
 * {@code -D} settings, as {@code SeparateProcesses} does), so that what is measured is the gateway alone: its heap
 * from its own GC log ({@code -Xlog:gc*}: the largest heap before and after any collection), its memory from the
 * kernel ({@code VmHWM}, the resident-set high-water mark in {@code /proc/<pid>/status}) and its CPU from
 * {@code /proc/<pid>/stat} ({@code utime + stime}) — none of which the driver's own work (mail server, Jira sandbox,
 * sending) can leak into.
 */
final class GatewayProcess implements AutoCloseable {
    private static final long CLOCK_TICKS = clockTicks();
    /** A thread's line in {@code jcmd Thread.print}: its name and the CPU it has used. */
    private static final Pattern THREAD_CPU = Pattern.compile("^\"(.+?)\".*? cpu=([\\d.]+)ms", Pattern.MULTILINE);
    private static final Pattern GC_SIZES = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final Path gcLog;
    private final int httpPort;
    private final List<String> command;
    private final Thread sampler;
    private volatile ProcStats last = new ProcStats(0, 0, 0);

    /** CPU time in seconds, resident set now and its high-water mark in kB. */
    record ProcStats(double cpuSeconds, long rssKb, long hwmKb) {
    }

    /** The largest heap occupancy seen just before and just after a collection, in MB; -1 without a GC log. */
    record GcPeaks(double beforeGcMb, double afterGcMb, int collections) {
    }

    private GatewayProcess(String name, Process process, Path log, Path gcLog, int httpPort, List<String> command) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.gcLog = gcLog;
        this.httpPort = httpPort;
        this.command = command;
        Cleanup.register(this, process::destroyForcibly);
        this.sampler = new Thread(this::sample, "bench-proc-" + name);
        this.sampler.setDaemon(true);
        this.sampler.start();
    }

    /**
     * @param settings   the gateway's settings ({@code redress.*}), passed as {@code -D}
     * @param jvmOptions e.g. {@code -Xmx512m}; the GC log and {@code -XX:+ExitOnOutOfMemoryError} are added
     */
    static GatewayProcess start(String name, Map<String, String> settings, List<String> jvmOptions, Path logDir)
            throws IOException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + "-gateway.log");
        Path gcLog = logDir.resolve(name + "-gc.log");
        Files.deleteIfExists(gcLog);
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(jvmOptions);
        command.add("-XX:+ExitOnOutOfMemoryError");
        if (Boolean.getBoolean("gateway.heap-dump")) {
            command.add("-XX:+HeapDumpOnOutOfMemoryError");
            command.add("-XX:HeapDumpPath=" + logDir.toAbsolutePath());
        }
        command.add("-Xlog:gc*:file=" + gcLog);
        String profiling = System.getProperty("gateway.jvm-options", "").replace("{phase}", name);
        if (!profiling.isBlank()) {
            command.addAll(List.of(profiling.trim().split("\\s+")));
        }
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.redress.Redress", "gateway"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int port = Integer.parseInt(settings.getOrDefault("redress.http.port", "8080"));
        return new GatewayProcess(name, process, log, gcLog, port, command);
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits until the gateway says it polls its inboxes; fails with the end of its log if it stops first. */
    void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway (" + name + ") stopped while starting:\n" + logTail(40));
            }
            if (Files.exists(log) && Files.readString(log).contains("Gateway: polling")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the gateway (" + name + ") did not start within " + timeout + ":\n"
                + logTail(40));
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** The JVM options the gateway runs with (for the results file), without the classpath and settings. */
    List<String> jvmOptions() {
        List<String> options = new ArrayList<>();
        for (String part : command.subList(1, command.size())) {
            if (part.equals("-cp")) {
                break;
            }
            if (!part.startsWith("-D")) {
                options.add(part.startsWith("-Xlog:gc*:file=") ? "-Xlog:gc*:file=<gc log>" : part);
            }
        }
        return options;
    }

    /**
     * CPU seconds used so far by each group of the gateway's threads (JVM threads too: compiler, GC), from the
     * {@code cpu=} of {@code jcmd Thread.print}; threads of one pool form one group (numbers stripped from their
     * names). Empty when the gateway cannot be asked. Says where a phase's CPU went, which the process total cannot.
     */
    Map<String, Double> threadCpu() {
        Map<String, Double> groups = new java.util.TreeMap<>();
        try {
            Matcher thread = THREAD_CPU.matcher(org.redress.testing.SeparateProcesses.threadPrint(process.pid()));
            while (thread.find()) {
                String group = thread.group(1).replaceFirst("^Camel \\(camel-\\d+\\) thread #\\d+ - ", "")
                        .replaceAll("\\d+", "#");
                groups.merge(group, Double.parseDouble(thread.group(2)) / 1000, Double::sum);
            }
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
        return groups;
    }

    /**
     * Starts a flight recording in the gateway ({@code jcmd JFR.start}) with the given settings file; false when jcmd
     * refused it (the report then has no profile, the phase is measured all the same).
     */
    boolean startRecording(String recording, Path settings) {
        return jcmd("Started recording", "JFR.start", "name=" + recording, "settings=" + settings.toAbsolutePath());
    }

    /** Stops the recording and writes it to {@code file}; false when jcmd could not. */
    boolean stopRecording(String recording, Path file) {
        try {
            // a file left by an earlier run must not pass for this recording
            Files.deleteIfExists(file);
        } catch (IOException e) {
            return false;
        }
        return jcmd("Stopped recording", "JFR.stop", "name=" + recording, "filename=" + file.toAbsolutePath())
                && Files.exists(file);
    }

    /**
     * Runs a diagnostic command in the gateway. jcmd exits with 0 when the command itself fails ("Could not parse
     * settings file …"), so success is what the command says when it worked: {@code done}.
     */
    private boolean jcmd(String done, String... command) {
        try {
            String said = org.redress.testing.SeparateProcesses.jcmd(process.pid(), command);
            if (!said.contains(done)) {
                System.out.println("bench: jcmd " + String.join(" ", command) + " failed: " + said.strip());
                return false;
            }
            return true;
        } catch (IOException e) {
            System.out.println("bench: jcmd " + String.join(" ", command) + " failed: " + e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** CPU and memory now (or as last seen, once the process has ended). */
    ProcStats stats() {
        ProcStats now = read();
        if (now != null) {
            last = now;
        }
        return last;
    }

    GcPeaks gcPeaks() {
        try {
            if (!Files.exists(gcLog)) {
                return new GcPeaks(-1, -1, 0);
            }
            Matcher sizes = GC_SIZES.matcher(Files.readString(gcLog));
            double before = 0;
            double after = 0;
            int collections = 0;
            while (sizes.find()) {
                before = Math.max(before, megabytes(sizes.group(1), sizes.group(2)));
                after = Math.max(after, megabytes(sizes.group(3), sizes.group(4)));
                collections++;
            }
            return new GcPeaks(before, after, collections);
        } catch (IOException e) {
            return new GcPeaks(-1, -1, 0);
        }
    }

    /** {@code GET /q/metrics} (Prometheus text), or null when the gateway does not answer it. */
    String metrics() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + httpPort + "/q/metrics")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    Path log() {
        return log;
    }

    /** Stops the gateway as an operator would (SIGTERM: it drains mail in flight), then for good after 30 s. */
    @Override
    public void close() {
        stats();
        sampler.interrupt();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Cleanup.done(this);
    }

    /** Keeps the last reading, so that a gateway that died (out of memory, say) still reports its peak. */
    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            ProcStats now = read();
            if (now == null) {
                return;
            }
            last = now;
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private ProcStats read() {
        try {
            Path proc = Path.of("/proc", String.valueOf(process.pid()));
            String stat = Files.readString(proc.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 3, utime field 14, stime field 15
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            long rss = 0;
            long hwm = 0;
            for (String line : Files.readAllLines(proc.resolve("status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kilobytes(line);
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kilobytes(line);
                }
            }
            return hwm == 0 ? null : new ProcStats(ticks / (double) CLOCK_TICKS, rss, hwm);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long kilobytes(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    private static double megabytes(String number, String unit) {
        double value = Double.parseDouble(number);
        return switch (unit) {
            case "K" -> value / 1024;
            case "G" -> value * 1024;
            default -> value;
        };
    }

    /** Clock ticks per second of /proc's CPU times ({@code getconf CLK_TCK}; 100 on Linux). */
    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            getconf.waitFor();
            return Long.parseLong(out);
        } catch (Exception e) {
            return 100;
        }
    }
}
