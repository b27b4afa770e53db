package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.redress.sandbox.jira.SandboxHttp.JSON;
import static org.redress.sandbox.jira.SandboxHttp.doc;

class JiraSandboxWebhookTest {

    private static final String SECRET = "It's a Secret to Everybody";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    // ---- comments

    @Test
    void addedCommentFiresSignedCommentCreatedNamingIssueAndComment() {
        JiraSandbox sandbox = sandbox();
        SandboxHttp http = new SandboxHttp(sandbox);
        http.create("Broken vase");
        Receiver receiver = receiver();
        sandbox.webhook(receiver.url(), SECRET);

        JsonNode comment = http.post("/rest/api/3/issue/CS-1/comment", comment("Sorry — we refund 50 €.")).json();

        Received event = receiver.next();
        assertThat(event.header("X-Hub-Signature")).isEqualTo("sha256=" + hmacSha256Hex(SECRET, event.body()));
        assertThat(event.header("Content-Type")).isEqualTo("application/json");
        assertThat(event.header("X-Atlassian-Webhook-Identifier")).isNotBlank();
        assertThat(event.header("X-Atlassian-Webhook-Retry")).isNull();
        JsonNode body = event.json();
        assertThat(body.path("webhookEvent").asText()).isEqualTo("comment_created");
        assertThat(body.path("timestamp").isIntegralNumber()).isTrue();
        assertThat(body.has("user")).isFalse();
        assertThat(body.path("issue").path("key").asText()).isEqualTo("CS-1");
        assertThat(body.path("issue").path("self").asText()).isEqualTo(sandbox.issue("CS-1").path("self").asText());
        assertThat(body.path("issue").path("fields").path("summary").asText()).isEqualTo("Broken vase");
        assertThat(body.path("issue").path("fields").path("status").path("statusCategory").path("key").asText()).isEqualTo("new");
        JsonNode sent = body.path("comment");
        assertThat(sent.path("id").asText()).isEqualTo(comment.path("id").asText());
        assertThat(sent.path("self").asText()).isEqualTo(comment.path("self").asText());
        assertThat(sent.path("body")).isEqualTo(doc("Sorry — we refund 50 €."));
        assertThat(sent.path("author").path("accountId").asText()).isEqualTo(comment.path("author").path("accountId").asText());
        assertThat(sent.path("author").path("emailAddress").asText()).isEqualTo("agent@example.com");
        assertThat(sent.path("created").asText()).isEqualTo(comment.path("created").asText());
        assertThat(sent.has("visibility")).isFalse();
        assertThat(sent.has("jsdPublic")).isFalse();
    }

    @Test
    void internalCommentCarriesItsVisibilityInTheWebhook() {
        JiraSandbox sandbox = sandbox();
        SandboxHttp http = new SandboxHttp(sandbox);
        http.create("Broken vase");
        Receiver receiver = receiver();
        sandbox.webhook(receiver.url(), SECRET);
        ObjectNode request = comment("Escalate to legal.");
        request.putObject("visibility").put("type", "role").put("value", "Administrators");

        assertThat(http.post("/rest/api/3/issue/CS-1/comment", request).status()).isEqualTo(201);

        JsonNode sent = receiver.next().json().path("comment");
        assertThat(sent.path("visibility")).isEqualTo(request.path("visibility"));
        assertThat(http.get("/rest/api/3/issue/CS-1/comment").json().path("comments").get(0).path("visibility"))
                .isEqualTo(request.path("visibility"));
    }

    @Test
    void groupRestrictedCommentCarriesIdentifierAndValueInTheWebhook() {
        JiraSandbox sandbox = sandbox();
        SandboxHttp http = new SandboxHttp(sandbox);
        http.create("Broken vase");
        Receiver receiver = receiver();
        sandbox.webhook(receiver.url(), SECRET);
        ObjectNode request = comment("Agents only.");
        request.putObject("visibility").put("type", "group")
                .put("identifier", "276f955c-63d7-42c8-9520-92d01dca0625").put("value", "jira-servicedesk-users");

        http.post("/rest/api/3/issue/CS-1/comment", request);

        assertThat(receiver.next().json().path("comment").path("visibility")).isEqualTo(request.path("visibility"));
    }

