package org.redress.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.store.Outcome;
import org.redress.store.RegisterEntry;
import org.redress.testing.TestDatabase;
import org.redress.testing.TestStack;

/** A mail that cannot be handled is retried a bounded number of times, then quarantined with its reason; nothing is lost. */
class QuarantineTest {
    private static final String BROKEN = "broken@lumiere.example";

    @TempDir
    Path tempDir;

    @Test
    void mailJiraKeepsRefusingIsQuarantinedWithJirasReasonAndStaysRetrievable() throws Exception {
        // an inbox pointed at a Jira project that does not exist: Jira answers 400 to every ticket it opens
        Map<String, String> brokenInbox = Map.of(
                "redress.intake.max-attempts", "2",
                "redress.inbox.broken.address", BROKEN,
                "redress.inbox.broken.host", "127.0.0.1",
                "redress.inbox.broken.password", "any",
                "redress.inbox.broken.jira-project", "NOPE",
                "redress.intake.quarantine-alert-project", "CS");
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2, brokenInbox)) {
            byte[] raw = Files.readAllBytes(RedeliveryAndRestartTest.sample("05"));
            stack.deliver(raw, BROKEN);
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.count(BROKEN, "Quarantine") == 1);

            RegisterEntry quarantined = stack.gateway().register().withOutcome(Outcome.QUARANTINED).get(0);
            assertThat(quarantined.reason()).contains("failed 2 times").contains("project");
            assertThat(quarantined.attempts()).isEqualTo(2);
            String kept = new String(stack.gateway().register().rawMail(quarantined), StandardCharsets.ISO_8859_1);
            assertThat(kept).contains("<179534062512.13736.15125181123898986824@example.de>");
            assertThat(stack.count(BROKEN, "INBOX")).isZero();
            var list = stack.gatewayHttp("/q/quarantine");
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(new String(list.body(), StandardCharsets.UTF_8)).contains("failed 2 times")
                    .contains("\"rawMail\":\"/q/quarantine/" + quarantined.id() + "\"");
            var mail = stack.gatewayHttp("/q/quarantine/" + quarantined.id());
            assertThat(mail.statusCode()).isEqualTo(200);
            assertThat(mail.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("message/rfc822"));
            assertThat(mail.body()).isEqualTo(stack.gateway().register().rawMail(quarantined));
            assertThat(stack.gatewayHttp("/q/quarantine/999999").statusCode()).isEqualTo(404);
            assertThat(stack.mailbox("juergen.weiss@example.de")).as("no acknowledgement without a ticket").isEmpty();

            // agents, who only look at Jira, are told by an issue of its own in the alert project
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.issueKeys().size() == 1);
            var alert = stack.sandbox().jira().issue(stack.issueKeys().get(0));
            assertThat(alert.path("fields").path("labels").toString()).contains("redress-quarantine");
            assertThat(alert.path("fields").path("summary").asText()).startsWith("Quarantined mail from");
            assertThat(alert.path("fields").path("description").toString()).contains("failed 2 times")
                    .contains("/q/quarantine/" + quarantined.id());

            // the gateway keeps taking complaints; the alert is not raised twice
            stack.deliver(Files.readAllBytes(RedeliveryAndRestartTest.sample("04")));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.gateway().outbox().count("sent") == 1);
            Thread.sleep(6_000);
            assertThat(stack.issueKeys()).hasSize(2);
        }
    }

    /** A mail the parser can make nothing of is recorded first, then counted and quarantined with the parser's reason. */
    @Test
    void mailWithNothingToParseIsRecordedCountedAndQuarantinedWithTheParsersReason() throws Exception {
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2, Map.of("redress.intake.max-attempts", "2"))) {
            // no header field, no text, no file: bytes an SMTP server would refuse, put straight into the inbox
            byte[] nothing = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            stack.append(TestStack.COMPLAINTS, nothing);
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.count(TestStack.COMPLAINTS, "Quarantine") == 1);
            RegisterEntry quarantined = stack.gateway().register().withOutcome(Outcome.QUARANTINED).get(0);
            assertThat(quarantined.reason()).contains("failed 2 times").contains("not a mail message");
            assertThat(quarantined.attempts()).isEqualTo(2);
            assertThat(stack.gateway().register().rawMail(quarantined)).isEqualTo(nothing);
            assertThat(stack.gateway().register().all()).hasSize(1);
        }
    }
}
