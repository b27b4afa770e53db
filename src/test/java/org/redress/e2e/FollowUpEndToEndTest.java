package org.redress.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.jira.AdfText;
import org.redress.testing.CustomerMail;
import org.redress.testing.MovableClock;
import org.redress.testing.TestDatabase;
import org.redress.testing.TestStack;

/**
 * The reminder routes against the sandbox, on a clock the test moves: progress updates, escalations and the
 * satisfaction check, with the intervals of the acceptance criteria (PT5S, PT10S) passing in milliseconds.
 */
class FollowUpEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Long enough for several looks of the reminder route (every 0.2 s here). */
    private static final long SEVERAL_LOOKS_MS = 1_500;

    @TempDir
    Path tempDir;

    private final HttpClient http = HttpClient.newHttpClient();

    private static Map<String, String> settings(String... pairs) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("redress.reminders.check-interval", "PT0.2S");
        settings.put("redress.reminders.progress-after", "PT0S");
        settings.put("redress.sla.first-response", "PT0S");
        settings.put("redress.sla.resolution", "PT0S");
        for (int i = 0; i < pairs.length; i += 2) {
            settings.put(pairs[i], pairs[i + 1]);
        }
        return settings;
    }

    @Test
    void customerWithoutNewsGetsOneProgressUpdatePerIntervalInTheirLanguageButNotWhileWaitingNorAfterResolution()
            throws Exception {
        String customer = "giulia.romano@example.it";
        MovableClock clock = new MovableClock();
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.POSTGRESQL,
                settings("redress.reminders.progress-after", "PT5S", "redress.sla.resolution", "P1D"), clock)) {
            stack.deliver(CustomerMail.mail(customer, TestStack.RECLAMI, "Lavatrice consegnata rotta",
                    "Buongiorno, la lavatrice che ho ordinato è arrivata con lo sportello rotto e non posso usarla. "
                            + "Vi chiedo di sostituirla al più presto, grazie. Giulia Romano", null));
            await().atMost(WAIT).until(() -> stack.mailbox(customer).size() == 1);
            String key = CustomerMail.ticketOf(stack.mailbox(customer).get(0));
            Thread.sleep(SEVERAL_LOOKS_MS);
            assertThat(stack.mailbox(customer)).as("nothing is due before the interval").hasSize(1);

            clock.advance(Duration.ofSeconds(6));
            await().atMost(WAIT).until(() -> stack.mailbox(customer).size() == 2);
            MimeMessage update = stack.mailbox(customer).get(1);
            assertThat(update.getContent().toString()).contains("non ci siamo dimenticati", key,
                    "Contiamo di risolverlo entro il", "Le scriveremo di nuovo entro il");
            assertThat(update.getHeader("Content-Language", null)).isEqualTo("it");
            assertThat(update.getSubject()).contains("[" + key + "]");
            assertThat(update.getHeader("In-Reply-To", null)).isNotNull();
            Thread.sleep(SEVERAL_LOOKS_MS);
            assertThat(stack.mailbox(customer)).as("one update per interval").hasSize(2);

            clock.advance(Duration.ofSeconds(6));
            await().atMost(WAIT).until(() -> stack.mailbox(customer).size() == 3);

            stack.jiraPost("/rest/api/3/issue/" + key + "/transitions", "{\"transition\":{\"id\":\"31\"}}");
            Thread.sleep(SEVERAL_LOOKS_MS);
            clock.advance(Duration.ofSeconds(30));
            Thread.sleep(SEVERAL_LOOKS_MS);
            assertThat(stack.mailbox(customer)).as("no update while waiting for the customer").hasSize(3);

            stack.jiraPost("/rest/api/3/issue/" + key + "/transitions", "{\"transition\":{\"id\":\"21\"}}");
            Thread.sleep(SEVERAL_LOOKS_MS);
            clock.advance(Duration.ofSeconds(3));
            Thread.sleep(SEVERAL_LOOKS_MS);
            assertThat(stack.mailbox(customer)).as("the interval starts again when waiting ends").hasSize(3);
            clock.advance(Duration.ofSeconds(3));
            await().atMost(WAIT).until(() -> stack.mailbox(customer).size() == 4);
            assertThat(stack.mailbox(customer).get(3).getContent().toString()).contains("ci sta lavorando");

            stack.jiraPost("/rest/api/3/issue/" + key + "/transitions", "{\"transition\":{\"id\":\"41\"}}");
            await().atMost(WAIT).until(() -> stack.mailbox(customer).size() == 5);
            clock.advance(Duration.ofMinutes(5));
            Thread.sleep(SEVERAL_LOOKS_MS);
            assertThat(stack.mailbox(customer)).as("no update after resolution").hasSize(5);

            await().atMost(WAIT).until(() -> internalNotes(stack, key, "Progress update sent").size() == 3);
            JsonNode handling = complaintOf(stack, key).path("handling");
            assertThat(handling.path("ticketEvents").findValuesAsText("kind")).filteredOn(k -> k.startsWith("progress:"))
                    .hasSize(3);
            assertThat(handling.path("mailsSent").findValuesAsText("kind")).filteredOn(k -> k.startsWith("progress:"))
                    .hasSize(3);
        }
    }

    @Test
    void untouchedComplaintIsEscalatedOnceWhenItsFirstResponseIsAtRiskAndOnceWhenMissed() throws Exception {
        String ignored = "tom.walsh@example.co.uk";
        String answered = "anna.berg@example.co.uk";
        String supervisor = "sandbox:5a1e5a1e5a1e5a1e5a1e5a1e";
        MovableClock clock = new MovableClock();
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2, settings("redress.sla.first-response", "PT10S",
                "redress.sla.warn-at", "50", "redress.sla.mention", supervisor), clock)) {
            stack.deliver(CustomerMail.mail(ignored, TestStack.COMPLAINTS, "Wrong size delivered",
                    "Hello, I ordered a pair of boots in size 43 and received size 41. Could you exchange them? Tom", null));
            stack.deliver(CustomerMail.mail(answered, TestStack.COMPLAINTS, "Missing manual",
                    "Hello, the coffee machine I bought came without its manual. Could you send me one? Anna", null));
            await().atMost(WAIT).until(() -> stack.mailbox(ignored).size() == 1 && stack.mailbox(answered).size() == 1);
            String late = CustomerMail.ticketOf(stack.mailbox(ignored).get(0));
            String onTime = CustomerMail.ticketOf(stack.mailbox(answered).get(0));
            String priorityBefore = issue(stack, late).path("priority").path("name").asText();
            stack.jiraPost("/rest/api/3/issue/" + onTime + "/comment", "{\"body\":{\"type\":\"doc\",\"version\":1,"
                    + "\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":"
                    + "\"We are posting the manual today.\"}]}]}}");
            await().atMost(WAIT).until(() -> stack.mailbox(answered).size() == 2);

            clock.advance(Duration.ofSeconds(6));
            await().atMost(WAIT).until(() -> labels(stack, late).contains("sla-at-risk"));
            assertThat(labels(stack, late)).doesNotContain("sla-breached");
            assertThat(issue(stack, late).path("priority").path("name").asText()).isEqualTo(priorityBefore);

            clock.advance(Duration.ofSeconds(5));
            await().atMost(WAIT).until(() -> labels(stack, late).contains("sla-breached"));
            await().atMost(WAIT).until(() -> internalNotes(stack, late, "").size() == 2);
            String raised = issue(stack, late).path("priority").path("name").asText();
            assertThat(raised).isNotEqualTo(priorityBefore);
            List<JsonNode> notes = internalNotes(stack, late, "");
            assertThat(AdfText.plain(notes.get(1).path("body"))).contains("has missed its first-response target",
                    "Priority set to " + raised);
            assertThat(notes.get(1).path("body").findValuesAsText("id")).contains(supervisor);

            clock.advance(Duration.ofMinutes(10));
            Thread.sleep(SEVERAL_LOOKS_MS);
            assertThat(internalNotes(stack, late, "")).as("each stage escalates once").hasSize(2);
            assertThat(issue(stack, late).path("priority").path("name").asText()).isEqualTo(raised);
            assertThat(labels(stack, onTime)).as("an answered complaint met its first-response target")
                    .noneMatch(label -> label.startsWith("sla-"));
            assertThat(stack.mailbox(ignored)).as("escalation is for agents, not customers").hasSize(1);
        }
    }

    @Test
    void resolutionAsksOnceForAScoreThatAReplyOrOneLinkRecordsAndAUsedOrForgedLinkCannot() throws Exception {
        String byReply = "claire.martin@example.fr";
        String byLink = "jonas.keller@example.de";
        String late = "luis.garcia@example.es";
        String unhappy = "marco.rossi@example.it";
        MovableClock clock = new MovableClock();
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2, settings(), clock)) {
            stack.deliver(CustomerMail.mail(byReply, TestStack.RECLAMATIONS, "Colis jamais arrivé",
                    "Bonjour, mon colis commandé il y a trois semaines n'est jamais arrivé. Pouvez-vous vérifier ? Claire",
                    null));
            stack.deliver(CustomerMail.mail(byLink, TestStack.COMPLAINTS, "Falsche Rechnung",
                    "Guten Tag, auf meiner Rechnung wurde der Artikel zweimal berechnet. Bitte korrigieren Sie das. "
                            + "Mit freundlichen Grüßen, Jonas Keller", null));
            stack.deliver(CustomerMail.mail(late, TestStack.COMPLAINTS, "Pedido incompleto",
                    "Hola, en mi pedido faltaba una de las dos sillas que compré. ¿Pueden enviarla? Gracias, Luis", null));
            stack.deliver(CustomerMail.mail(unhappy, TestStack.RECLAMI, "Rimborso non ricevuto",
                    "Buongiorno, ho restituito il prodotto un mese fa ma non ho ancora ricevuto il rimborso. Marco Rossi",
                    null));
            List<String> customers = List.of(byReply, byLink, late, unhappy);
            await().atMost(WAIT).until(() -> sizes(stack, customers).equals(List.of(1, 1, 1, 1)));
            String replyKey = CustomerMail.ticketOf(stack.mailbox(byReply).get(0));
            String linkKey = CustomerMail.ticketOf(stack.mailbox(byLink).get(0));
            String lateKey = CustomerMail.ticketOf(stack.mailbox(late).get(0));
            String unhappyKey = CustomerMail.ticketOf(stack.mailbox(unhappy).get(0));
            for (String key : List.of(replyKey, linkKey, lateKey, unhappyKey)) {
                stack.jiraPost("/rest/api/3/issue/" + key + "/transitions", "{\"transition\":{\"id\":\"41\"}}");
            }
            await().atMost(WAIT).until(() -> sizes(stack, customers).equals(List.of(2, 2, 2, 2)));
            Thread.sleep(SEVERAL_LOOKS_MS);
            assertThat(stack.mailbox(byReply)).as("one satisfaction question per resolution").hasSize(2);
            MimeMessage question = stack.mailbox(byReply).get(1);
            assertThat(question.getContent().toString()).contains("satisfait", "/csat/");

            int issues = stack.issueKeys().size();
            stack.deliver(CustomerMail.answer(question, byReply, "5\nMerci, tout est réglé et très rapidement !"));
            await().atMost(WAIT).until(() -> !internalNotes(stack, replyKey, "Customer satisfaction: 5/5").isEmpty());
            assertThat(AdfText.plain(internalNotes(stack, replyKey, "Customer satisfaction").get(0).path("body")))
                    .contains("Merci, tout est réglé");
            assertThat(issue(stack, replyKey).path("status").path("statusCategory").path("key").asText())
                    .as("a score is not news: the ticket stays resolved").isEqualTo("done");
            assertThat(stack.issueKeys()).hasSize(issues);
            assertThat(stack.mailbox(byReply)).as("nothing is sent back for a score").hasSize(2);

            stack.deliver(CustomerMail.answer(stack.mailbox(unhappy).get(1), unhappy,
                    "2 - il rimborso non è ancora arrivato, è inaccettabile."));
            await().atMost(WAIT).alias("a low score with words is news too: the ticket is reopened and the customer told")
                    .until(() -> stack.mailbox(unhappy).size() == 3);
            await().atMost(WAIT).until(() -> internalNotes(stack, unhappyKey, "Customer satisfaction: 2/5").size() == 1);
            assertThat(issue(stack, unhappyKey).path("status").path("statusCategory").path("key").asText())
                    .isNotEqualTo("done");
            assertThat(commentTexts(stack, unhappyKey)).anyMatch(text -> text.contains("il rimborso non è ancora arrivato"));

            String link = scoreLink(stack.mailbox(byLink).get(1), 2);
            HttpResponse<String> page = get(link);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("lang=\"de\"", "Vielen Dank", "2 von 5", linkKey);
            assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
            await().atMost(WAIT).until(() -> labels(stack, linkKey).contains("csat-low"));
            // the label and the note are two Jira calls of the queued ticket events: the note may follow a moment later
            await().atMost(WAIT).until(() -> internalNotes(stack, linkKey, "Customer satisfaction: 2/5").size() == 1);
            assertThat(get(link).statusCode()).as("a link works once").isEqualTo(409);
            assertThat(get(link.replace("score=2", "score=5")).statusCode()).isEqualTo(409);
            String forged = link.replaceAll("\\.([A-Za-z0-9_-])([A-Za-z0-9_-]*)\\?", ".$2x?");
            assertThat(get(forged).statusCode()).as("a forged link is refused").isEqualTo(403);
            assertThat(get(forged).body()).contains("lang=\"en\"");


            stack.jiraPost("/rest/api/3/issue/" + linkKey + "/transitions", "{\"transition\":{\"id\":\"51\"}}");
            await().atMost(WAIT).until(() -> complaintOf(stack, linkKey).path("resolvedAt").isNull());
            stack.deliver(CustomerMail.answer(stack.mailbox(byLink).get(1), byLink, "1"));
            await().atMost(WAIT).alias("once an agent reopened the ticket, a number is news, not a score")
                    .until(() -> commentTexts(stack, linkKey).stream().anyMatch(text -> text.startsWith("Reply from "
                            + byLink)));

            JsonNode satisfaction = stack.api("/api/report").path("satisfaction");
            assertThat(satisfaction.path("responses").asInt()).isEqualTo(3);
            assertThat(satisfaction.path("satisfiedShare").asDouble()).isEqualTo(0.333);
            assertThat(satisfaction.path("byInbox").path("reclamations").path("satisfiedShare").asDouble()).isEqualTo(1.0);
            assertThat(satisfaction.path("byInbox").path("complaints").path("satisfiedShare").asDouble()).isEqualTo(0.0);
            assertThat(satisfaction.path("byInbox").path("reclami").path("responses").asInt()).isEqualTo(1);
            assertThat(complaintOf(stack, replyKey).path("satisfaction").asInt()).isEqualTo(5);
            assertThat(complaintOf(stack, linkKey).path("satisfaction").asInt()).isEqualTo(2);
            String metrics = new String(stack.gatewayHttp("/q/metrics").body(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(metrics).contains("redress_customer_satisfaction_ratio{inbox=\"reclamations\"} 1.0",
                    "redress_customer_satisfaction_ratio{inbox=\"complaints\"} 0.0");

            clock.advance(Duration.ofDays(31));
            assertThat(get(scoreLink(stack.mailbox(late).get(1), 4)).statusCode()).as("an expired link").isEqualTo(410);
        }
    }

    private static List<Integer> sizes(TestStack stack, List<String> customers) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String customer : customers) {
            sizes.add(stack.mailbox(customer).size());
        }
        return sizes;
    }

    private static List<String> commentTexts(TestStack stack, String key) throws Exception {
        List<String> texts = new ArrayList<>();
        stack.jira("/rest/api/3/issue/" + key + "/comment").path("comments")
                .forEach(comment -> texts.add(AdfText.plain(comment.path("body"))));
        return texts;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String scoreLink(MimeMessage mail, int score) throws Exception {
        Matcher link = Pattern.compile("http\\S+/csat/\\S+\\?score=" + score).matcher(mail.getContent().toString());
        assertThat(link.find()).as("a link for score " + score).isTrue();
        return link.group();
    }

    private static JsonNode issue(TestStack stack, String key) throws Exception {
        return stack.jira("/rest/api/3/issue/" + key).path("fields");
    }

    private static List<String> labels(TestStack stack, String key) throws Exception {
        List<String> labels = new ArrayList<>();
        issue(stack, key).path("labels").forEach(label -> labels.add(label.asText()));
        return labels;
    }

    /** The ticket's internal comments whose text starts with {@code prefix}. */
    private static List<JsonNode> internalNotes(TestStack stack, String key, String prefix) throws Exception {
        List<JsonNode> notes = new ArrayList<>();
        for (JsonNode comment : stack.jira("/rest/api/3/issue/" + key + "/comment").path("comments")) {
            String text = AdfText.plain(comment.path("body"));
            if (!comment.path("jsdPublic").asBoolean(true) && text.replaceFirst("^@\\S+\\s*", "").startsWith(prefix)) {
                notes.add(comment);
            }
        }
        return notes;
    }

    /** The register's record of the complaint that opened the ticket. */
    private static JsonNode complaintOf(TestStack stack, String key) throws Exception {
        for (JsonNode complaint : stack.api("/api/complaints").path("complaints")) {
            if (key.equals(complaint.path("ticket").asText()) && "complaint".equals(complaint.path("kind").asText())) {
                JsonNode detail = stack.api("/api/complaints/" + complaint.path("id").asText());
                ((com.fasterxml.jackson.databind.node.ObjectNode) detail).set("satisfaction",
                        complaint.path("satisfaction"));
                ((com.fasterxml.jackson.databind.node.ObjectNode) detail).set("resolvedAt",
                        complaint.path("resolvedAt"));
                return detail;
            }
        }
        throw new AssertionError("no complaint for " + key);
    }
}
