package org.redress.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

/**
 * A POP3 inbox (no folders, no flags): a handled mail is deleted from the mailbox only once its ticket and
 * acknowledgement exist, and a mail that keeps failing is deleted only once it is quarantined with its raw bytes.
 */
class Pop3InboxTest {
    private static final String POP = "care@lumiere.example";

    @TempDir
    Path tempDir;

    @Test
    void complaintReadOverPop3IsTicketedAcknowledgedAndThenDeletedFromTheMailbox() throws Exception {
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2, pop3Inbox("CS"))) {
            byte[] raw = Files.readAllBytes(RedeliveryAndRestartTest.sample("04"));
            stack.deliver(raw, POP);
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.gateway().outbox().count("sent") == 1
                    && stack.count(POP, "INBOX") == 0);
            RegisterEntry entry = stack.gateway().register().all().get(0);
            assertThat(entry.outcome()).isEqualTo(Outcome.TICKETED);
            assertThat(entry.inbox()).isEqualTo("care");
            assertThat(stack.issueKeys()).containsExactly(entry.ticketKey());
            assertThat(stack.mailbox("tom.baker@example.co.uk")).singleElement()
                    .satisfies(ack -> assertThat(ack.getFrom()[0].toString()).contains(POP));
            var health = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    stack.gatewayHttp("/q/health").body()).path("checks").path("inbox.care");
            assertThat(health.path("status").asText()).as("POP3 polls are watched too").isEqualTo("UP");
            assertThat(health.path("lastSuccess").isNull()).isFalse();
        }
    }

    @Test
    void pop3MailThatKeepsFailingIsQuarantinedWithItsRawBytesBeforeItLeavesTheMailbox() throws Exception {
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2, pop3Inbox("NOPE"))) {
            byte[] raw = Files.readAllBytes(RedeliveryAndRestartTest.sample("05"));
            stack.deliver(raw, POP);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    !stack.gateway().register().withOutcome(Outcome.QUARANTINED).isEmpty());
            RegisterEntry quarantined = stack.gateway().register().withOutcome(Outcome.QUARANTINED).get(0);
            assertThat(quarantined.reason()).contains("failed 2 times");
            assertThat(new String(stack.gateway().register().rawMail(quarantined), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .contains("<179534062512.13736.15125181123898986824@example.de>");
            await().atMost(Duration.ofSeconds(10)).until(() -> stack.count(POP, "INBOX") == 0);
            assertThat(stack.issueKeys()).isEmpty();
        }
    }

    private static Map<String, String> pop3Inbox(String project) {
        return Map.of("redress.intake.max-attempts", "2",
                "redress.inbox.care.address", POP,
                "redress.inbox.care.protocol", "pop3",
                "redress.inbox.care.host", "127.0.0.1",
                "redress.inbox.care.password", "any",
                "redress.inbox.care.jira-project", project);
    }
}