    // ---- issues

    @Test
    void createdIssueFiresIssueCreatedWithTheCallerAsUser() {
        Receiver receiver = receiver();
        JiraSandbox sandbox = sandboxWithWebhookBeforeStart(receiver.url(), SECRET);
        SandboxHttp http = new SandboxHttp(sandbox);

        http.create("Broken vase");

        JsonNode body = receiver.next().json();
        assertThat(body.path("webhookEvent").asText()).isEqualTo("jira:issue_created");
        assertThat(body.path("issue_event_type_name").asText()).isEqualTo("issue_created");
        assertThat(body.path("user").path("emailAddress").asText()).isEqualTo("agent@example.com");
        assertThat(body.path("user").path("accountId").asText())
                .isEqualTo(sandbox.issue("CS-1").path("fields").path("reporter").path("accountId").asText());
        JsonNode issue = body.path("issue");
        assertThat(issue.path("key").asText()).isEqualTo("CS-1");
        assertThat(issue.path("fields").path("project").path("key").asText()).isEqualTo("CS");
        assertThat(issue.path("fields").path("status").path("name").asText()).isEqualTo("To Do");
        assertThat(issue.path("fields").path("resolution").isNull()).isTrue();
        assertThat(issue.path("fields").path("labels").isArray()).isTrue();
        assertThat(issue.has("expand")).isFalse();
    }

    @Test
    void transitionToDoneFiresIssueUpdatedWithStatusAndResolutionChanges() {
        Receiver receiver = receiver();
        JiraSandbox sandbox = holdingOneIssueItsCreationHeard(receiver);
        SandboxHttp http = new SandboxHttp(sandbox);

        assertThat(transition(http, "41", "Won't Do").status()).isEqualTo(204);

        JsonNode body = receiver.next().json();
        assertThat(body.path("webhookEvent").asText()).isEqualTo("jira:issue_updated");
        assertThat(body.path("issue_event_type_name").asText()).isEqualTo("issue_generic");
        assertThat(body.path("user").path("emailAddress").asText()).isEqualTo("agent@example.com");
        assertThat(body.path("issue").path("fields").path("status").path("name").asText()).isEqualTo("Done");
        assertThat(body.path("issue").path("fields").path("status").path("statusCategory").path("key").asText()).isEqualTo("done");
        assertThat(body.path("issue").path("fields").path("resolution").path("name").asText()).isEqualTo("Won't Do");
        assertThat(body.path("changelog").path("id").asText()).matches("\\d+");
        JsonNode resolution = item(body, "resolution");
        assertThat(resolution.path("fieldtype").asText()).isEqualTo("jira");
        assertThat(resolution.path("from").isNull()).isTrue();
        assertThat(resolution.path("fromString").isNull()).isTrue();
        assertThat(resolution.path("to").asText()).isEqualTo(body.path("issue").path("fields").path("resolution").path("id").asText());
        assertThat(resolution.path("toString").asText()).isEqualTo("Won't Do");
        JsonNode status = item(body, "status");
        assertThat(status.path("fieldtype").asText()).isEqualTo("jira");
        assertThat(status.path("from").asText()).isEqualTo("10000");
        assertThat(status.path("fromString").asText()).isEqualTo("To Do");
        assertThat(status.path("to").asText()).isEqualTo("10001");
        assertThat(status.path("toString").asText()).isEqualTo("Done");
    }

