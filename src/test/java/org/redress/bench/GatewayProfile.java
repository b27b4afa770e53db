package org.redress.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the gateway's Java threads spent their CPU, by the work they were doing. It answers what the limit's ratio
 * alone cannot: which part of the gateway's cost is the limit's own work (fetching and parsing) and which is the rest.
 *
 * <p>A flight recording of CPU samples only ({@link #settings}) over a batch of mail delivered after the measurement
 * (a recording costs the gateway CPU). Each sample is put under the work of the topmost frame of its stack that names
 * one ({@link #WORK_BY_PREFIX}, the longest matching prefix). The JDK's own frames, Jackson, Jakarta Mail's MIME
 * classes and the gateway's byte buffers name no work and are passed over, so that a string copied for the parser
 * counts as parsing and base64 decoded for an acknowledgement as acknowledging. Camel's own frames name routing,
 * unless the first gateway frame below them is one that calls Camel as a client ({@link #CAMEL_CLIENTS}: the Jira
 * client's HTTP calls, the CRM lookup's SQL).
 *
 * <p>A sample is taken only of a thread running Java code: time in system calls (socket and file writes) and in the
 * JVM's runtime is not sampled, and the report's milliseconds spread it over the works in proportion. {@link
 * Summary#coverage} says how much of the sampled threads' CPU the samples stood for.
 *
 * @param samples           the execution samples of the recording
 * @param byWork            samples by work, largest first
 * @param periodMillis      how often the recording sampled each thread running Java code
 * @param sampledCpuSeconds the CPU the sampled threads used over the recorded batch ({@link #unsampled}); NaN when
 *                          not read
 */
record GatewayProfile(int samples, Map<String, Integer> byWork, int periodMillis, double sampledCpuSeconds) {
    static final String FETCH = "fetch (IMAP)";
    static final String PARSE = "parse (MIME, Tika, language)";
    static final String REGISTER = "register (database)";
    static final String JIRA = "Jira calls";
    static final String ACKNOWLEDGE = "acknowledge (template, SMTP)";
    static final String ASSESS = "screen, thread, triage, history";
    static final String INTAKE = "intake bookkeeping";
    static final String WEBHOOKS = "webhooks, relay, timers";
    static final String ROUTING = "routing (Camel, step adapters)";
    static final String LOGGING = "logging";
    static final String OTHER = "other (JDK and libraries only)";

    /** The work the limit client also does: what the gateway's ratio compares. */
    static final List<String> LIMIT_WORK = List.of(FETCH, PARSE);

    /** Class name prefixes (a package, or a class) and the work a frame of theirs is doing. */
    static final Map<String, String> WORK_BY_PREFIX = workByPrefix();

    /** The gateway's classes that call Camel as a client: Camel's frames above them do their work. */
    static final List<String> CAMEL_CLIENTS = List.of("org.redress.camel.CamelJiraClient",
            "org.redress.camel.CrmLookup", "org.redress.camel.KeptOpenMailSender");

    /** The gateway's classes that serve every work alike, and so name none. */
    static final List<String> NO_WORK = List.of("org.redress.bytes.");

    private static Map<String, String> workByPrefix() {
        Map<String, String> work = new LinkedHashMap<>();
        work.put("org.redress.camel.imap.", FETCH);
        work.put("org.eclipse.angus.mail.imap.", FETCH);
        work.put("org.eclipse.angus.mail.iap.", FETCH);
        work.put("org.redress.parsing.", PARSE);
        work.put("org.apache.tika.", PARSE);
        work.put("org.apache.pdfbox.", PARSE);
        work.put("org.apache.fontbox.", PARSE);
        work.put("org.apache.poi.", PARSE);
        work.put("org.apache.xmlbeans.", PARSE);
        work.put("org.apache.commons.compress.", PARSE);
        work.put("org.apache.james.mime4j.", PARSE);
        work.put("com.optimaize.", PARSE);
        work.put("org.jsoup.", PARSE);
        work.put("org.redress.store.", REGISTER);
        work.put("org.h2.", REGISTER);
        work.put("com.zaxxer.hikari.", REGISTER);
        work.put("org.postgresql.", REGISTER);
        work.put("org.redress.jira.", JIRA);
        work.put("org.redress.camel.CamelJiraClient", JIRA);
        work.put("org.redress.camel.JiraAnswers", JIRA);
        work.put("org.apache.hc.", JIRA);
        work.put("org.apache.camel.component.http.", JIRA);
        work.put("org.redress.acknowledgement.", ACKNOWLEDGE);
        work.put("org.redress.camel.KeptOpenMailSender", ACKNOWLEDGE);
        work.put("org.redress.camel.OutboxSteps", ACKNOWLEDGE);
        work.put("org.redress.camel.CrmLookup", ASSESS);
        work.put("org.redress.camel.QueuedMime", ACKNOWLEDGE);
        work.put("org.eclipse.angus.mail.smtp.", ACKNOWLEDGE);
        work.put("freemarker.", ACKNOWLEDGE);
        for (String assess : List.of("screening", "conversation", "triage", "history", "authenticity", "bounce")) {
            work.put("org.redress." + assess + ".", ASSESS);
        }
        work.put("org.redress.intake.", INTAKE);
        for (String later : List.of("relay", "followup", "satisfaction", "health", "reporting")) {
            work.put("org.redress." + later + ".", WEBHOOKS);
        }
        work.put("org.apache.camel.component.platform.http.", WEBHOOKS);
        work.put("io.vertx.", WEBHOOKS);
        work.put("io.netty.", WEBHOOKS);
        work.put("org.redress.", ROUTING);
        work.put("org.apache.camel.", ROUTING);
        work.put("ch.qos.logback.", LOGGING);
        work.put("org.slf4j.", LOGGING);
        return Map.copyOf(work);
    }

    /** Settings for {@code JFR.start}: CPU samples of Java threads every {@code periodMillis}, nothing else. */
    static String settings(int periodMillis) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <configuration version="2.0" label="Redress benchmark" description="CPU samples only">
                  <event name="jdk.ExecutionSample">
                    <setting name="enabled">true</setting>
                    <setting name="period">%d ms</setting>
                  </event>
                </configuration>
                """.formatted(periodMillis);
    }

    /** The work of a stack, given as its frames' class names from the top (the running method) down. */
    static String workOf(List<String> classesFromTop) {
        for (int i = 0; i < classesFromTop.size(); i++) {
            String work = workOfFrame(classesFromTop.get(i));
            if (work == null) {
                continue;
            }
            if (work.equals(ROUTING) && classesFromTop.get(i).startsWith("org.apache.camel.")) {
                String client = classesFromTop.subList(i + 1, classesFromTop.size()).stream()
                        .filter(type -> type.startsWith("org.redress.")).findFirst()
                        .filter(type -> CAMEL_CLIENTS.stream().anyMatch(type::startsWith)).orElse(null);
                return client == null ? ROUTING : workOfFrame(client);
            }
            return work;
        }
        return OTHER;
    }

    /** The work a frame's class names, or null. */
    private static String workOfFrame(String type) {
        if (NO_WORK.stream().anyMatch(type::startsWith)) {
            return null;
        }
        String best = null;
        for (String prefix : WORK_BY_PREFIX.keySet()) {
            if (type.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best == null ? null : WORK_BY_PREFIX.get(best);
    }

    static GatewayProfile read(Path recording, int periodMillis, double sampledCpuSeconds) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                List<String> classes = new ArrayList<>();
                for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                    if (frame.isJavaFrame()) {
                        classes.add(frame.getMethod().getType().getName());
                    }
                }
                counts.merge(workOf(classes), 1, Integer::sum);
                samples++;
            }
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new GatewayProfile(samples, sorted, periodMillis, sampledCpuSeconds);
    }

    /** One work's samples, their share, and that share of the sampled threads' CPU per completed mail. */
    record Work(String work, int samples, double share, double msPerMail) {
    }

    /**
     * The profile in milliseconds per mail, for the results file and the report.
     *
     * @param threadsMsPerMail the CPU per completed mail of the threads a recording samples: the gateway's Java
     *                         threads, without the JIT compiler's, the collector's and the JVM's own (which it cannot)
     * @param limitWorkMsPerMail {@link #LIMIT_WORK}'s share of {@code threadsMsPerMail}
     * @param coverage         the samples times the period over the sampled threads' CPU in the recorded batch: the
     *                         part of that CPU spent in Java code, which the samples stand for (NaN: not known)
     */
    record Summary(int samples, int periodMillis, double threadsMsPerMail, List<Work> byWork,
                   double limitWorkMsPerMail, double coverage) {
    }

    Summary summary(double threadsMsPerMail) {
        List<Work> works = new ArrayList<>();
        byWork.forEach((work, count) -> works.add(new Work(work, count, count / (double) samples,
                threadsMsPerMail * count / samples)));
        double limitShare = LIMIT_WORK.stream().mapToInt(w -> byWork.getOrDefault(w, 0)).sum() / (double) samples;
        return new Summary(samples, periodMillis, threadsMsPerMail, List.copyOf(works), threadsMsPerMail * limitShare,
                sampledCpuSeconds > 0 ? samples * periodMillis / 1000.0 / sampledCpuSeconds : Double.NaN);
    }

    /** The CPU seconds of the threads a recording samples, from {@code jcmd Thread.print}'s groups. */
    static double sampledCpuSeconds(Map<String, Double> cpuByThreadGroup) {
        return cpuByThreadGroup.entrySet().stream().filter(e -> !unsampled(e.getKey()))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /**
     * Whether a thread group of {@code jcmd Thread.print} (digits written {@code #}, as {@code GatewayProcess} groups
     * them) is one a recording cannot sample: the JIT compiler's, the collector's, the JVM's own and the recorder's.
     */
    static boolean unsampled(String threadGroup) {
        return List.of("CompilerThread", "GC Thread", "G# ", "VM Thread", "VM Periodic", "Sweeper", "JFR ",
                "Service Thread", "Monitor Deflation", "Signal Dispatcher").stream().anyMatch(threadGroup::contains);
    }

    /**
     * Settings that record nothing, for a recording started with the JVM ({@code -XX:StartFlightRecording}) that
     * readies the recorder: a first recording started on a warm gateway sent its code back to the interpreter until
     * compiled anew (98 of 550 samples ran interpreted code, and the compiler took 2 s more); with the recorder readied
     * at start, 8 of 560 did.
     */
    static Path readyFile(Path dir) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("no-events.jfc"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<configuration version=\"2.0\" label=\"Redress "
                        + "benchmark\" description=\"nothing: only readies the recorder\"/>\n");
    }

    /** Writes the recording's settings where {@code JFR.start} can read them. */
    static Path settingsFile(Path dir, int periodMillis) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("cpu-samples.jfc"), settings(periodMillis));
    }
}
