package org.redress.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.redress.config.RedressConfig;
import org.redress.parsing.AttachmentReader;
import org.redress.parsing.LanguageGuesser;
import org.redress.parsing.MailParser;

/**
 * The limit the gateway is compared with: a client that does only what no complaints gateway can skip — fetch the
 * mail over IMAP and parse it — and nothing else (no database, no Jira, no acknowledgement). It reads the same
 * messages the gateway read, from the same mail server, in its own JVM with the gateway's JVM options (heap, JIT
 * compiler and collector: the ratio is then the gateway's own work, not a JVM setting), fetching in bulk
 * ({@code FetchProfile} with {@link IMAPFolder.FetchProfileItem#MESSAGE}: one {@code FETCH} per batch of message
 * numbers in a read-only folder, no per-message round trip) and parsing each mail with the gateway's parser built
 * exactly as {@code org.redress.camel.Gateway} builds it (same {@link AttachmentReader} limits and Tika setup, same
 * {@link LanguageGuesser} languages, same file-size limit), from the same configuration.
 *
 * <p>It runs on 1 thread (each mail in turn, as one inbox route does) and on several (each thread its own IMAP
 * connection and its own share of the messages), after untimed warm-up passes until one costs less than 10 % fewer
 * CPU seconds per message than the one before (at most {@link #MAX_WARM_UP_PASSES}), as the gateway is warmed:
 * with one short pass the timed rounds were still getting faster (222, 307, 318/s; the JVM's default compilers). Prints
 * one {@code LIMIT-RESULT <json>} line.
 */
public final class FetchParseLimit {
    static final String RESULT_PREFIX = "LIMIT-RESULT ";
    static final int MAX_WARM_UP_PASSES = 8;

    private FetchParseLimit() {
    }

