package org.redress.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedressConfigTest {

    private static Map<String, String> shippedConfig() {
        return new LinkedHashMap<>(RedressConfig.fileSettings());
    }

    @Test
    void shippedConfigurationPointsAtTheSandbox() {
        RedressConfig config = RedressConfig.from(shippedConfig(), Map.of());
        assertThat(config.jira().url()).isEqualTo("http://127.0.0.1:8089");
        assertThat(config.smtp().port()).isEqualTo(3025);
        assertThat(config.inboxes()).extracting(InboxConfig::address).containsExactlyInAnyOrder(
                "reclamations@lumiere.example", "reclami@lumiere.example", "complaints@lumiere.example");
        assertThat(config.inboxes()).allSatisfy(inbox -> assertThat(inbox.port()).isEqualTo(3143));
        assertThat(config.acknowledgement().firstResponse()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void misspelledKeyStopsStartUpNamingTheKey() {
        Map<String, String> values = shippedConfig();
        values.put("redress.intake.pol-interval", "PT1S");
        assertThatThrownBy(() -> RedressConfig.from(values, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("redress.intake.pol-interval")
                .hasMessageContaining("not a known setting");
    }

    @Test
    void inboxHealthShorterThanTwoSweepsStopsStartUpWhenInboxesWaitInIdle() {
        Map<String, String> values = shippedConfig();
        values.put("redress.intake.idle", "true");
        values.put("redress.health.inbox-down-after", "PT6S");
        assertThatThrownBy(() -> RedressConfig.from(values, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("redress.health.inbox-down-after")
                .hasMessageContaining("redress.intake.idle");
        values.put("redress.health.inbox-down-after", "PT30S");
        assertThat(RedressConfig.from(values, Map.of()).intake().idle()).isTrue();
    }

    @Test
    void senderAuthenticityIsOffUntilTheReceivingServersIdIsSetAndTakesThatIdAlone() {
        assertThat(RedressConfig.from(shippedConfig(), Map.of()).intake().authservId()).isEmpty();
        Map<String, String> values = shippedConfig();
        values.put("redress.intake.authserv-id", "mx.lumiere.example");
        assertThat(RedressConfig.from(values, Map.of()).intake().authservId()).isEqualTo("mx.lumiere.example");
        values.put("redress.intake.authserv-id", "mx.lumiere.example; dmarc=pass");
        assertThatThrownBy(() -> RedressConfig.from(values, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("redress.intake.authserv-id");
    }

    @Test
    void smtpConnectionsDefaultToEightAndOutOfRangeStopStartUpNamingTheKey() {
        assertThat(RedressConfig.from(shippedConfig(), Map.of()).smtp().connections()).isEqualTo(8);
        Map<String, String> values = shippedConfig();
        values.put("redress.smtp.connections", "3");
        assertThat(RedressConfig.from(values, Map.of()).smtp().connections()).isEqualTo(3);
        for (String wrong : java.util.List.of("0", "33")) {
            values.put("redress.smtp.connections", wrong);
            assertThatThrownBy(() -> RedressConfig.from(values, Map.of()))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("redress.smtp.connections");
        }
    }

    @Test
    void intakeParallelismOutOfRangeStopsStartUpNamingTheKey() {
        Map<String, String> values = shippedConfig();
        values.put("redress.intake.parallelism", "64");
        assertThat(RedressConfig.from(values, Map.of()).intake().parallelism()).isEqualTo(64);
        for (String wrong : java.util.List.of("0", "65")) {
            values.put("redress.intake.parallelism", wrong);
            assertThatThrownBy(() -> RedressConfig.from(values, Map.of()))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("redress.intake.parallelism");
        }
    }

    @Test
    void webhooksWithoutASecretStopStartUpNamingTheSecretKey() {
        Map<String, String> values = shippedConfig();
        values.put("redress.jira.webhook-secret", "");
        assertThatThrownBy(() -> RedressConfig.from(values, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("redress.jira.webhook-secret");
        values.put("redress.conversation.webhooks", "false");
        assertThat(RedressConfig.from(values, Map.of()).conversation().polling()).isTrue();
        values.put("redress.conversation.poll-interval", "PT0S");
        assertThatThrownBy(() -> RedressConfig.from(values, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("redress.conversation.poll-interval");
        values.put("redress.conversation.webhooks", "sometimes");
        assertThatThrownBy(() -> RedressConfig.from(values, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("redress.conversation.webhooks");
    }

    @Test
    void badHistoryPriorityAndApiSettingsStopStartUpNamingTheKey() {
        Map<String, Map.Entry<String, String>> cases = new LinkedHashMap<>();
        cases.put("redress.priority.hint.legal", Map.entry("redress.priority.hint.legal", "Urgent"));
        cases.put("redress.priority.tier.gold", Map.entry("redress.priority.tier.gold", "Critical"));
        cases.put("redress.hints.reference.order", Map.entry("redress.hints.reference.order", "LM-(\\d+"));
        cases.put("redress.crm.query", Map.entry("redress.crm.query", "SELECT * FROM crm_customer WHERE email = ?"));
        cases.put("redress.crm.url", Map.entry("redress.crm.url", "h2:mem:crm"));
        cases.put("redress.api.token", Map.entry("redress.api.token", "short"));
        cases.put("redress.history.jira-jql", Map.entry("redress.history.jira-jql", "project = CS"));
        cases.forEach((key, setting) -> {
            Map<String, String> values = shippedConfig();
            values.put(setting.getKey(), setting.getValue());
            assertThatThrownBy(() -> RedressConfig.from(values, Map.of())).as(key)
                    .isInstanceOf(ConfigException.class).hasMessageContaining(key);
        });
        Map<String, String> values = shippedConfig();
        values.remove("redress.api.token");
        assertThatThrownBy(() -> RedressConfig.from(values, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("redress.api.token");
    }

    @Test
    void badReminderTargetCalendarAndSatisfactionSettingsStopStartUpNamingTheKey() {
        List<Map.Entry<String, String>> cases = List.of(
                Map.entry("redress.reminders.progress-after", "two days"),
                Map.entry("redress.sla.first-response.inbox.nowhere", "PT1H"),
                Map.entry("redress.sla.resolution.priority.urgent", "P1D"),
                Map.entry("redress.sla.breached.priority", "Critical"),
                Map.entry("redress.sla.warning.label", "at risk"),
                Map.entry("redress.sla.warn-at", "150"),
                Map.entry("redress.satisfaction.secret", "short"),
                Map.entry("redress.satisfaction.low-score", "5"),
                Map.entry("redress.http.public-url", "ftp://complaints.example.com"),
                Map.entry("redress.calendar.office.hours", "MON-FRI 9-18"),
                Map.entry("redress.calendar.office.holidays", "25/12/2026"),
                Map.entry("redress.inbox.reclami.calendar", "night-shift"),
                Map.entry("redress.inbox.reclami.time-zone", "Mars/Olympus_Mons"));
        for (Map.Entry<String, String> setting : cases) {
            Map<String, String> values = shippedConfig();
            values.put(setting.getKey(), setting.getValue());
            assertThatThrownBy(() -> RedressConfig.from(values, Map.of())).as(setting.getKey())
                    .isInstanceOf(ConfigException.class).hasMessageContaining(setting.getKey());
        }
    }

    @Test
    void targetsTakeTheInboxValueAndAShorterPriorityValue() {
        Map<String, String> values = shippedConfig();
        values.put("redress.sla.first-response.inbox.reclami", "PT8H");
        values.put("redress.sla.first-response.priority.high", "PT4H");
        values.put("redress.inbox.reclami.calendar", "office");
        RedressConfig config = RedressConfig.from(values, Map.of());
        var target = config.followUp().firstResponse();
        assertThat(target.forTicket("complaints", "Medium")).isEqualTo(Duration.ofHours(24));
        assertThat(target.forTicket("reclami", "Medium")).isEqualTo(Duration.ofHours(8));
        assertThat(target.forTicket("reclami", "High")).isEqualTo(Duration.ofHours(4));
        assertThat(target.forTicket("reclami", null)).isEqualTo(Duration.ofHours(8));
        assertThat(config.inbox("reclami").timeZone()).isEqualTo(java.time.ZoneId.of("Europe/Rome"));
        assertThat(config.inbox("reclami").calendar()).isNotSameAs(org.redress.followup.BusinessCalendar.ALWAYS);
        assertThat(config.inbox("complaints").calendar()).isSameAs(org.redress.followup.BusinessCalendar.ALWAYS);
        assertThat(config.satisfaction().publicUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(config.followUp().checkInterval()).isEqualTo(Duration.ofMinutes(1));
        values.put("redress.reminders.progress-after", "PT5S");
        assertThat(RedressConfig.from(values, Map.of()).followUp().checkInterval()).isEqualTo(Duration.ofMillis(500));
        values.put("redress.sla.first-response.inbox.complaints", "PT10S");
        assertThat(RedressConfig.from(values, Map.of()).followUp().checkInterval()).isEqualTo(Duration.ofMillis(500));
        values.put("redress.sla.first-response.inbox.complaints", "PT2S");
        assertThat(RedressConfig.from(values, Map.of()).followUp().checkInterval()).isEqualTo(Duration.ofMillis(160));
        values.put("redress.reminders.check-interval", "PT30S");
        assertThat(RedressConfig.from(values, Map.of()).followUp().checkInterval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shippedPriorityRulesPutLegalThreatsAboveTheDefault() {
        RedressConfig config = RedressConfig.from(shippedConfig(), Map.of());
        var policy = config.triage().priority();
        assertThat(policy.base()).isEqualTo("Medium");
        assertThat(policy.byHint()).containsEntry(org.redress.triage.HintKind.LEGAL, "High");
        assertThat(config.triage().references()).hasSize(2);
        assertThat(config.history().crmEnabled()).isTrue();
    }

    @Test
    void missingRequiredInboxSettingNamesTheKey() {
        Map<String, String> values = shippedConfig();
        values.remove("redress.inbox.reclami.jira-project");
        assertThatThrownBy(() -> RedressConfig.from(values, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("redress.inbox.reclami.jira-project");
    }

    @Test
    void badDurationNamesTheKeyAndTheExpectedForm() {
        Map<String, String> values = shippedConfig();
        values.put("redress.acknowledgement.first-response", "24 hours");
        assertThatThrownBy(() -> RedressConfig.from(values, Map.of()))
                .hasMessageContaining("redress.acknowledgement.first-response")
                .hasMessageContaining("ISO-8601");
    }

    @Test
    void secretFromUnsetEnvironmentVariableNamesBothKeyAndVariable() {
        Map<String, String> values = shippedConfig();
        values.put("redress.jira.token", "${env:REDRESS_TEST_UNSET_TOKEN}");
        assertThatThrownBy(() -> RedressConfig.from(values, Map.of()))
                .hasMessageContaining("redress.jira.token")
                .hasMessageContaining("REDRESS_TEST_UNSET_TOKEN");
    }

    @Test
    void secretComesFromTheEnvironmentAndIsNeverPrinted() {
        Map<String, String> values = shippedConfig();
        values.put("redress.inbox.reclami.password", "${env:RECLAMI_PW}");
        RedressConfig config = RedressConfig.from(values, Map.of("RECLAMI_PW", "s3cr3t-pw"));
        InboxConfig reclami = config.inbox("reclami");
        assertThat(reclami.password()).isEqualTo("s3cr3t-pw");
        assertThat(reclami.toString()).doesNotContain("s3cr3t-pw");
        assertThat(config.toString()).doesNotContain("s3cr3t-pw");
    }

    @Test
    void keyOutsideRedressAndCamelIsRejected() {
        Map<String, String> values = shippedConfig();
        values.put("redres.jira.url", "http://x");
        assertThatThrownBy(() -> RedressConfig.from(values, Map.of())).hasMessageContaining("redres.jira.url");
    }

    @Test
    void unknownProtocolListsTheAllowedOnes() {
        Map<String, String> values = shippedConfig();
        values.put("redress.inbox.complaints.protocol", "exchange");
        assertThatThrownBy(() -> RedressConfig.from(values, Map.of()))
                .hasMessageContaining("redress.inbox.complaints.protocol")
                .hasMessageContaining("imaps");
    }

    @Test
    void jiraFlavourIsCloudOrDataCenterAndNothingElse() {
        Map<String, String> values = shippedConfig();
        values.put("redress.jira.flavour", "datacenter");
        assertThat(RedressConfig.from(values, Map.of()).jira().flavour()).isEqualTo(JiraConfig.Flavour.DATACENTER);
        assertThat(RedressConfig.from(values, Map.of()).sandbox().jiraDataCenter()).isTrue();
        values.put("redress.jira.flavour", "server-9");
        assertThatThrownBy(() -> RedressConfig.from(values, Map.of())).hasMessageContaining("redress.jira.flavour")
                .hasMessageContaining("datacenter");
    }

    @Test
    void channelSettingsAreCheckedAndNameTheirKey() {
        Map<String, String> values = shippedConfig();
        values.put("redress.channels.inbox", "nowhere");
        assertThatThrownBy(() -> RedressConfig.from(values, Map.of())).hasMessageContaining("redress.channels.inbox");
        values.remove("redress.channels.inbox");
        values.put("redress.channels.file-types", "application/pdf, pdf");
        assertThatThrownBy(() -> RedressConfig.from(values, Map.of())).hasMessageContaining("redress.channels.file-types");
        values.remove("redress.channels.file-types");
        values.put("redress.channels.retry-after", "PT0S");
        assertThatThrownBy(() -> RedressConfig.from(values, Map.of())).hasMessageContaining("redress.channels.retry-after");
        values.remove("redress.channels.retry-after");
        assertThat(RedressConfig.from(values, Map.of()).channels().inbox()).isEqualTo("complaints");
    }

    @Test
    void oauthMailboxesNameTheKeyThatIsMissingOrWrong() {
        Map<String, String> values = shippedConfig();
        values.put("redress.inbox.complaints.auth", "oauth2");
        values.put("redress.inbox.complaints.oauth.provider", "microsoft");
        values.put("redress.inbox.complaints.oauth.client-id", "app");
        values.put("redress.inbox.complaints.oauth.client-secret", "s3cr3t-value");
        assertThatThrownBy(() -> RedressConfig.from(values, Map.of()))
                .hasMessageContaining("redress.inbox.complaints.oauth.tenant");
        values.put("redress.inbox.complaints.oauth.tenant", "contoso");
        RedressConfig microsoft = RedressConfig.from(values, Map.of());
        OAuthConfig oauth = microsoft.inbox("complaints").oauth();
        assertThat(oauth.tokenUrl()).isEqualTo("https://login.microsoftonline.com/contoso/oauth2/v2.0/token");
        assertThat(oauth.grant()).isEqualTo(OAuthConfig.Grant.CLIENT_CREDENTIALS);
        assertThat(oauth.scope()).isEqualTo("https://outlook.office365.com/.default");
        assertThat(microsoft.inbox("complaints").toString()).doesNotContain("s3cr3t-value");

        values.put("redress.smtp.auth", "oauth2");
        values.put("redress.smtp.user", "complaints@lumiere.example");
        values.put("redress.smtp.oauth.provider", "google");
        values.put("redress.smtp.oauth.client-id", "gmail");
        assertThatThrownBy(() -> RedressConfig.from(values, Map.of()))
                .hasMessageContaining("redress.smtp.oauth.refresh-token");
        values.put("redress.smtp.oauth.refresh-token", "1//refresh");
        assertThat(RedressConfig.from(values, Map.of()).smtp().oauth().grant()).isEqualTo(OAuthConfig.Grant.REFRESH_TOKEN);

        values.put("redress.inbox.complaints.protocol", "pop3");
        assertThatThrownBy(() -> RedressConfig.from(values, Map.of())).hasMessageContaining("redress.inbox.complaints.auth");
        values.put("redress.inbox.complaints.auth", "kerberos");
        assertThatThrownBy(() -> RedressConfig.from(values, Map.of())).hasMessageContaining("redress.inbox.complaints.auth")
                .hasMessageContaining("oauth2");
    }

    @Test
    void severalNodesNeedPostgresqlAndTheirCoordinationEngine() {
        Map<String, String> values = shippedConfig();
        values.put("redress.cluster.service", "zookeeper");
        assertThatThrownBy(() -> RedressConfig.from(values, Map.of()))
                .hasMessageContaining("redress.cluster.zookeeper.nodes");
        values.put("redress.cluster.zookeeper.nodes", "zk1:2181,zk2:2181");
        assertThatThrownBy(() -> RedressConfig.from(values, Map.of())).hasMessageContaining("redress.cluster.service")
                .hasMessageContaining("PostgreSQL");
        values.put("redress.db.url", "jdbc:postgresql://db:5432/redress");
        ClusterConfig cluster = RedressConfig.from(values, Map.of()).cluster();
        assertThat(cluster.clustered()).isTrue();
        assertThat(cluster.sessionTimeout()).isEqualTo(java.time.Duration.ofSeconds(10));
        assertThat(cluster.nodeId()).isNotBlank();
        values.put("redress.cluster.zookeeper.session-timeout", "PT2S");
        assertThatThrownBy(() -> RedressConfig.from(values, Map.of()))
                .hasMessageContaining("redress.cluster.zookeeper.session-timeout");
    }

    @Test
    void theSharedWorkQueueNeedsPostgresqlAndRefusesBadSettingsByName() {
        Map<String, String> values = shippedConfig();
        assertThat(RedressConfig.from(values, Map.of()).work().shared()).as("in-process by default").isFalse();
        values.put("redress.work.queue", "kafka");
        assertThatThrownBy(() -> RedressConfig.from(values, Map.of())).hasMessageContaining("redress.work.queue")
                .hasMessageContaining("rabbitmq");
        values.put("redress.work.queue", "rabbitmq");
        assertThatThrownBy(() -> RedressConfig.from(values, Map.of())).hasMessageContaining("redress.work.queue")
                .hasMessageContaining("PostgreSQL");
        values.put("redress.db.url", "jdbc:postgresql://db:5432/redress");
        org.redress.config.WorkConfig work = RedressConfig.from(values, Map.of()).work();
        assertThat(work.shared()).isTrue();
        assertThat(work.concurrency()).isEqualTo(8);
        assertThat(RedressConfig.from(values, Map.of()).secretsAtSandboxDefaults())
                .anyMatch(key -> key.startsWith("redress.work.rabbitmq.password"));
        values.put("redress.work.concurrency", "0");
        assertThatThrownBy(() -> RedressConfig.from(values, Map.of())).hasMessageContaining("redress.work.concurrency");
        values.put("redress.work.concurrency", "8");
        values.put("redress.work.rabbitmq.addresses", "rabbit 1:5672");
        assertThatThrownBy(() -> RedressConfig.from(values, Map.of()))
                .hasMessageContaining("redress.work.rabbitmq.addresses");
        values.put("redress.work.rabbitmq.addresses", "rabbit1:5672,rabbit2,[::1]:5672");
        values.put("redress.work.retry-after", "PT0S");
        assertThatThrownBy(() -> RedressConfig.from(values, Map.of())).hasMessageContaining("redress.work.retry-after");
        values.remove("redress.work.retry-after");
        values.put("redress.work.rabbitmq.queu", "x");
        assertThatThrownBy(() -> RedressConfig.from(values, Map.of())).hasMessageContaining("redress.work.rabbitmq.queu");
    }
}
