package org.redress.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.camel.component.mail.MailEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

/**
 * The route files integrators edit are loaded here exactly as at start-up, so a broken YAML file, an unknown EIP
 * option or a route without an id fails the build rather than the deployment.
 */
class RouteFilesTest {

    @Test
    void everyRouteFileLoadsAndEveryRouteHasAnIdAndAnErrorPolicy() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getPropertiesComponent().addInitialProperty("redress.smtp.endpoint", "smtp://127.0.0.1:25");
            camel.getPropertiesComponent().addInitialProperty("redress.conversation.polling", "false");
            camel.getPropertiesComponent().addInitialProperty("redress.conversation.poll-millis", "60000");
            camel.getPropertiesComponent().addInitialProperty("redress.reminders.enabled", "false");
            camel.getPropertiesComponent().addInitialProperty("redress.quarantine-alerts.enabled", "false");
            camel.getPropertiesComponent().addInitialProperty("redress.jira.endpoint", "http://127.0.0.1:1");
            camel.getPropertiesComponent().addInitialProperty("redress.reminders.check-millis", "60000");
            // the beans the routes call, unconnected: only their methods are looked up here
            camel.getRegistry().bind("intake", new org.redress.camel.IntakeSteps(null, null));
            camel.getRegistry().bind("mailProperties", new java.util.Properties());
            camel.getRegistry().bind("outbox", new org.redress.camel.OutboxSteps(null, java.time.Clock.systemUTC(),
                    null, null));
            camel.getRegistry().bind("health", new org.redress.camel.HealthSteps(null, null, null, null, false));
            camel.getPropertiesComponent().addInitialProperty("redress.channels.retry-millis", "30000");
            camel.getPropertiesComponent().addInitialProperty("redress.oauth.enabled", "false");
            camel.getPropertiesComponent().addInitialProperty("redress.data-dir", "target/route-files-data");
            camel.getRegistry().bind("channels", new org.redress.camel.ChannelSteps(null, null, null,
                    java.time.Duration.ofSeconds(30), false));
            camel.getPropertiesComponent().addInitialProperty("redress.work.shared", "false");
            camel.getPropertiesComponent().addInitialProperty("redress.work.in-process", "true");
            camel.getPropertiesComponent().addInitialProperty("redress.work.mail-uri", "direct:handle-mail");
            camel.getPropertiesComponent().addInitialProperty("redress.work.submission-uri", "seda:submissions");
            camel.getPropertiesComponent().addInitialProperty("redress.work.queue-name", "redress.work");
            camel.getPropertiesComponent().addInitialProperty("redress.work.concurrency", "4");
            camel.getRegistry().bind("work", new org.redress.camel.WorkSteps(null, null, null, null, null, null, null,
                    java.time.Clock.systemUTC(), java.time.Duration.ofSeconds(10), java.time.Duration.ofMillis(500),
                    java.time.Duration.ofSeconds(30)));
            camel.getRegistry().bind("rabbitConnection", new org.redress.camel.WorkQueue(
                    org.redress.config.RedressConfig.from(org.redress.config.RedressConfig.fileSettings(), Map.of())
                            .work()).connections());
            camel.getRegistry().bind("webForm", new org.redress.camel.WebFormSteps(null, null, null, "en", true));
            camel.getRegistry().bind("oauthTokens", new org.redress.oauth.OAuthTokens(
                    org.redress.config.RedressConfig.from(org.redress.config.RedressConfig.fileSettings(), Map.of()),
                    null, java.time.Clock.systemUTC(), null));
            camel.getRegistry().bind("quarantine", new org.redress.camel.QuarantineSteps(null, null));
            camel.getRegistry().bind("reply", new org.redress.camel.ReplySteps(null));
            camel.getRegistry().bind("bounces", new org.redress.camel.BounceSteps(null));
            camel.getRegistry().bind("sender", new org.redress.camel.SenderSteps(null));
            camel.getRegistry().bind("enrichment", new org.redress.camel.EnrichmentSteps(null));
            camel.getRegistry().bind("registerApi", new org.redress.camel.RegisterApiSteps(null, null, "test-api-token",
                    new com.fasterxml.jackson.databind.ObjectMapper()));
            camel.getRegistry().bind("jiraAnswers", new org.redress.camel.JiraAnswers(java.time.Clock.systemUTC()));
            camel.getRegistry().bind("jiraAccess", new org.redress.camel.JiraAccessSteps(null, java.util.List.of(),
                    new org.redress.health.PermissionWatch(java.time.Clock.systemUTC()), java.time.Clock.systemUTC()));
            camel.getRegistry().bind("followUps", new org.redress.camel.FollowUpSteps(null, null));
            camel.getRegistry().bind("satisfaction", new org.redress.camel.SatisfactionSteps(null));
            camel.getRegistry().bind("pageHeaders", org.redress.camel.SatisfactionSteps.pageHeaders());
            var metrics = new org.redress.camel.GatewayMetrics(java.util.List.of(), null, null, null, null,
                    null, java.time.Clock.systemUTC());
            camel.getRegistry().bind("metrics", metrics);
            camel.getRegistry().bind("inboxWatching", new org.redress.camel.InboxWatching(metrics, null));
            camel.getRegistry().bind("jiraEvents", new org.redress.camel.JiraEventSteps(null,
                    new org.redress.config.ConversationConfig(true, "s", java.time.Duration.ZERO, "[internal]",
                            org.redress.config.ConversationConfig.ResolvedReply.REOPEN, "Reopen", "Relates"),
                    new com.fasterxml.jackson.databind.ObjectMapper()));
            var loader = PluginHelper.getRoutesLoader(camel);
            // the shipped routes, and the example channels an integrator copies next to them
            for (String folder : List.of("routes", "routes/examples")) {
                try (var files = java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of(folder), "*.camel.yaml")) {
                    for (var file : files) {
                        Resource resource = PluginHelper.getResourceLoader(camel).resolveResource("file:" + file);
                        loader.loadRoutes(resource);
                    }
                }
            }
            ModelCamelContext model = camel;
            assertThat(model.getRouteTemplateDefinitions()).extracting(t -> t.getId()).contains("complaint-inbox");
            assertThat(model.getRouteDefinitions()).extracting(RouteDefinition::getRouteId)
                    .contains("take-in", "parse", "screen", "open-ticket", "attach-files", "acknowledge",
                            "mail-failed", "send-outbox", "health", "quarantine-list", "quarantine-raw-mail", "thread",
                            "comment-on-ticket", "attach-reply-files", "answer-reply", "jira-webhook", "jira-poll",
                            "link-follow-up", "assess", "link-history", "api-customer-history", "api-complaints",
                            "api-complaint", "api-report", "take-score", "follow-up-sweep", "track-waiting",
                            "progress-update", "check-targets", "apply-ticket-events", "satisfaction-link", "metrics",
                            "jira-call", "record-bounce", "check-sender", "complaint-in", "handle-submission",
                            "read-submission", "submission-failed", "retry-submissions", "file-complaint",
                            "web-complaint", "complaint-form", "reply-email", "refresh-mail-tokens", "folder-channel",
                            "reply-folder", "handle-mail", "handle-submission-steps", "queue-work", "take-work",
                            "work-failed", "requeue-work");
            assertThat(model.getRouteTemplateDefinitions()).extracting(t -> t.getId()).contains("crm-query");
            org.h2.jdbcx.JdbcDataSource crm = new org.h2.jdbcx.JdbcDataSource();
            crm.setURL("jdbc:h2:mem:route-files-crm");
            camel.getRegistry().bind("crm", crm);
            camel.addRouteFromTemplate("crm-lookup", "crm-query", Map.of("query",
                    org.redress.config.RedressConfig.from(org.redress.config.RedressConfig.fileSettings(), Map.of())
                            .history().crmQuery(), "timeoutSeconds", 5));
            for (RouteDefinition route : model.getRouteDefinitions()) {
                assertThat(route.getRouteId()).as("every route has an id").isNotBlank();
                if (route.getRouteId().equals("take-work")) {
                    assertThat(route.getRouteConfigurationId()).as("the work queue's consumer uses its dead letter "
                            + "configuration").isEqualTo("work-consumer");
                } else if (route.getInput().getEndpointUri().startsWith("direct:web-")) {
                    assertThat(route.getRouteConfigurationId()).as(route.getRouteId() + " answers the web channel")
                            .isEqualTo("web-call");
                } else if (route.getInput().getEndpointUri().startsWith("direct:api-")) {
                    assertThat(route.getRouteConfigurationId()).as(route.getRouteId() + " answers API calls")
                            .isEqualTo("api-call");
                } else if (route.getInput().getEndpointUri().startsWith("direct:")) {
                    assertThat(route.getRouteConfigurationId()).as(route.getRouteId() + " is a pipeline step")
                            .isEqualTo("pipeline-step");
                }
            }
            org.redress.config.RedressConfig shipped = org.redress.config.RedressConfig.from(
                    org.redress.config.RedressConfig.fileSettings(), Map.of());
            camel.getRegistry().bind(org.redress.camel.imap.ImapInboxComponent.SCHEME,
                    new org.redress.camel.imap.ImapInboxComponent(shipped, new java.util.Properties(),
                            org.redress.camel.imap.PollObserver.NONE, new org.redress.oauth.OAuthTokens(shipped, null,
                            java.time.Clock.systemUTC(), null)));
            String imap = camel.addRouteFromTemplate("inbox-test", "complaint-inbox", Map.of("inbox", "reclamations"));
            String pop3 = camel.addRouteFromTemplate("inbox-pop3-test", "complaint-inbox-pop3", Map.of("inbox", "test",
                    "scheme", "pop3", "host", "127.0.0.1", "port", 3110, "username", "u", "password", "p&w=x",
                    "folder", "INBOX", "delay", 1000));
            for (String consumer : List.of(imap, pop3)) {
                assertThat(model.getRouteDefinition(consumer).getRouteConfigurationId())
                        .as("mail consumers use the dead letter configuration").isEqualTo("mail-consumer");
            }
            // the outbox's senders are looked up when its route is built, not when it runs (Gateway binds them)
            camel.getRegistry().bind("outboxSenders", camel.getExecutorServiceManager()
                    .newFixedThreadPool(this, "outbox-sender", 1));
            camel.setAutoStartup(false);
            camel.start();
            assertThat(camel.getRoute(imap).getEndpoint().getEndpointUri()).isEqualTo("imap-inbox://reclamations");
            MailEndpoint endpoint = (MailEndpoint) camel.getRoute(pop3).getEndpoint();
            assertThat(endpoint.getConfiguration().getPassword()).isEqualTo("p&w=x");
            assertThat(endpoint.getConfiguration().isDelete()).as("POP3 deletes what it has handled").isTrue();
        }
    }
}