    @Test
    void reopeningFiresStatusChangeAndClearedResolution() {
        Receiver receiver = receiver();
        JiraSandbox sandbox = sandboxWithWebhookBeforeStart(receiver.url(), SECRET);
        SandboxHttp http = new SandboxHttp(sandbox);
        http.create("Broken vase");
        transition(http, "41", null);
        receiver.next();
        String resolvedChangelog = receiver.next().json().path("changelog").path("id").asText();

        transition(http, "51", null);

        JsonNode body = receiver.next().json();
        assertThat(body.path("changelog").path("id").asText()).isNotEqualTo(resolvedChangelog);
        assertThat(item(body, "resolution").path("fromString").asText()).isEqualTo("Done");
        assertThat(item(body, "resolution").path("to").isNull()).isTrue();
        assertThat(item(body, "status").path("toString").asText()).isEqualTo("To Do");
    }

    @Test
    void transitionWithoutResolutionChangeHasOnlyTheStatusItem() {
        Receiver receiver = receiver();
        JiraSandbox sandbox = holdingOneIssueItsCreationHeard(receiver);
        SandboxHttp http = new SandboxHttp(sandbox);

        transition(http, "21", null);

        JsonNode items = receiver.next().json().path("changelog").path("items");
        assertThat(items).extracting(i -> i.path("field").asText()).containsExactly("status");
    }

