package org.redress.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.redress.camel.Gateway;
import org.redress.config.RedressConfig;
import org.redress.config.SandboxConfig;
import org.redress.sandbox.Sandbox;
import org.redress.tools.MailDelivery;

/**
 * A test's own complete world: the sandbox (real GreenMail SMTP/IMAP/POP3 and the Jira sandbox) on free ports, and
 * the real gateway configured from {@code config/application.properties} with only ports, data folder and database
 * changed. Every Jira request is checked against Atlassian's spec when the spec is available.
 */
public final class TestStack implements AutoCloseable {
    public static final String RECLAMATIONS = "reclamations@lumiere.example";
    public static final String RECLAMI = "reclami@lumiere.example";
    public static final String COMPLAINTS = "complaints@lumiere.example";

    public static final String WEBHOOK_SECRET = "test-webhook-secret";
    public static final String API_TOKEN = "test-api-token";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Sandbox sandbox;
    private final JiraSpecValidator validator;
    private final SandboxConfig sandboxConfig;
    private final TestDatabase.Provisioned database;
    private Gateway gateway;
    private Clock clock = Clock.systemUTC();
    private final List<JiraRequest> jiraRequests = new java.util.concurrent.CopyOnWriteArrayList<>();

    private TestStack(Path tempDir, TestDatabase database, Map<String, String> extra) throws Exception {
        int httpPort = FreePorts.next();
        // the sandbox's Jira fires signed webhooks at this gateway, unless the test turns webhooks off
        boolean webhooks = !"false".equals(extra.get("redress.conversation.webhooks"));
        sandboxConfig = new SandboxConfig("127.0.0.1", FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next(), FreePorts.next(), "CS", webhooks ? "http://127.0.0.1:" + httpPort + "/webhooks/jira" : null,
                WEBHOOK_SECRET).withJiraDataCenter("datacenter".equalsIgnoreCase(extra.get("redress.jira.flavour")));
        sandbox = new Sandbox(sandboxConfig, null).start();
        // GreenMail makes a user at its first login or delivery, and two at once for the same new user fail ("another
        // user of same email already exists"): the inboxes exist before the gateway and the test's mail reach them
        for (String inbox : List.of(RECLAMATIONS, RECLAMI, COMPLAINTS)) {
            sandbox.mail().setUser(inbox, inbox, "sandbox");
        }
        // Atlassian's published spec is Cloud's (v3): Data Center's v2 requests are held to the sandbox's own checks
        validator = sandboxConfig.jiraDataCenter() ? null : JiraSpecValidator.fromSharedSpec().orElse(null);
        if (validator == null && !sandboxConfig.jiraDataCenter() && System.getenv("CI") != null) {
            throw new IllegalStateException("CI requires ../shared/jira/jira-cloud-platform-v3.openapi.json: every Jira "
                    + "request of the end-to-end tests is checked against it");
        }
        java.util.function.Consumer<org.redress.sandbox.jira.RecordedRequest> check =
                validator == null ? null : validator.recorder();
        sandbox.jira().setRequestListener(request -> {
            jiraRequests.add(new JiraRequest(request.method(), request.path(), java.time.Instant.now()));
            if (check != null) {
                check.accept(request);
            }
        });
        settings.put("redress.data-dir", tempDir.resolve("data").toString());
        settings.put("redress.http.port", String.valueOf(httpPort));
        settings.put("redress.http.public-url", "http://127.0.0.1:" + httpPort);
        settings.put("redress.jira.webhook-secret", WEBHOOK_SECRET);
        settings.put("redress.jira.url", sandbox.jira().baseUrl());
        settings.put("redress.smtp.port", String.valueOf(sandboxConfig.smtpPort()));
        settings.put("redress.crm.url", sandbox.crm().jdbcUrl());
        settings.put("redress.api.token", API_TOKEN);
        settings.put("redress.intake.poll-interval", "PT0.3S");
        for (String inbox : List.of("reclamations", "reclami", "complaints")) {
            settings.put("redress.inbox." + inbox + ".port", String.valueOf(sandboxConfig.imapPort()));
        }
        this.database = database.create(tempDir);
        settings.putAll(this.database.settings());
        settings.putAll(extra);
        // inboxes a test adds live on the sandbox mail server too, on its IMAP or POP3 port
        extra.keySet().stream().filter(k -> k.matches("redress\\.inbox\\.[^.]+\\.address"))
                .map(k -> k.replace(".address", ""))
                .forEach(inbox -> settings.putIfAbsent(inbox + ".port", String.valueOf(
                        extra.getOrDefault(inbox + ".protocol", "imap").startsWith("pop3")
                                ? sandboxConfig.pop3Port() : sandboxConfig.imapPort())));
    }

