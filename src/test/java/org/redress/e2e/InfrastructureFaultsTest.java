package org.redress.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.store.RegisterEntry;
import org.redress.testing.CustomerMail;
import org.redress.testing.FlakyProxy;
import org.redress.testing.TestDatabase;
import org.redress.testing.TestStack;

/**
 * The servers around the gateway failing under it, for real: the database and the IMAP server reached through a
 * relay the test cuts (every connection dropped, new ones refused) and restores, and a Jira that takes seconds to
 * answer. The gateway is never restarted; every complaint still gets one ticket and one acknowledgement.
 */
class InfrastructureFaultsTest {

    @TempDir
    Path tempDir;

    @Test
    void databaseGoingAwayAndComingBackIsRiddenOutWithoutRestartingTheGateway() throws Exception {
        TestDatabase.requirePostgres();
        try (FlakyProxy database = new FlakyProxy(postgresPort());
             TestStack stack = TestStack.start(tempDir, TestDatabase.POSTGRESQL, Map.of("redress.db.url",
                     TestDatabase.PG_URL.replace(":" + postgresPort() + "/", ":" + database.port() + "/")))) {
            stack.deliver(complaint(0));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox(customer(0)).size() == 1);

            database.cut();
            for (int i = 1; i <= 3; i++) {
                stack.deliver(complaint(i));
            }
            Thread.sleep(6_000);
            database.restore();
            await().atMost(Duration.ofSeconds(60)).until(() -> stack.issueKeys().size() == 4
                    && stack.gateway().register().all().stream().allMatch(RegisterEntry::finished)
                    && stack.gateway().outbox().count("sent") == 4);
            Thread.sleep(1500);
            for (int i = 0; i <= 3; i++) {
                assertThat(stack.mailbox(customer(i))).as(customer(i)).hasSize(1);
            }
            assertThat(stack.issueKeys()).hasSize(4);
            assertThat(stack.gateway().register().all()).noneMatch(e -> e.outcome().code().equals("quarantined"));
            System.out.printf("database cut for 6 s: 4 tickets, 4 acknowledgements, %d connections opened in all%n",
                    database.connections());
        }
    }

    @Test
    void imapConnectionDroppedMidPollReconnectsAndLosesNothing() throws Exception {
        try (TestStack stack = TestStack.prepare(tempDir, TestDatabase.H2, Map.of());
             FlakyProxy imap = new FlakyProxy(stack.imapPort())) {
            // one mail at a time (four fetched ahead), so that the cuts fall between mails being fetched, handled
            // and marked seen, not after a single parallel batch is done
            stack.startGatewayWith(Map.of("redress.inbox.complaints.port", String.valueOf(imap.port()),
                    "redress.intake.parallelism", "1"));
            int complaints = 12;
            for (int i = 0; i < complaints; i++) {
                stack.deliver(complaint(i));
            }
            for (int cut = 0; cut < 2; cut++) {
                int before = stack.issueKeys().size();
                await().atMost(Duration.ofSeconds(60)).until(() -> stack.issueKeys().size() > before);
                imap.cut();
                Thread.sleep(2_000);
                imap.restore();
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> stack.issueKeys().size() == complaints
                    && stack.gateway().outbox().count("sent") == complaints);
            Thread.sleep(1500);
            for (int i = 0; i < complaints; i++) {
                assertThat(stack.mailbox(customer(i))).as(customer(i)).hasSize(1);
            }
            assertThat(stack.issueKeys()).hasSize(complaints);
            System.out.printf("IMAP cut twice mid-batch: %d tickets, %d acknowledgements, %d IMAP connections%n",
                    stack.issueKeys().size(), stack.gateway().outbox().count("sent"), imap.connections());
        }
    }

    @Test
    void jiraTakingSecondsToAnswerIsWaitedForAndNothingIsDoubled() throws Exception {
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2)) {
            stack.sandbox().jira().latency(Duration.ofSeconds(1));
            long started = System.nanoTime();
            for (int i = 0; i < 2; i++) {
                stack.deliver(complaint(i));
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> stack.gateway().outbox().count("sent") == 2);
            double seconds = (System.nanoTime() - started) / 1e9;
            stack.sandbox().jira().latency(Duration.ZERO);
            Thread.sleep(1500);
            assertThat(stack.issueKeys()).hasSize(2);
            for (int i = 0; i < 2; i++) {
                assertThat(stack.mailbox(customer(i))).hasSize(1);
            }
            long creates = stack.jiraRequests().stream()
                    .filter(r -> r.method().equals("POST") && r.path().equals("/rest/api/3/issue")).count();
            assertThat(creates).as("each ticket created once").isEqualTo(2);
            System.out.printf("Jira answering after 1 s: 2 complaints ticketed and acknowledged in %.1f s%n", seconds);
        }
    }

    private static int postgresPort() {
        java.util.regex.Matcher port = java.util.regex.Pattern.compile("//[^:/]+:(\\d+)/").matcher(TestDatabase.PG_URL);
        return port.find() ? Integer.parseInt(port.group(1)) : 5432;
    }

    private static byte[] complaint(int i) throws Exception {
        return CustomerMail.mail(customer(i), TestStack.COMPLAINTS, "Parcel " + (900 + i) + " damaged",
                "Good morning, parcel " + (900 + i) + " arrived crushed and the vase inside is broken. Regards.", null);
    }

    private static String customer(int i) {
        return "client-" + i + "@example.org";
    }
}
