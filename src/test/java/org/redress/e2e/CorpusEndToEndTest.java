package org.redress.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.store.Outcome;
import org.redress.store.RegisterEntry;
import org.redress.testing.SharedFiles;
import org.redress.testing.TestDatabase;
import org.redress.testing.TestStack;

/**
 * Every real-world and malformed message of the shared corpus, put into an inbox over IMAP (some would not pass an
 * SMTP server), ends as a ticket, an ignored record or a quarantined record with its reason, and the gateway then
 * still takes a normal complaint.
 */
class CorpusEndToEndTest {
    @TempDir
    Path tempDir;

    @Test
    void everyCorpusMessageEndsTicketedIgnoredOrQuarantinedAndTheInboxKeepsFlowing() throws Exception {
        List<Path> corpus = SharedFiles.corpus("");
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2, Map.of("redress.intake.max-attempts", "2"))) {
            int appended = 0;
            for (Path file : corpus) {
                try {
                    stack.append(TestStack.COMPLAINTS, Files.readAllBytes(file));
                    appended++;
                } catch (Exception refusedByImap) {
                    // GreenMail's IMAP APPEND parses the message and drops the connection on a few; try SMTP
                    try {
                        stack.deliver(Files.readAllBytes(file), TestStack.COMPLAINTS);
                        appended++;
                        System.out.println("corpus: IMAP APPEND refused, delivered by SMTP instead: " + file);
                    } catch (Exception e) {
                        System.out.println("corpus: the mail server refused " + file + " by IMAP ("
                                + refusedByImap.getMessage() + ") and by SMTP (" + e.getMessage() + ")");
                    }
                }
            }
            int total = appended;
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    stack.unseen(TestStack.COMPLAINTS) == 0
                            && stack.gateway().register().all().stream().allMatch(RegisterEntry::finished));

            List<RegisterEntry> entries = stack.gateway().register().all();
            Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
            entries.forEach(e -> outcomes.merge(e.outcome(), 1, Integer::sum));
            System.out.printf("corpus: %d files appended, %d register entries (duplicates share one): %s%n",
                    total, entries.size(), outcomes);
            entries.stream().filter(e -> e.outcome() != Outcome.TICKETED).limit(400).forEach(e ->
                    System.out.printf("  #%d %s %s: %s%n", e.id(), e.outcome(), e.messageId(), e.reason()));
            assertThat(entries).allSatisfy(e -> {
                if (e.outcome() == Outcome.COMMENTED) {
                    // the corpus holds the same message twice in different encodings: the same words again
                    assertThat(e.threadRule()).as("#" + e.id() + " continues a ticket only as a resend")
                            .isEqualTo("same-words");
                    return;
                }
                assertThat(e.outcome()).isIn(Outcome.TICKETED, Outcome.IGNORED, Outcome.QUARANTINED);
                if (e.outcome() != Outcome.TICKETED) {
                    assertThat(e.reason()).as("reason of #" + e.id()).isNotBlank();
                }
            });
            assertThat(stack.count(TestStack.COMPLAINTS, "Quarantine"))
                    .isEqualTo(outcomes.getOrDefault(Outcome.QUARANTINED, 0));
            assertThat(stack.issueKeys()).hasSize(outcomes.getOrDefault(Outcome.TICKETED, 0));

            int sentBefore = stack.gateway().outbox().count("sent") + stack.gateway().outbox().count("pending");
            stack.deliver(Files.readAllBytes(RedeliveryAndRestartTest.sample("04")));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox("tom.baker@example.co.uk").size() == 1);
            assertThat(stack.gateway().outbox().count("sent") + stack.gateway().outbox().count("pending"))
                    .isEqualTo(sentBefore + 1);
            assertThat(stack.specViolations()).isEmpty();
        }
    }
}
