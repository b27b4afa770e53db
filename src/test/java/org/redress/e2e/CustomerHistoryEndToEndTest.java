package org.redress.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.intake.MailIdentity;
import org.redress.store.RegisterEntry;
import org.redress.testing.SharedFiles;
import org.redress.testing.TestDatabase;
import org.redress.testing.TestStack;

/**
 * Customer history, priority hints and the register API, through the real gateway with the sandbox's Jira and demo
 * CRM: a repeat complainant's second ticket shows the first, a lawyer threat outranks a late delivery, the register
 * API answers only with its token, and a CRM or Jira search outage never holds a complaint back.
 */
class CustomerHistoryEndToEndTest {
    private static final String FIRST = "04-en-rude-staff.eml";
    private static final String SECOND = "10-en-second-complaint-same-customer.eml";
    private static final String LAWYER = "03-it-rimborso-avvocato.eml";
    private static final String LATE_DELIVERY = "05-de-lieferverzug.eml";

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void repeatComplainantsSecondTicketShowsTheFirstAndTheRegisterReportsBoth(TestDatabase db) throws Exception {
        try (TestStack stack = TestStack.start(tempDir, db)) {
            String first = deliverAndWait(stack, FIRST);
            String second = deliverAndWait(stack, SECOND);

            JsonNode issue = stack.jira("/rest/api/3/issue/" + second);
            String description = issue.path("fields").path("description").toString();
            assertThat(description).contains("Customer history", first, "Appalling treatment at your Bristol store",
                    "open (To Do)", "1 earlier complaint", "tier standard");
            assertThat(labels(issue)).contains("repeat-complainant", "category-refund").doesNotContain("vip");
            assertThat(linkedKeys(issue)).containsExactly(first);
            assertThat(labels(stack.jira("/rest/api/3/issue/" + first))).doesNotContain("repeat-complainant");
            await().atMost(Duration.ofSeconds(20)).until(() -> stack.gateway().outbox().count("sent") == 2);
            assertThat(stack.mailbox("tom.baker@example.co.uk")).filteredOn(m -> subject(m).contains("[" + second + "]"))
                    .singleElement().satisfies(ack -> assertThat(ack.getContent().toString())
                            .contains("you have written to us before (" + first + ")"));

            String lawyer = deliverAndWait(stack, LAWYER);
            String late = deliverAndWait(stack, LATE_DELIVERY);
            JsonNode legal = stack.jira("/rest/api/3/issue/" + lawyer);
            assertThat(legal.path("fields").path("description").toString())
                    .contains("Legal or escalation language", "avvocato", "349,00 €", "legal → High");
            assertThat(labels(legal)).contains("hint-legal", "hint-money", "hint-order-reference");
            assertThat(priority(legal)).isEqualTo("High");
            assertThat(priority(stack.jira("/rest/api/3/issue/" + late))).isEqualTo("Medium");

            JsonNode history = stack.api("/api/customers/TOM.BAKER@example.co.uk/history");
            assertThat(history.path("complaints")).extracting(c -> c.path("ticket").asText())
                    .containsExactly(first, second);
            assertThat(history.path("crm").path("tier").asText()).isEqualTo("standard");
            assertThat(history.path("complete").asBoolean()).isTrue();

            await().atMost(Duration.ofSeconds(20)).until(() -> stack.gateway().outbox().count("sent") == 4);
            JsonNode report = stack.api("/api/report");
            assertThat(report.path("mails").path("received").asInt()).isEqualTo(4);
            assertThat(report.path("mails").path("complaints").asInt()).isEqualTo(4);
            assertThat(report.path("complaintsBy").path("inbox").path("complaints").asInt()).isEqualTo(3);
            assertThat(report.path("complaintsBy").path("inbox").path("reclami").asInt()).isEqualTo(1);
            assertThat(report.path("complaintsBy").path("language").path("en").asInt()).isEqualTo(2);
            assertThat(report.path("complaintsBy").path("hint").path("legal").asInt()).isEqualTo(2);
            assertThat(report.path("repeatComplainants").path("count").asInt()).isEqualTo(1);
            assertThat(report.path("repeatComplainants").path("share").asDouble()).isEqualTo(0.25);
            assertThat(report.path("timeToAcknowledge").path("count").asInt()).isEqualTo(4);
            assertThat(report.path("timeToAcknowledge").path("median").asText()).startsWith("PT");

            long lawyerId = entry(stack, LAWYER).id();
            JsonNode record = stack.api("/api/complaints/" + lawyerId);
            assertThat(record.path("assessment").path("hints").path("legal").asText()).contains("avvocato");
            assertThat(record.path("handling").path("mailsSent").get(0).path("kind").asText()).isEqualTo("acknowledgement");
            assertThat(stack.api("/api/complaints?inbox=complaints&status=open").path("count").asInt()).isEqualTo(3);
            assertThat(stack.specViolations()).isEmpty();
        }
    }