    /** {@code --host= --port= --user= --password= --threads=1,2 --rounds=3 --batch=100 --warmup=<all messages>}. */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        String host = options.getOrDefault("host", "127.0.0.1");
        int port = Integer.parseInt(options.get("port"));
        String user = options.get("user");
        String password = options.getOrDefault("password", "bench");
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "1"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "100"));
        // by default every message: the first pass over a message also has the IMAP server read it from disk and
        // cache it, which the gateway's single read pays and a timed round should not
        int warmup = Integer.parseInt(options.getOrDefault("warmup", String.valueOf(Integer.MAX_VALUE)));
        List<Integer> threadCounts = new ArrayList<>();
        for (String t : options.getOrDefault("threads", "1").split(",")) {
            threadCounts.add(Integer.parseInt(t.trim()));
        }

        RedressConfig config = RedressConfig.load(Map.of());
        try (AttachmentReader attachments = new AttachmentReader(config.intake().maxAttachmentText(),
                config.intake().limits().textTimeout())) {
            MailParser parser = new MailParser(attachments,
                    new LanguageGuesser(new HashSet<>(config.intake().languages())),
                    config.intake().limits().maxAttachmentBytes());
            Mailbox mailbox = new Mailbox(host, port, user, password, batch);
            int messages = mailbox.count();
            ObjectNode result = new ObjectMapper().createObjectNode();
            result.put("server", host + ":" + port).put("mailbox", user).put("messages", messages)
                    .put("batch", batch);
            // as this JVM was started, not as it was asked to be
            result.putPOJO("jvmOptions", ManagementFactory.getRuntimeMXBean().getInputArguments());
            ArrayNode warmUps = result.put("warmupMessages", Math.min(warmup, messages)).putArray("warmupPasses");
            double before = Double.NaN;
            for (int pass = 0; pass < MAX_WARM_UP_PASSES; pass++) {
                Pass warm = mailbox.read(parser, 1, Math.min(warmup, messages));
                double cpuPerMessage = warm.messages == 0 ? Double.NaN : warm.clientCpuSeconds / warm.messages;
                warmUps.addObject().put("seconds", warm.seconds).put("clientCpuMsPerMessage", cpuPerMessage * 1000);
                if (cpuPerMessage >= before * 0.9) {
                    break;
                }
                before = cpuPerMessage;
            }
            ArrayNode runs = result.putArray("runs");
            for (int threads : threadCounts) {
                ObjectNode run = runs.addObject().put("threads", threads);
                ArrayNode each = run.putArray("rounds");
                List<Pass> passes = new ArrayList<>();
                int failures = 0;
                for (int round = 0; round < rounds; round++) {
                    Pass pass = mailbox.read(parser, threads, messages);
                    each.addObject().put("seconds", pass.seconds).put("messages", pass.messages)
                            .put("messagesPerSecond", pass.perSecond()).put("failures", pass.failures)
                            .put("clientCpuSeconds", pass.clientCpuSeconds)
                            .put("machineCpuSeconds", pass.machineCpuSeconds);
                    passes.add(pass);
                    failures += pass.failures;
                }
                passes.sort(java.util.Comparator.comparingDouble(Pass::perSecond));
                Pass median = passes.get(passes.size() / 2);
                // what the median pass cost per message: this client's CPU, and the machine's (the IMAP server too)
                run.put("messagesPerSecond", median.perSecond()).put("bytes", median.bytes)
                        .put("failures", failures);
                if (median.messages > 0 && Double.isFinite(median.machineCpuSeconds)) {
                    run.put("clientCpuMsPerMessage", median.clientCpuSeconds * 1000 / median.messages)
                            .put("machineCpuMsPerMessage", median.machineCpuSeconds * 1000 / median.messages);
                }
            }
            System.out.println(RESULT_PREFIX + result);
        }
        System.exit(0);
    }

    /**
     * Runs the limit in its own JVM with the gateway's JVM options ({@code -Xmx} among them); returns its result, or
     * throws with the log's name.
     */
    static JsonNode runInOwnJvm(int imapPort, String user, String password, List<String> jvmOptions,
                                List<Integer> threads, int rounds, Path log) throws Exception {
        List<String> command = new ArrayList<>(List.of(GatewayProcess.javaBinary()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                FetchParseLimit.class.getName(), "--port=" + imapPort, "--user=" + user, "--password=" + password,
                "--threads=" + String.join(",", threads.stream().map(String::valueOf).toList()),
                "--rounds=" + rounds));
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Cleanup.register(process, process::destroyForcibly);
        try {
            if (!process.waitFor(30, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("the limit client did not finish in 30 minutes; see " + log);
            }
        } finally {
            Cleanup.done(process);
        }
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith(RESULT_PREFIX)) {
                return new ObjectMapper().readTree(line.substring(RESULT_PREFIX.length()));
            }
        }
        throw new IllegalStateException("the limit client gave no result (exit " + process.exitValue() + "); see "
                + log);
    }

    private record Pass(int messages, long bytes, int failures, double seconds, double clientCpuSeconds,
                        double machineCpuSeconds) {
        double perSecond() {
            return seconds > 0 ? messages / seconds : 0;
        }
    }

    /** The mailbox the limit reads: read-only, so reading marks nothing and every pass reads the same mail. */
    private static final class Mailbox {
        private final String host;
        private final int port;
        private final String user;
        private final String password;
        private final int batch;
        private final Session session = Session.getInstance(new Properties());

        Mailbox(String host, int port, String user, String password, int batch) {
            this.host = host;
            this.port = port;
            this.user = user;
            this.password = password;
            this.batch = batch;
        }

        int count() throws Exception {
            Store store = session.getStore("imap");
            store.connect(host, port, user, password);
            try {
                return store.getFolder("INBOX").getMessageCount();
            } finally {
                store.close();
            }
        }

        /** Fetches and parses messages 1…{@code count}, split in contiguous shares over {@code threads}. */
        Pass read(MailParser parser, int threads, int count) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            AtomicInteger parsed = new AtomicInteger();
            AtomicInteger failures = new AtomicInteger();
            AtomicLong bytes = new AtomicLong();
            double clientCpu = Machine.processCpuSeconds();
            double machineCpu = Machine.busyCpuSeconds();
            long start = System.nanoTime();
            try {
                List<Future<?>> shares = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int from = 1 + (int) ((long) count * t / threads);
                    int to = (int) ((long) count * (t + 1) / threads);
                    shares.add(pool.submit(() -> {
                        readShare(parser, from, to, parsed, failures, bytes);
                        return null;
                    }));
                }
                for (Future<?> share : shares) {
                    share.get();
                }
            } finally {
                pool.shutdownNow();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Pass(parsed.get(), bytes.get(), failures.get(), seconds,
                    Machine.processCpuSeconds() - clientCpu, Machine.busyCpuSeconds() - machineCpu);
        }

        private void readShare(MailParser parser, int from, int to, AtomicInteger parsed, AtomicInteger failures,
                               AtomicLong bytes) throws Exception {
            if (from > to) {
                return;
            }
            Store store = session.getStore("imap");
            store.connect(host, port, user, password);
            try {
                IMAPFolder folder = (IMAPFolder) store.getFolder("INBOX");
                folder.open(Folder.READ_ONLY);
                FetchProfile whole = new FetchProfile();
                whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
                int sinceOpen = 0;
                for (int first = from; first <= to; first += batch) {
                    if (sinceOpen >= 500) {
                        // a fetched message keeps its bytes as long as the folder is open: reopen to let them go
                        folder.close(false);
                        folder.open(Folder.READ_ONLY);
                        sinceOpen = 0;
                    }
                    Message[] messages = folder.getMessages(first, Math.min(to, first + batch - 1));
                    sinceOpen += messages.length;
                    folder.fetch(messages, whole);
                    for (Message message : messages) {
                        ByteArrayOutputStream raw = new ByteArrayOutputStream();
                        message.writeTo(raw);
                        byte[] mime = raw.toByteArray();
                        bytes.addAndGet(mime.length);
                        try {
                            parser.parse(mime, "complaints", Instant.now());
                            parsed.incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                        }
                    }
                }
                folder.close(false);
            } finally {
                store.close();
            }
        }
    }
}
