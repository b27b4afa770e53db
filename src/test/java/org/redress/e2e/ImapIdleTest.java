package org.redress.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.testing.CustomerMail;
import org.redress.testing.TestDatabase;
import org.redress.testing.TestStack;

/**
 * With {@code redress.intake.idle}, an inbox that has caught up waits in IMAP IDLE: the server tells of new mail,
 * instead of being asked for it twice a second.
 */
class ImapIdleTest {
    private static final String LOOKS = "redress_inbox_poll_seconds_count{inbox=\"complaints\"}";

    @TempDir
    Path tempDir;

    @Test
    void aQuietInboxWaitingInIdleIsNotAskedForNewMailAndStillTakesItWhenItComes() throws Exception {
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2, Map.of("redress.intake.idle", "true"))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> metric(stack, "redress_inbox_up{inbox=\"complaints\"}") == 1);
            double before = metric(stack, LOOKS);
            Thread.sleep(3_000);
            assertThat(metric(stack, LOOKS) - before).as("looks for new mail in 3 quiet seconds (polling: 6)")
                    .isLessThanOrEqualTo(1);

            stack.deliver(CustomerMail.mail("idle.reader@example.org", TestStack.COMPLAINTS, "Lampe arrivée cassée",
                    "Bonjour, la lampe commandée la semaine dernière est arrivée avec le pied cassé. Pouvez-vous "
                            + "m'en envoyer une autre ? Merci", null));

            await().atMost(Duration.ofSeconds(30)).until(() -> stack.gateway().outbox().count("sent") == 1);
            assertThat(stack.issueKeys()).hasSize(1);
            // marked handled on the server while the inbox waits in IDLE again: a lane done wakes it
            await().atMost(Duration.ofSeconds(10)).until(() -> stack.unseen(TestStack.COMPLAINTS) == 0);
            long stopping = System.nanoTime();
            stack.stopGateway();
            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).as("a wait in IDLE ends on stop")
                    .isLessThan(Duration.ofSeconds(20));
        }
    }

    private static double metric(TestStack stack, String sample) throws Exception {
        String scrape = stack.metrics();
        Matcher m = Pattern.compile("^" + Pattern.quote(sample) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
