package org.redress.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.store.RegisterEntry;
import org.redress.testing.CustomerMail;
import org.redress.testing.TestDatabase;
import org.redress.testing.TestStack;

/**
 * An IMAP inbox handles several mails at once (redress.intake.parallelism lanes), yet one customer's mails are taken
 * in the order they arrived: a reply is never handled before the complaint it answers.
 */
class ParallelIntakeTest {
    private static final String LEA = "lea.moreau@example.fr";

    @TempDir
    Path tempDir;

    @Test
    void oneSendersMailsAreTakenInTheOrderTheyArrivedWhileOthersAreHandledAlongside() throws Exception {
        takeTwentyOneMailsInOrder(Map.of());
    }

    /**
     * Two lanes hold at most 8 mails at once (4 per lane), so 21 mails arriving together are looked at a window at a
     * time: none is left behind, and one sender's still come in order. (Which look found each mail is
     * {@code ImapMailboxTest}'s business: the sweep every 5 s would also find one a window skipped.)
     */
    @Test
    void aBacklogLargerThanTheLanesHoldIsTakenAWindowAtATimeInTheOrderItArrived() throws Exception {
        takeTwentyOneMailsInOrder(Map.of("redress.intake.parallelism", "2"));
    }

    private void takeTwentyOneMailsInOrder(Map<String, String> settings) throws Exception {
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2, settings)) {
            int others = 16;
            int leas = 5;
            for (int i = 0; i < others + leas; i++) {
                if (i % 4 == 1 && i / 4 < leas) {
                    int n = i / 4 + 1;
                    stack.deliver(CustomerMail.mail(LEA, TestStack.COMPLAINTS, "Lea's problem number " + n,
                            "Hello, this is problem number " + n + " of mine: parcel " + (7000 + n) + " arrived with "
                                    + "a different broken part each time, and I would like each one looked at.", null));
                } else {
                    stack.deliver(CustomerMail.mail("customer" + i + "@example.org", TestStack.COMPLAINTS,
                            "Parcel " + i + " arrived broken", "Hello, parcel " + i + " arrived broken and the lamp "
                                    + "inside is cracked. I would like a replacement, please.", null));
                }
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> stack.issueKeys().size() == others + leas
                    && stack.gateway().outbox().count("sent") == others + leas);

            List<String> leasInRegisterOrder = stack.gateway().register().all().stream()
                    .filter(entry -> LEA.equals(entry.sender()))
                    .sorted(Comparator.comparingLong(RegisterEntry::id)).map(RegisterEntry::subject).toList();
            assertThat(leasInRegisterOrder).containsExactly("Lea's problem number 1", "Lea's problem number 2",
                    "Lea's problem number 3", "Lea's problem number 4", "Lea's problem number 5");
            assertThat(stack.issueKeys()).hasSize(others + leas);
        }
    }
}
