package org.redress.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.acknowledgement.PlainText;
import org.redress.testing.TestDatabase;
import org.redress.testing.TestStack;
import org.redress.testing.WebClient;
import org.redress.testing.WebClient.FormFile;

/** The web channel: POST /api/complaints (JSON and the form's multipart) and the form page, end to end. */
class WebChannelTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tempDir;

    @Test
    void jsonComplaintBecomesTicketWithItsFileAndAnAcknowledgementByMailInTheChosenLanguage() throws Exception {
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2)) {
            WebClient web = new WebClient(stack.config().httpPort());
            HttpResponse<String> answer = web.postJson(complaint("giulia.web@example.org", "it",
                    "Lavatrice consegnata rotta", "Buongiorno, la lavatrice consegnata ieri ha il cestello ammaccato "
                            + "e non parte. Ordine LM-2026-004411. Allego la fattura.",
                    "fattura.pdf", WebClient.pdf("Fattura LM-2026-004411")), Map.of());

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            JsonNode receipt = JSON.readTree(answer.body());
            assertThat(receipt.path("status").asText()).isEqualTo("received");
            long id = receipt.path("complaint").asLong();

            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox("giulia.web@example.org").size() == 1);
            assertThat(stack.issueKeys()).hasSize(1);
            JsonNode issue = stack.jira("/rest/api/3/issue/" + stack.issueKeys().get(0));
            assertThat(issue.path("fields").path("labels").toString()).contains("channel-web");
            assertThat(issue.path("fields").path("attachment").findValuesAsText("filename")).contains("fattura.pdf");
            MimeMessage ack = stack.mailbox("giulia.web@example.org").get(0);
            assertThat(ack.getSubject()).contains(stack.issueKeys().get(0)).contains("Lavatrice consegnata rotta");
            assertThat(PlainText.of(ack)).contains("grazie per averci scritto");
            JsonNode record = stack.api("/api/complaints/" + id);
            assertThat(record.toString()).contains("web");
            HttpResponse<byte[]> raw = stack.gatewayHttp("/api/complaints/" + id + "/raw");
            assertThat(new String(raw.body(), StandardCharsets.UTF_8)).as("the register keeps the submission whole")
                    .contains("LM-2026-004411").contains("fattura.pdf");
            assertThat(raw.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        }
    }

    @Test
    void badInputGetsAClear4xxAndCreatesNothing() throws Exception {
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2)) {
            WebClient web = new WebClient(stack.config().httpPort());
            HttpResponse<String> noAddress = web.postJson(complaint("", "en", "Late delivery", "Still waiting.", null,
                    null), Map.of());
            assertThat(noAddress.statusCode()).isEqualTo(400);
            assertThat(problems(noAddress)).containsEntry("customer.email", "required");

            HttpResponse<String> badAddress = web.postJson(complaint("not-an-address", "en", "", "Still waiting.",
                    null, null), Map.of());
            assertThat(badAddress.statusCode()).isEqualTo(400);
            assertThat(problems(badAddress)).containsEntry("customer.email", "invalid").containsEntry("subject", "required");

            byte[] program = "MZ\u0090\u0000\u0003\u0000\u0000\u0000\u0004\u0000\u0000\u0000\u00ff\u00ffPE\u0000\u0000"
                    .getBytes(StandardCharsets.ISO_8859_1);
            HttpResponse<String> badFile = web.postForm(Map.of("email", "sam@example.org", "subject", "Refund",
                    "message", "Please refund me."), List.of(new FormFile("invoice.pdf.exe", "application/pdf", program)),
                    "application/json");
            assertThat(badFile.statusCode()).isEqualTo(400);
            assertThat(problems(badFile)).containsEntry("files[0]", "type");

            HttpResponse<String> tooMany = web.postForm(Map.of("email", "sam@example.org", "subject", "Refund",
                    "message", "Please refund me."), java.util.Collections.nCopies(6,
                    new FormFile("photo.pdf", "application/pdf", WebClient.pdf("x"))), "application/json");
            assertThat(tooMany.statusCode()).isEqualTo(400);
            assertThat(problems(tooMany)).containsEntry("files", "too-many");

            HttpResponse<String> notJson = web.postJson("{\"customer\": ", Map.of());
            assertThat(notJson.statusCode()).isEqualTo(415);

            HttpResponse<String> otherChannel = web.postJson("{\"channel\":\"email\",\"customer\":{\"email\":"
                    + "\"sam@example.org\"},\"subject\":\"x\",\"text\":\"y\"}", Map.of());
            assertThat(otherChannel.statusCode()).isEqualTo(400);

            HttpResponse<String> unknownLanguage = web.postJson(complaint("sam@example.org", "pt", "Refund",
                    "Please refund me.", null, null), Map.of());
            assertThat(problems(unknownLanguage)).containsEntry("language", "unknown");

            Thread.sleep(500);
            assertThat(stack.gateway().register().all()).as("nothing recorded").isEmpty();
            assertThat(stack.issueKeys()).as("no ticket").isEmpty();
        }
    }

    @Test
    void theSameIdempotencyKeyTwiceIsOneComplaintAndWithOtherContentAConflict() throws Exception {
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2)) {
            WebClient web = new WebClient(stack.config().httpPort());
            String body = complaint("retry@example.org", "en", "Damaged parcel", "The parcel arrived crushed.", null, null);
            HttpResponse<String> first = web.postJson(body, Map.of("Idempotency-Key", "form-7781"));
            HttpResponse<String> again = web.postJson(body, Map.of("Idempotency-Key", "form-7781"));
            assertThat(first.statusCode()).isEqualTo(202);
            assertThat(again.statusCode()).isEqualTo(202);
            assertThat(JSON.readTree(again.body()).path("complaint").asLong())
                    .isEqualTo(JSON.readTree(first.body()).path("complaint").asLong());
            HttpResponse<String> other = web.postJson(complaint("retry@example.org", "en", "Damaged parcel",
                    "Something else entirely.", null, null), Map.of("Idempotency-Key", "form-7781"));
            assertThat(other.statusCode()).isEqualTo(409);

            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox("retry@example.org").size() == 1);
            Thread.sleep(1000);
            assertThat(stack.issueKeys()).hasSize(1);
            assertThat(stack.mailbox("retry@example.org")).hasSize(1);
        }
    }

    @Test
    void formPageIsServedInEachLanguageAndABrowserPostIsAnsweredWithAPage() throws Exception {
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2)) {
            WebClient web = new WebClient(stack.config().httpPort());
            for (String language : List.of("fr", "it", "en", "de", "es")) {
                HttpResponse<String> page = web.get("/complaints/new?lang=" + language, Map.of());
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("<html lang=\"" + language + "\"")
                        .contains("name=\"language\" value=\"" + language + "\"")
                        .contains("enctype=\"multipart/form-data\"");
                assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
            }
            assertThat(web.get("/complaints/new", Map.of("Accept-Language", "es-ES,es;q=0.9,en;q=0.5")).body())
                    .contains("<html lang=\"es\"");

            HttpResponse<String> refused = web.postForm(Map.of("language", "de", "email", "kein-adresse",
                    "subject", "Rechnung falsch", "message", "Die Rechnung ist doppelt."), List.of(), "text/html");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("<html lang=\"de\"").contains("aria-invalid=\"true\"")
                    .contains("Bitte prüfen Sie Ihre Beschwerde").contains("value=\"Rechnung falsch\"");

            HttpResponse<String> received = web.postForm(Map.of("language", "fr", "email", "claire.web@example.org",
                    "name", "Claire Dubois", "subject", "Colis abîmé", "message",
                    "Bonjour, mon colis est arrivé ouvert et le vase était cassé. Merci de votre aide."),
                    List.of(), "text/html,application/xhtml+xml");
            assertThat(received.statusCode()).isEqualTo(200);
            assertThat(received.body()).contains("<html lang=\"fr\"").contains("nous avons bien reçu votre réclamation")
                    .contains("claire.web@example.org");
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox("claire.web@example.org").size() == 1);
            assertThat(PlainText.of(stack.mailbox("claire.web@example.org").get(0))).contains("Claire Dubois");

            // the same page posted twice (a double click, the browser's "resend"): one complaint
            Map<String, String> twice = Map.of("language", "en", "reference", "3f2c1a9e-0b7d-4c1e-9a51-7d2e8f0c4b11",
                    "email", "dan.twice@example.org", "subject", "Broken chair", "message", "The chair leg snapped.");
            assertThat(web.postForm(twice, List.of(), "text/html").statusCode()).isEqualTo(200);
            assertThat(web.postForm(twice, List.of(), "text/html").statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox("dan.twice@example.org").size() == 1);
            Thread.sleep(1000);
            assertThat(stack.mailbox("dan.twice@example.org")).hasSize(1);
            assertThat(stack.issueKeys()).hasSize(2);
            String description = stack.jira("/rest/api/3/issue/" + stack.issueKeys().get(1)).path("fields")
                    .path("description").toString();
            assertThat(description).as("the agent is told the address was typed, not proven")
                    .contains("has not been verified");
        }
    }

    @Test
    void aSubmissionInterruptedByAJiraOutageIsTicketedOnceJiraIsBack() throws Exception {
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2, Map.of("redress.channels.retry-after", "PT1S"))) {
            WebClient web = new WebClient(stack.config().httpPort());
            stack.sandbox().jira().outage("/rest/api/3");
            HttpResponse<String> answer = web.postJson(complaint("patient@example.org", "en", "Wrong size",
                    "I ordered a size 40 and received a 44.", null, null), Map.of());
            assertThat(answer.statusCode()).as("recorded, so accepted even while Jira is away").isEqualTo(202);
            Thread.sleep(3000);
            assertThat(stack.issueKeys()).isEmpty();
            stack.sandbox().jira().endOutages();
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox("patient@example.org").size() == 1);
            assertThat(stack.issueKeys()).hasSize(1);
        }
    }

    private static String complaint(String email, String language, String subject, String text, String fileName,
                                    byte[] file) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("customer").put("email", email).put("name", "Giulia Conti");
        root.put("subject", subject).put("text", text).put("language", language);
        if (fileName != null) {
            root.putArray("files").addObject().put("name", fileName).put("contentType", "application/pdf")
                    .put("content", Base64.getEncoder().encodeToString(file));
        }
        return JSON.writeValueAsString(root);
    }

    private static Map<String, String> problems(HttpResponse<String> answer) throws Exception {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        JSON.readTree(answer.body()).path("problems").forEach(p -> problems.put(p.path("field").asText(),
                p.path("code").asText()));
        return problems;
    }
}
