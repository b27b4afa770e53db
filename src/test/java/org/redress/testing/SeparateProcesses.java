package org.redress.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The run modes as a user runs them, each in its own JVM: {@code sandbox} (mail server, Jira sandbox, demo CRM) and
 * {@code gateway}, on free ports, with the test's settings as {@code -D} flags. Logs go to
 * {@code target/separate-processes/}, where a failed CI run can be read.
 */
public final class SeparateProcesses implements AutoCloseable {
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> processes = new ArrayList<>();
    private final Path dataDir;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final int smtp = FreePorts.next();
    private final int imap = FreePorts.next();
    private final int jira = FreePorts.next();
    private final int crm = FreePorts.next();
    private final int gatewayHttp = FreePorts.next();

    public SeparateProcesses(Path dataDir, Map<String, String> extra) {
        this.dataDir = dataDir;
        settings.put("redress.data-dir", dataDir.toString());
        settings.put("redress.sandbox.smtp-port", String.valueOf(smtp));
        settings.put("redress.sandbox.imap-port", String.valueOf(imap));
        settings.put("redress.sandbox.pop3-port", String.valueOf(FreePorts.next()));
        settings.put("redress.sandbox.jira-port", String.valueOf(jira));
        settings.put("redress.sandbox.crm-port", String.valueOf(crm));
        settings.put("redress.crm.url", "jdbc:h2:tcp://127.0.0.1:" + crm + "/mem:" + org.redress.sandbox.DemoCrm.DATABASE);
        settings.put("redress.jira.url", "http://127.0.0.1:" + jira);
        settings.put("redress.smtp.port", String.valueOf(smtp));
        settings.put("redress.intake.poll-interval", "PT0.3S");
        settings.put("redress.http.port", String.valueOf(gatewayHttp));
        for (String inbox : List.of("reclamations", "reclami", "complaints")) {
            settings.put("redress.inbox." + inbox + ".port", String.valueOf(imap));
        }
        settings.putAll(extra);
    }

    public int smtpPort() {
        return smtp;
    }

    public int gatewayHttpPort() {
        return gatewayHttp;
    }

    /** Starts {@code java … org.redress.Redress <mode>} with the settings; its output goes to {@code log}. */
    public Process start(String mode, String log) throws Exception {
        return start(mode, log, List.of("-Xmx512m"));
    }

    /** @param jvmOptions options for the JVM, such as its heap limit */
    public Process start(String mode, String log, List<String> jvmOptions) throws Exception {
        return start(mode, log, jvmOptions, Map.of());
    }

    /** @param own settings of this process alone, over the shared ones (a node's HTTP port and data folder) */
    public Process start(String mode, String log, List<String> jvmOptions, Map<String, String> own) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // as the Docker image runs it (docs/DEPLOYMENT.md, "JVM options"); an option in jvmOptions comes later and wins,
        // but another collector also needs -XX:-UseParallelGC (the JVM refuses two)
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseParallelGC");
        command.addAll(jvmOptions);
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.putAll(own);
        all.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.redress.Redress", mode));
        Path logs = Files.createDirectories(Path.of("target", "separate-processes"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(log).toFile()).start();
        processes.add(process);
        return process;
    }

    /** Every issue of project CS with its labels, page by page. */
    public List<JsonNode> issues() throws Exception {
        return issues("labels");
    }

    /** Every issue of project CS with the given fields, page by page. */
    public List<JsonNode> issues(String... fields) throws Exception {
        List<JsonNode> issues = new ArrayList<>();
        String pageToken = null;
        do {
            ObjectNode body = json.createObjectNode().put("jql", "project = CS ORDER BY key ASC").put("maxResults", 100);
            ArrayNode wanted = body.putArray("fields");
            for (String field : fields) {
                wanted.add(field);
            }
            if (pageToken != null) {
                body.put("nextPageToken", pageToken);
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + jira + "/rest/api/3/search/jql"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("agent:t".getBytes()))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            JsonNode page = json.readTree(response.body());
            page.path("issues").forEach(issues::add);
            pageToken = page.path("nextPageToken").isTextual() ? page.path("nextPageToken").asText() : null;
        } while (pageToken != null);
        return issues;
    }

    public int issueCount() throws Exception {
        return issues().size();
    }

    /** The Message-IDs in a customer's mailbox on the sandbox mail server. */
    public List<String> messageIds(String customer) throws Exception {
        return messageIds(customer, "INBOX");
    }

    /** The Message-IDs in one folder of a mailbox on the sandbox mail server. */
    public List<String> messageIds(String user, String folder) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", imap, user, "any");
        try {
            Folder inbox = store.getFolder(folder);
            List<String> ids = new ArrayList<>();
            if (inbox.exists()) {
                inbox.open(Folder.READ_ONLY);
                for (Message message : inbox.getMessages()) {
                    String[] id = message.getHeader("Message-ID");
                    ids.add(id == null ? "" : id[0]);
                }
                inbox.close(false);
            }
            return ids;
        } finally {
            store.close();
        }
    }

    /** GET on the gateway's register API with the shipped sandbox token. */
    public JsonNode api(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayHttp + path))
                .header("Authorization", "Bearer sandbox-api-token").header("Accept", "application/json").build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body());
    }

    /** GET on the gateway's register API, the answer's bytes as they came. */
    public byte[] apiBytes(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayHttp + path))
                .header("Authorization", "Bearer sandbox-api-token").build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " -> " + response.statusCode());
        }
        return response.body();
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * Writes the threads of a process started here to {@code target/separate-processes/<file>}, so that a test which
     * found it stuck leaves the evidence beside its log.
     */
    public static void threadDump(Process process, String file) {
        try {
            Path out = Files.createDirectories(Path.of("target", "separate-processes")).resolve(file);
            Files.writeString(out, threadPrint(process.pid()));
        } catch (Exception e) {
            System.err.println("no thread dump of process " + process.pid() + ": " + e);
        }
    }

    /**
     * {@code jcmd <pid> Thread.print}: every thread of a JVM with its stack and the CPU it has used.
     */
    public static String threadPrint(long pid) throws java.io.IOException, InterruptedException {
        return jcmd(pid, "Thread.print");
    }

    /**
     * {@code jcmd <pid> <command…>}: what the JVM answered. Waits at most 30 s (a stuck JVM may not answer jcmd at
     * all) and returns what jcmd had written by then. jcmd exits with 0 even when the command failed, so a caller
     * reads the answer.
     */
    public static String jcmd(long pid, String... command) throws java.io.IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        line.addAll(List.of(command));
        Path out = Files.createTempFile("jcmd-" + pid, ".txt");
        try {
            Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            boolean finished = jcmd.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            if (!finished) {
                jcmd.destroyForcibly();
            }
            String text = new String(Files.readAllBytes(out), java.nio.charset.StandardCharsets.UTF_8);
            return finished ? text : text + "\n(jcmd did not finish within 30 s)\n";
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @Override
    public void close() {
        processes.forEach(Process::destroyForcibly);
    }
}
