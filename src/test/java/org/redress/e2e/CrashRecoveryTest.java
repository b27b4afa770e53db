package org.redress.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.testing.CustomerMail;
import org.redress.testing.SeparateProcesses;
import org.redress.testing.TestDatabase;
import org.redress.tools.MailDelivery;

/**
 * Nothing lost, nothing doubled: 300 complaints, the gateway killed with SIGKILL three times while it works through
 * them, restarted each time. Every complaint ends with exactly one ticket and one acknowledgement (one Message-ID per
 * customer; a kill inside the SMTP exchange can deliver that same mail twice, counted apart), and the register holds
 * all of them. The database is PostgreSQL (durable commits; the test is skipped without it outside CI).
 */
class CrashRecoveryTest {
    private static final int COMPLAINTS = 300;
    private static final List<String> INBOXES = List.of("reclamations@lumiere.example", "reclami@lumiere.example",
            "complaints@lumiere.example");

    @TempDir
    Path tempDir;

    @Test
    void killedThreeTimesMidBatchTheGatewayEndsWithOneTicketAndOneAcknowledgementPerComplaint() throws Exception {
        try (TestDatabase.Provisioned database = TestDatabase.POSTGRESQL.create(tempDir);
             SeparateProcesses run = new SeparateProcesses(tempDir.resolve("data"), database.settings())) {
            run.start("sandbox", "crash-sandbox.log");
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> run.issueCount() == 0);
            Process gateway = run.start("gateway", "crash-gateway-0.log");
            long started = System.nanoTime();
            for (int i = 0; i < COMPLAINTS; i++) {
                MailDelivery.deliver("127.0.0.1", run.smtpPort(), CustomerMail.mail(customer(i),
                        INBOXES.get(i % INBOXES.size()), "Order " + (1000 + i) + " arrived damaged",
                        "Hello, my order " + (1000 + i) + " arrived with a broken lid. Could you replace it? Thank you.",
                        null), List.of());
            }
            List<Integer> killedAt = new ArrayList<>();
            for (int kill = 1; kill <= 3; kill++) {
                int threshold = kill * COMPLAINTS / 4;
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                        .until(() -> run.issueCount() >= threshold);
                gateway.destroyForcibly();
                assertThat(gateway.waitFor(10, TimeUnit.SECONDS)).isTrue();
                killedAt.add(run.issueCount());
                gateway = run.start("gateway", "crash-gateway-" + kill + ".log");
            }
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> run.issueCount() >= COMPLAINTS && acknowledged(run) >= COMPLAINTS);
            double seconds = (System.nanoTime() - started) / 1e9;
            Thread.sleep(3000);

            List<JsonNode> issues = run.issues("labels", "attachment");
            Set<String> mailLabels = new HashSet<>();
            // no file, or one twice: a kill between an upload and "all uploaded" makes the next attempt ask the ticket
            List<String> filesWrong = new ArrayList<>();
            for (JsonNode issue : issues) {
                issue.path("fields").path("labels").forEach(label -> {
                    if (label.asText().startsWith("redress-mail-")) {
                        mailLabels.add(label.asText());
                    }
                });
                List<String> files = new ArrayList<>();
                issue.path("fields").path("attachment").forEach(file -> files.add(file.path("filename").asText()));
                if (new HashSet<>(files).size() != files.size() || files.isEmpty()) {
                    filesWrong.add(issue.path("key").asText() + " " + files);
                }
            }
            // each customer must have exactly one acknowledgement. The one thing SMTP cannot make exactly-once is a kill
            // between the server's "250 OK" and the outbox noting it: that same mail (same Message-ID) is sent again,
            // which mail programs show once. It is counted apart, not hidden.
            List<String> doubled = new ArrayList<>();
            int acknowledgements = 0;
            int resent = 0;
            // 300 mailboxes, one IMAP login each: read eight at a time
            java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(8);
            List<java.util.concurrent.Future<List<String>>> mailboxes = new ArrayList<>();
            for (int i = 0; i < COMPLAINTS; i++) {
                String customer = customer(i);
                mailboxes.add(readers.submit(() -> run.messageIds(customer)));
            }
            readers.shutdown();
            for (int i = 0; i < COMPLAINTS; i++) {
                List<String> received = mailboxes.get(i).get();
                acknowledgements += received.size();
                if (new HashSet<>(received).size() != 1) {
                    doubled.add(customer(i) + " " + received);
                }
                resent += received.size() - new HashSet<>(received).size();
            }
            JsonNode report = run.api("/api/report");
            System.out.printf("crash recovery: %d complaints, gateway killed (SIGKILL) at %s tickets, %d tickets, "
                    + "%d acknowledgements delivered (%d the same mail again after a kill in the SMTP window), "
                    + "register %s complaints / %s acknowledged, %.1f s in all%n", COMPLAINTS, killedAt, issues.size(),
                    acknowledgements, resent, report.path("mails").path("complaints").asText(),
                    report.path("timeToAcknowledge").path("count").asText(), seconds);
            assertThat(issues).hasSize(COMPLAINTS);
            assertThat(mailLabels).as("one ticket per mail").hasSize(COMPLAINTS);
            assertThat(filesWrong).as("each ticket has its mail's files, each once").isEmpty();
            assertThat(doubled).as("one acknowledgement per complaint").isEmpty();
            // the outbox sends with redress.smtp.connections senders at once: a kill can catch one mail in each
            assertThat(resent).as("the same mail again: at most one per outbox sender per kill")
                    .isLessThanOrEqualTo(3 * org.redress.config.SmtpConfig.DEFAULT_CONNECTIONS);
            assertThat(report.path("mails").path("complaints").asInt()).isEqualTo(COMPLAINTS);
            assertThat(report.path("mails").path("quarantined").asInt()).isZero();
            assertThat(report.path("timeToAcknowledge").path("count").asInt()).as("register complete").isEqualTo(COMPLAINTS);
        }
    }

    private static String customer(int i) {
        return "customer-" + i + "@example.org";
    }

    private static int acknowledged(SeparateProcesses run) throws Exception {
        JsonNode report = run.api("/api/report");
        return report.path("timeToAcknowledge").path("count").asInt();
    }
}