    @Test
    void filesAddedInOneUploadFireOneIssueUpdatedWithAnAttachmentItemEach() {
        Receiver receiver = receiver();
        JiraSandbox sandbox = holdingOneIssueItsCreationHeard(receiver);
        SandboxHttp http = new SandboxHttp(sandbox);
        SandboxHttp.Multipart multipart = new SandboxHttp.Multipart();
        byte[] body = multipart.file("invoice.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))
                .file("photo.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}).build();

        JsonNode uploaded = http.upload("CS-1", body, multipart.boundary, true).json();

        JsonNode event = receiver.next().json();
        assertThat(event.path("webhookEvent").asText()).isEqualTo("jira:issue_updated");
        assertThat(event.path("issue_event_type_name").asText()).isEqualTo("issue_updated");
        assertThat(event.path("user").path("emailAddress").asText()).isEqualTo("agent@example.com");
        assertThat(event.path("issue").path("fields").path("attachment")).hasSize(2);
        assertThat(event.path("changelog").path("id").asText()).matches("\\d+");
        JsonNode items = event.path("changelog").path("items");
        assertThat(items).extracting(i -> i.path("field").asText()).containsExactly("Attachment", "Attachment");
        assertThat(items).extracting(i -> i.path("to").asText())
                .containsExactly(uploaded.get(0).path("id").asText(), uploaded.get(1).path("id").asText());
        assertThat(items).extracting(i -> i.path("toString").asText()).containsExactly("invoice.pdf", "photo.png");
        assertThat(items).allSatisfy(i -> assertThat(i.path("from").isNull()).isTrue());
    }

    @Test
    void editedFieldsFireIssueUpdatedNamingWhatChangedFromWhatToWhat() {
        Receiver receiver = receiver();
        JiraSandbox sandbox = holdingOneIssueItsCreationHeard(receiver);
        SandboxHttp http = new SandboxHttp(sandbox);
        ObjectNode edit = JSON.createObjectNode();
        edit.putObject("fields").put("summary", "Broken vase, second parcel");
        ObjectNode update = edit.putObject("update");
        update.putArray("labels").addObject().put("add", "sla-breached");
        update.putArray("priority").addObject().putObject("set").put("name", "High");

        assertThat(http.put("/rest/api/3/issue/CS-1", edit).status()).isEqualTo(204);

        JsonNode event = receiver.next().json();
        assertThat(event.path("webhookEvent").asText()).isEqualTo("jira:issue_updated");
        assertThat(event.path("issue_event_type_name").asText()).isEqualTo("issue_updated");
        assertThat(event.path("issue").path("fields").path("labels")).extracting(JsonNode::asText).contains("sla-breached");
        JsonNode summary = item(event, "summary");
        assertThat(summary.path("fromString").asText()).isEqualTo("Broken vase");
        assertThat(summary.path("toString").asText()).isEqualTo("Broken vase, second parcel");
        assertThat(item(event, "labels").path("toString").asText()).endsWith("sla-breached");
        assertThat(item(event, "priority").path("toString").asText()).isEqualTo("High");
        assertThat(item(event, "priority").path("to").asText())
                .isEqualTo(sandbox.issue("CS-1").path("fields").path("priority").path("id").asText());
        assertThat(event.path("changelog").path("items")).extracting(i -> i.path("field").asText())
                .containsExactlyInAnyOrder("summary", "labels", "priority");
    }

    @Test
    void editThatChangesNoFieldFiresNothing() {
        Receiver receiver = receiver();
        JiraSandbox sandbox = holdingOneIssueItsCreationHeard(receiver);
        SandboxHttp http = new SandboxHttp(sandbox);
        ObjectNode edit = JSON.createObjectNode();
        edit.putObject("fields").put("summary", "Broken vase");

        assertThat(http.put("/rest/api/3/issue/CS-1", edit).status()).isEqualTo(204);
        http.post("/rest/api/3/issue/CS-1/comment", comment("Looking into it."));

        assertThat(receiver.next().json().path("webhookEvent").asText()).isEqualTo("comment_created");
    }

    @Test
    void eventsArriveInTheOrderTheChangesWereMade() {
        Receiver receiver = receiver();
        JiraSandbox sandbox = sandboxWithWebhookBeforeStart(receiver.url(), SECRET);
        SandboxHttp http = new SandboxHttp(sandbox);

        http.create("Broken vase");
        http.post("/rest/api/3/issue/CS-1/comment", comment("Looking into it."));
        transition(http, "41", null);

        assertThat(List.of(receiver.next(), receiver.next(), receiver.next()))
                .extracting(r -> r.json().path("webhookEvent").asText())
                .containsExactly("jira:issue_created", "comment_created", "jira:issue_updated");
    }

    @Test
    void webhookRegisteredForCommentsAndUpdatesIsNotToldOfCreatedIssues() {
        Receiver receiver = receiver();
        JiraSandbox sandbox = sandbox().webhook(receiver.url(), SECRET, Set.of("comment_created", "jira:issue_updated"));
        SandboxHttp http = new SandboxHttp(sandbox);

        http.create("Broken vase");
        http.post("/rest/api/3/issue/CS-1/comment", comment("Looking into it."));
        transition(http, "41", null);

        assertThat(List.of(receiver.next(), receiver.next()))
                .extracting(r -> r.json().path("webhookEvent").asText())
                .containsExactly("comment_created", "jira:issue_updated");
        assertThat(sandbox.awaitWebhooksDelivered(WAIT)).isTrue();
        assertThat(sandbox.deliveredWebhooks()).extracting(WebhookDelivery::webhookEvent)
                .containsExactly("comment_created", "jira:issue_updated");
    }

    @Test
    void webhookRegisteredForCreatedIssuesOnlyHearsNothingOfComments() {
        Receiver receiver = receiver();
        JiraSandbox sandbox = sandbox().webhook(receiver.url(), SECRET, Set.of("jira:issue_created"));
        SandboxHttp http = new SandboxHttp(sandbox);

        http.create("Broken vase");
        http.post("/rest/api/3/issue/CS-1/comment", comment("Looking into it."));

        assertThat(receiver.next().json().path("webhookEvent").asText()).isEqualTo("jira:issue_created");
        assertThat(sandbox.awaitWebhooksDelivered(WAIT)).isTrue();
        assertThat(sandbox.deliveredWebhooks()).extracting(WebhookDelivery::webhookEvent)
                .containsExactly("jira:issue_created");
    }

    // ---- delivery

    @Test
    void restCallReturnsWithoutWaitingForTheReceiver() throws InterruptedException {
        Receiver receiver = receiver();
        CountDownLatch release = receiver.holdAnswers();
        JiraSandbox sandbox = sandboxWithWebhookBeforeStart(receiver.url(), SECRET);
        SandboxHttp http = new SandboxHttp(sandbox);

        assertTimeoutPreemptively(Duration.ofSeconds(3), () -> http.create("Broken vase"));

        release.countDown();
        assertThat(sandbox.awaitWebhooksDelivered(WAIT)).isTrue();
        assertThat(sandbox.deliveredWebhooks()).singleElement().satisfies(d -> {
            assertThat(d.delivered()).isTrue();
            assertThat(d.attempts()).isEqualTo(1);
        });
    }

    @Test
    void receiverFailingTwiceGetsTheSameDeliveryThreeTimesWithRetryCounts() {
        Receiver receiver = receiver(500, 503);
        JiraSandbox sandbox = sandboxWithWebhookBeforeStart(receiver.url(), SECRET);
        SandboxHttp http = new SandboxHttp(sandbox);

        http.create("Broken vase");

        List<Received> attempts = List.of(receiver.next(), receiver.next(), receiver.next());
        assertThat(attempts).extracting(r -> r.header("X-Atlassian-Webhook-Identifier")).containsOnly(
                attempts.get(0).header("X-Atlassian-Webhook-Identifier"));
        assertThat(attempts).extracting(r -> r.header("X-Atlassian-Webhook-Retry")).containsExactly(null, "1", "2");
        assertThat(attempts).extracting(r -> new String(r.body(), StandardCharsets.UTF_8))
                .containsOnly(new String(attempts.get(0).body(), StandardCharsets.UTF_8));
        assertThat(attempts).allSatisfy(r -> assertThat(r.header("X-Hub-Signature"))
                .isEqualTo("sha256=" + hmacSha256Hex(SECRET, r.body())));
        assertThat(sandbox.awaitWebhooksDelivered(WAIT)).isTrue();
        assertThat(sandbox.deliveredWebhooks()).singleElement().satisfies(d -> {
            assertThat(d.identifier()).isEqualTo(attempts.get(0).header("X-Atlassian-Webhook-Identifier"));
            assertThat(d.webhookEvent()).isEqualTo("jira:issue_created");
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.lastStatus()).isEqualTo(200);
            assertThat(d.delivered()).isTrue();
        });
    }

    @Test
    void unreachableReceiverIsGivenUpAfterFiveRetries() throws IOException {
        URI url;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            url = URI.create("http://127.0.0.1:" + gone.getLocalPort() + "/webhook");
        }
        JiraSandbox sandbox = sandboxWithWebhookBeforeStart(url, SECRET);

        new SandboxHttp(sandbox).create("Broken vase");

        assertThat(sandbox.awaitWebhooksDelivered(WAIT)).isTrue();
        assertThat(sandbox.deliveredWebhooks()).singleElement().satisfies(d -> {
            assertThat(d.delivered()).isFalse();
            assertThat(d.attempts()).isEqualTo(6);
            assertThat(d.lastStatus()).isEqualTo(-1);
        });
    }