    public static TestStack start(Path tempDir, TestDatabase database) throws Exception {
        return start(tempDir, database, Map.of());
    }

    public static TestStack start(Path tempDir, TestDatabase database, Map<String, String> extra) throws Exception {
        return start(tempDir, database, extra, Clock.systemUTC());
    }

    /** With the gateway's time on {@code clock} (a {@link MovableClock} lets a test skip hours). */
    public static TestStack start(Path tempDir, TestDatabase database, Map<String, String> extra, Clock clock)
            throws Exception {
        TestStack stack = new TestStack(tempDir, database, extra);
        stack.clock = clock;
        try {
            stack.startGateway();
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    /** The mail server, Jira sandbox and database, without the gateway: start it with {@link #startGatewayWith}. */
    public static TestStack prepare(Path tempDir, TestDatabase database, Map<String, String> extra) throws Exception {
        return new TestStack(tempDir, database, extra);
    }

    public void startGateway() throws Exception {
        gateway = Gateway.start(config(), clock);
    }

    /** Starts the gateway with more settings, kept for later restarts. */
    public void startGatewayWith(Map<String, String> more) throws Exception {
        settings.putAll(more);
        startGateway();
    }

    public int smtpPort() {
        return sandboxConfig.smtpPort();
    }

    public int imapPort() {
        return sandboxConfig.imapPort();
    }

    public void stopGateway() {
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
    }

    public RedressConfig config() {
        return RedressConfig.from(withDefaults(), System.getenv());
    }

    public Gateway gateway() {
        return gateway;
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    /** Sends raw mail through the sandbox's SMTP server, keeping its bytes and Message-ID. */
    public void deliver(byte[] raw, String... to) throws Exception {
        MailDelivery.deliver("127.0.0.1", sandboxConfig.smtpPort(), raw, List.of(to));
    }

    /** Puts raw mail straight into an inbox over IMAP APPEND: for messages an SMTP server would refuse. */
    public void append(String mailbox, byte[] raw) throws Exception {
        try (Store store = imapStore(mailbox)) {
            Folder inbox = store.getFolder("INBOX");
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            inbox.appendMessages(new Message[] {message});
        }
    }

    /** The raw mails in a mailbox folder, read over IMAP as the customer's mail program would. */
    public List<MimeMessage> mailbox(String address, String folderName) throws Exception {
        try (Store store = imapStore(address)) {
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return List.of();
            }
            folder.open(Folder.READ_ONLY);
            List<MimeMessage> messages = new ArrayList<>();
            Session session = Session.getInstance(new Properties());
            for (Message message : folder.getMessages()) {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                message.writeTo(raw);
                messages.add(new MimeMessage(session, new ByteArrayInputStream(raw.toByteArray())));
            }
            folder.close(false);
            return messages;
        }
    }

    /** Messages in a mailbox's INBOX that nobody has marked seen yet (IMAP STATUS). */
    public int unseen(String address) throws Exception {
        try (Store store = imapStore(address)) {
            return store.getFolder("INBOX").getUnreadMessageCount();
        }
    }

    /** How many messages a folder of a mailbox holds; 0 when the folder does not exist. */
    public int count(String address, String folderName) throws Exception {
        try (Store store = imapStore(address)) {
            Folder folder = store.getFolder(folderName);
            return folder.exists() ? folder.getMessageCount() : 0;
        }
    }

    public List<MimeMessage> mailbox(String address) throws Exception {
        return mailbox(address, "INBOX");
    }

    /** GET on the Jira sandbox's REST API, as an agent's tool would. */
    public JsonNode jira(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.jira().baseUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("agent@lumiere.example:t".getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body());
    }

    /** POST JSON to the Jira sandbox as an agent would (the sandbox then fires its webhooks); returns the answer. */
    public JsonNode jiraPost(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.jira().baseUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("agent@lumiere.example:t".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("POST " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
    }

    /** Uploads a file to an issue as an agent would (multipart, X-Atlassian-Token: no-check). */
    public void jiraUpload(String issueKey, String filename, String mediaType, byte[] content) throws Exception {
        String boundary = "redress-test-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + mediaType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.jira().baseUrl() + "/rest/api/3/issue/"
                        + issueKey + "/attachments"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("agent@lumiere.example:t".getBytes(StandardCharsets.UTF_8)))
                .header("X-Atlassian-Token", "no-check").header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("upload -> " + response.statusCode() + " " + response.body());
        }
    }

    /** POST to the gateway's own HTTP port with the given headers; returns the status code. */
    public int gatewayPost(String path, byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + config().httpPort() + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json");
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** GET on the gateway's own HTTP port with the API token: the status code and the body as bytes. */
    public HttpResponse<byte[]> gatewayHttp(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + config().httpPort() + path))
                .header("Authorization", "Bearer " + API_TOKEN).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The gateway's Prometheus scrape ({@code /q/metrics}) as text. */
    public String metrics() throws Exception {
        return new String(gatewayHttp("/q/metrics").body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** GET on the gateway's register API with a bearer token (null: none); the status and the JSON answer. */
    public ApiAnswer api(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + config().httpPort() + path))
                .header("Accept", "application/json").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new ApiAnswer(response.statusCode(), response.body().isBlank() ? json.createObjectNode()
                : json.readTree(response.body()));
    }

    /** GET on the register API with the configured token, failing unless it answers 200. */
    public JsonNode api(String path) throws Exception {
        ApiAnswer answer = api(path, API_TOKEN);
        if (answer.status() != 200) {
            throw new AssertionError("GET " + path + " -> " + answer.status() + " " + answer.body());
        }
        return answer.body();
    }

    public record ApiAnswer(int status, JsonNode body) {
    }

    /** Every request the Jira sandbox received, with when (answered or not: outages and 429s included). */
    public List<JiraRequest> jiraRequests() {
        return List.copyOf(jiraRequests);
    }

    public record JiraRequest(String method, String path, java.time.Instant at) {
    }

    public List<String> issueKeys() {
        return sandbox.jira().issueKeys();
    }

    /** Spec violations of every Jira request so far; empty when the spec is not available. */
    public List<String> specViolations() {
        return validator == null ? List.of() : validator.violations();
    }

    public boolean specAvailable() {
        return validator != null;
    }

    /** Stops everything, then fails the test if any Jira request of it broke Atlassian's spec. */
    @Override
    public void close() {
        stopGateway();
        sandbox.close();
        database.close();
        List<String> violations = specViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " Jira request(s) against Atlassian's spec:\n"
                    + String.join("\n", violations));
        }
    }

    private Store imapStore(String address) throws Exception {
        Properties properties = new Properties();
        Session session = Session.getInstance(properties);
        Store store = session.getStore("imap");
        store.connect("127.0.0.1", sandboxConfig.imapPort(), address, "any");
        return store;
    }

    private Map<String, String> withDefaults() {
        Map<String, String> values = new LinkedHashMap<>(RedressConfig.fileSettings());
        values.putAll(settings);
        return values;
    }
}
