package org.redress.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.testing.CustomerMail;
import org.redress.testing.FlakyProxy;
import org.redress.testing.TestDatabase;
import org.redress.testing.TestStack;

/**
 * What operators watch: /q/health per inbox, Jira (reached, and what its account may do), SMTP and database, and the
 * numbers of /q/metrics.
 */
class OperationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tempDir;

    @Test
    void healthTurnsDownForAnInboxWhoseServerStopsAndUpAgainWhenItReturns() throws Exception {
        try (TestStack stack = TestStack.prepare(tempDir, TestDatabase.H2, Map.of());
             FlakyProxy imap = new FlakyProxy(stack.imapPort())) {
            stack.startGatewayWith(Map.of("redress.inbox.complaints.port", String.valueOf(imap.port()),
                    "redress.health.inbox-down-after", "PT2S"));
            await().atMost(Duration.ofSeconds(20)).until(() -> health(stack).status() == 200);
            assertThat(health(stack).body().path("checks").path("inbox.complaints").path("status").asText())
                    .isEqualTo("UP");

            imap.cut();
            await().atMost(Duration.ofSeconds(30)).until(() -> health(stack).status() == 503);
            JsonNode down = health(stack).body();
            assertThat(down.path("status").asText()).isEqualTo("DOWN");
            assertThat(down.path("checks").path("inbox.complaints").path("status").asText()).isEqualTo("DOWN");
            assertThat(down.path("checks").path("inbox.complaints").path("lastError").asText()).isNotBlank();
            assertThat(down.path("checks").path("inbox.reclamations").path("status").asText()).isEqualTo("UP");
            assertThat(down.path("checks").path("database").path("status").asText()).isEqualTo("UP");
            assertThat(stack.metrics()).contains("redress_inbox_up{inbox=\"complaints\"} 0.0");
            HttpResponse<byte[]> live = stack.gatewayHttp("/q/health/live");
            assertThat(live.statusCode()).as("the process itself is alive").isEqualTo(200);

            imap.restore();
            await().atMost(Duration.ofSeconds(30)).until(() -> health(stack).status() == 200);
            assertThat(health(stack).body().path("checks").path("inbox.complaints").path("status").asText())
                    .isEqualTo("UP");
            assertThat(stack.metrics()).contains("redress_inbox_up{inbox=\"complaints\"} 1.0");
        }
    }

    @Test
    void metricsAfterARunCountComplaintsJiraCallsAndAcknowledgementLatency() throws Exception {
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2)) {
            for (int i = 0; i < 3; i++) {
                stack.deliver(CustomerMail.mail("metrics" + i + "@example.org", TestStack.COMPLAINTS,
                        "Broken kettle " + i, "Hello, the kettle I bought last week stopped heating today. Please "
                                + "help, I use it every morning. Regards", null));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.gateway().outbox().count("sent") == 3);
            String metrics = stack.metrics();
            assertThat(value(metrics, "redress_complaints{inbox=\"complaints\",outcome=\"ticketed\"}")).isEqualTo(3);
            assertThat(value(metrics, "redress_quarantine_mails")).isZero();
            assertThat(value(metrics, "redress_outbox_pending")).isZero();
            assertThat(value(metrics, "redress_smtp_connections_usable")).isEqualTo(8);
            assertThat(value(metrics, "redress_acknowledgement_latency_seconds_count{inbox=\"complaints\"}"))
                    .isEqualTo(3);
            double ackSeconds = value(metrics, "redress_acknowledgement_latency_seconds_max{inbox=\"complaints\"}");
            assertThat(ackSeconds).as("acknowledged within seconds").isGreaterThan(0).isLessThan(30);
            assertThat(value(metrics, "redress_jira_calls_seconds_count{method=\"POST\",outcome=\"ok\"}"))
                    .as("issues created and files attached").isGreaterThanOrEqualTo(6);
            // at least once each: a mail read again before its \Seen flag reached the server counts again
            assertThat(value(metrics, "redress_inbox_fetch_lag_seconds_count{inbox=\"complaints\"}"))
                    .isGreaterThanOrEqualTo(3);
            // the backlog is sampled at each look for new mail: the next one finds nothing left
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    value(stack.metrics(), "redress_inbox_backlog{inbox=\"complaints\"}") == 0);
            assertThat(value(metrics, "redress_inbox_poll_seconds_count{inbox=\"complaints\"}")).isPositive();
            assertThat(value(metrics, "redress_inbox_poll_cpu_seconds_count{inbox=\"complaints\"}")).isPositive();
            // the first round after opening the folder searches it whole
            assertThat(value(metrics, "redress_inbox_sweep_seconds_count{inbox=\"complaints\"}")).isPositive();
            assertThat(value(metrics, "redress_inbox_up{inbox=\"complaints\"}")).isEqualTo(1);
            // the register's cost as counts: each complaint commits several times, each commit one write of the file
            assertThat(value(metrics, "redress_register_file_writes_total")).isGreaterThanOrEqualTo(3 * 4);
            assertThat(value(metrics, "redress_register_file_written_bytes_total")).isPositive();
            JsonNode health = health(stack).body();
            assertThat(health.path("checks").path("jira").path("status").asText()).isEqualTo("UP");
            assertThat(health.path("checks").path("jira").path("lastSuccess").isNull()).isFalse();
            assertThat(health.path("checks").path("smtp").path("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void healthNamesWhatTheJiraAccountMayNotDoBeforeAnyComplaintNeedsIt() throws Exception {
        try (TestStack stack = TestStack.prepare(tempDir, TestDatabase.H2, Map.of())) {
            stack.sandbox().jira().createAttachmentsPermission(false);
            stack.startGatewayWith(Map.of());
            JsonNode access = jiraAccessChecked(stack);
            assertThat(access.path("status").asText()).as("files kept off the tickets is told, not alarmed about")
                    .isEqualTo("UP");
            assertThat(access.path("problems")).extracting(JsonNode::asText).containsExactly("CS: the account lacks "
                    + "Create Attachments (files stay off the tickets: each ticket names them in a note, and the mail "
                    + "stays in the register)");
            assertThat(health(stack).status()).isEqualTo(200);

            // an inbox filing into a project this Jira does not have, another into an issue type it does not offer
            stack.stopGateway();
            stack.sandbox().jira().createAttachmentsPermission(true);
            stack.startGatewayWith(Map.of("redress.inbox.reclami.jira-project", "CZ",
                    "redress.inbox.complaints.issue-type", "Tsk"));
            access = jiraAccessChecked(stack);
            assertThat(access.path("status").asText()).isEqualTo("DOWN");
            assertThat(access.path("problems")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
                    "CZ: no such project in Jira, or the account may not see it (no complaint filed into it is "
                            + "ticketed; set by redress.inbox.reclami.jira-project)",
                    "CS: no issue type 'Tsk'; it has Task, Bug, Story, Service request (no complaint filed into it is "
                            + "ticketed; set by redress.inbox.complaints.issue-type)");
            assertThat(health(stack).status()).as("no complaint of those inboxes can be ticketed").isEqualTo(503);
        }
    }

    /** The {@code jira.access} check, once the gateway has asked Jira. */
    private static JsonNode jiraAccessChecked(TestStack stack) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> health(stack).body().path("checks")
                .path("jira.access"), access -> access.hasNonNull("checkedAt"));
    }

    private static Answer health(TestStack stack) throws Exception {
        HttpResponse<byte[]> response = stack.gatewayHttp("/q/health");
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    /** The value of one Prometheus sample, by its name and labels exactly as scraped. */
    private static double value(String scrape, String sample) {
        Matcher m = Pattern.compile("^" + Pattern.quote(sample) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        assertThat(m.find()).as(sample + " in\n" + scrape).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private record Answer(int status, JsonNode body) {
    }
}