    @Test
    void webhookWithoutSecretIsSentUnsigned() {
        Receiver receiver = receiver();
        JiraSandbox sandbox = sandboxWithWebhookBeforeStart(receiver.url(), null);

        new SandboxHttp(sandbox).create("Broken vase");

        Received event = receiver.next();
        assertThat(event.header("X-Hub-Signature")).isNull();
        assertThat(event.header("X-Atlassian-Webhook-Identifier")).isNotBlank();
        assertThat(event.json().path("webhookEvent").asText()).isEqualTo("jira:issue_created");
    }

    @Test
    void webhookSwitchedOffSendsNothing() throws InterruptedException {
        Receiver receiver = receiver();
        JiraSandbox sandbox = sandboxWithWebhookBeforeStart(receiver.url(), SECRET);
        sandbox.webhook(null, null);
        SandboxHttp http = new SandboxHttp(sandbox);

        http.create("Broken vase");
        http.post("/rest/api/3/issue/CS-1/comment", comment("Hello"));
        transition(http, "41", null);

        assertThat(sandbox.awaitWebhooksDelivered(WAIT)).isTrue();
        assertThat(sandbox.deliveredWebhooks()).isEmpty();
        assertThat(receiver.received.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void sandboxWithoutWebhookSendsNothing() {
        JiraSandbox sandbox = sandbox();

        new SandboxHttp(sandbox).create("Broken vase");

        assertThat(sandbox.awaitWebhooksDelivered(WAIT)).isTrue();
        assertThat(sandbox.deliveredWebhooks()).isEmpty();
    }

    // ---- helpers

    private JiraSandbox sandbox() {
        JiraSandbox sandbox = SandboxHttp.started("CS");
        toClose.add(0, sandbox);
        return sandbox;
    }

    /** A sandbox whose webhook hears every event, holding CS-1 ("Broken vase"), its creation event already received. */
    private JiraSandbox holdingOneIssueItsCreationHeard(Receiver receiver) {
        JiraSandbox sandbox = sandboxWithWebhookBeforeStart(receiver.url(), SECRET);
        new SandboxHttp(sandbox).create("Broken vase");
        receiver.next();
        return sandbox;
    }

    private JiraSandbox sandboxWithWebhookBeforeStart(URI url, String secret) {
        try {
            JiraSandbox sandbox = new JiraSandbox("127.0.0.1", 0, null, List.of("CS")).webhook(url, secret).start();
            toClose.add(0, sandbox);
            return sandbox;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Receiver receiver(int... firstAnswers) {
        Receiver receiver = new Receiver(firstAnswers);
        toClose.add(receiver);
        return receiver;
    }

    private static ObjectNode comment(String text) {
        ObjectNode body = JSON.createObjectNode();
        body.set("body", doc(text));
        return body;
    }

    private static SandboxHttp.Response transition(SandboxHttp http, String id, String resolution) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("transition").put("id", id);
        if (resolution != null) {
            body.putObject("fields").putObject("resolution").put("name", resolution);
        }
        return http.post("/rest/api/3/issue/CS-1/transitions", body);
    }

    private static JsonNode item(JsonNode event, String field) {
        for (JsonNode item : event.path("changelog").path("items")) {
            if (item.path("field").asText().equals(field)) {
                return item;
            }
        }
        throw new AssertionError("no changelog item for " + field + " in " + event.path("changelog"));
    }

    /** Written apart from the sandbox's signer on purpose: a shared bug would otherwise pass. */
    private static String hmacSha256Hex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** One POST as the receiver saw it. */
    private record Received(Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
            }
        }
    }

    /** A webhook endpoint that records every POST and answers with the given statuses first, then 200. */
    private static final class Receiver implements AutoCloseable {
        final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
        private final HttpServer server;
        private volatile CountDownLatch hold = new CountDownLatch(0);

        Receiver(int... firstAnswers) {
            for (int answer : firstAnswers) {
                answers.add(answer);
            }
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", this::handle);
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhook");
        }

        /** Makes the receiver sit on every request until the returned latch is released. */
        CountDownLatch holdAnswers() {
            hold = new CountDownLatch(1);
            return hold;
        }

        Received next() {
            try {
                Received next = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                if (next == null) {
                    throw new AssertionError("no webhook arrived within " + WAIT);
                }
                return next;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (exchange.getRequestMethod().equals("POST")) {
                    received.add(new Received(headers, body));
                }
                hold.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                Integer answer = answers.poll();
                exchange.sendResponseHeaders(answer == null ? 200 : answer, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            hold.countDown();
            server.stop(0);
        }
    }
}