    @Test
    void registerApiAndQuarantineRefuseCallsWithoutTheTokenAndBadParameters() throws Exception {
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2)) {
            for (String path : List.of("/api/report", "/api/complaints", "/api/complaints/1",
                    "/api/customers/tom.baker@example.co.uk/history", "/q/quarantine", "/q/quarantine/1")) {
                assertThat(stack.api(path, null).status()).as(path + " without a token").isEqualTo(401);
                assertThat(stack.api(path, "not-the-token").status()).as(path + " with a wrong token").isEqualTo(403);
            }
            TestStack.ApiAnswer badDate = stack.api("/api/report?from=yesterday", TestStack.API_TOKEN);
            assertThat(badDate.status()).isEqualTo(400);
            assertThat(badDate.body().path("error").asText()).contains("'from'");
            assertThat(stack.api("/api/complaints?status=lost", TestStack.API_TOKEN).status()).isEqualTo(400);
            assertThat(stack.api("/api/complaints/999", TestStack.API_TOKEN).status()).isEqualTo(404);
        }
    }

    @Test
    void crmAndJiraSearchOutagesStillProduceTheTicketMarkedHistoryUnavailable() throws Exception {
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2)) {
            String first = deliverAndWait(stack, FIRST);
            stack.sandbox().crm().stopServer();
            stack.sandbox().jira().outage("/rest/api/3/search");

            String second = deliverAndWait(stack, SECOND);
            JsonNode issue = stack.jira("/rest/api/3/issue/" + second);
            String description = issue.path("fields").path("description").toString();
            assertThat(description).contains("History unavailable", "Jira search", "CRM")
                    .as("the register still knows the first complaint").contains(first);
            assertThat(labels(issue)).contains("history-unavailable", "repeat-complainant");
            assertThat(stack.api("/api/complaints/" + entry(stack, SECOND).id()).path("assessment")
                    .path("historyUnavailable").asText()).contains("CRM");
        }
    }

    private static String deliverAndWait(TestStack stack, String sample) throws Exception {
        int before = stack.issueKeys().size();
        stack.deliver(SharedFiles.sample(sample));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                stack.issueKeys().size() == before + 1
                        && stack.gateway().register().all().stream().allMatch(RegisterEntry::finished));
        return entry(stack, sample).ticketKey();
    }

    private static RegisterEntry entry(TestStack stack, String sample) {
        return stack.gateway().register().byDedupKey(MailIdentity.of(SharedFiles.sample(sample)).dedupKey())
                .orElseThrow();
    }

    private static List<String> labels(JsonNode issue) {
        return StreamSupport.stream(issue.path("fields").path("labels").spliterator(), false).map(JsonNode::asText)
                .toList();
    }

    private static String priority(JsonNode issue) {
        return issue.path("fields").path("priority").path("name").asText();
    }

    private static List<String> linkedKeys(JsonNode issue) {
        List<String> keys = new ArrayList<>();
        for (JsonNode link : issue.path("fields").path("issuelinks")) {
            JsonNode other = link.has("inwardIssue") ? link.path("inwardIssue") : link.path("outwardIssue");
            keys.add(other.path("key").asText());
        }
        return keys;
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
