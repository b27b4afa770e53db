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
 * Where the gateway's Java threads spent their CPU over a measurement, by the work they were doing: a flight
 * recording of CPU samples only ({@link #settings}), each sample put under the work of the first frame from the top
 * of its stack that names one ({@link #WORK_BY_PREFIX}: the longest matching prefix). The JDK's own frames, Jackson,
 * Jakarta Mail's MIME classes and the like name no work and are passed over, so that a string copied for the parser
 * counts as parsing and base64 decoded for an acknowledgement as acknowledging. It answers what the limit's ratio
 * alone cannot: which part of the gateway's cost is the limit's own work (fetching and parsing) and which is the rest.
 *
 * @param samples     the execution samples of the recording
 * @param byWork      samples by work, largest first
 * @param periodMillis how often the recording sampled each running thread
 */
record GatewayProfile(int samples, Map<String, Integer> byWork, int periodMillis) {
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
        for (String type : classesFromTop) {
            String best = null;
            for (String prefix : WORK_BY_PREFIX.keySet()) {
                if (type.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                    best = prefix;
                }
            }
            if (best != null) {
                return WORK_BY_PREFIX.get(best);
            }
        }
        return OTHER;
    }

    static GatewayProfile read(Path recording, int periodMillis) throws IOException {
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
        return new GatewayProfile(samples, sorted, periodMillis);
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
     */
    record Summary(int samples, int periodMillis, double threadsMsPerMail, List<Work> byWork,
                   double limitWorkMsPerMail) {
    }

    Summary summary(double threadsMsPerMail) {
        List<Work> works = new ArrayList<>();
        byWork.forEach((work, count) -> works.add(new Work(work, count, count / (double) samples,
                threadsMsPerMail * count / samples)));
        double limitShare = LIMIT_WORK.stream().mapToInt(w -> byWork.getOrDefault(w, 0)).sum() / (double) samples;
        return new Summary(samples, periodMillis, threadsMsPerMail, List.copyOf(works), threadsMsPerMail * limitShare);
    }

    /**
     * Whether a thread group of {@code jcmd Thread.print} is one a recording cannot sample: the JIT compiler's, the
     * collector's, the JVM's own and the recorder's.
     */
    static boolean unsampled(String threadGroup) {
        return List.of("CompilerThread", "GC Thread", "G1 ", "VM Thread", "VM Periodic", "Sweeper", "JFR ",
                "Service Thread", "Monitor Deflation", "Signal Dispatcher").stream().anyMatch(threadGroup::contains);
    }

    /** Writes the recording's settings where {@code JFR.start} can read them. */
    static Path settingsFile(Path dir, int periodMillis) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("cpu-samples.jfc"), settings(periodMillis));
    }
}
