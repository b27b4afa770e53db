package org.redress.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.testing.CustomerMail;
import org.redress.testing.FlakyProxy;
import org.redress.testing.FreePorts;
import org.redress.testing.LocalTokenEndpoint;
import org.redress.testing.TestDatabase;
import org.redress.testing.TestStack;

/**
 * Mailboxes that log in with OAuth2 (XOAUTH2), as Microsoft 365 (client credentials) and Gmail (refresh token) ask:
 * against a real mail server that accepts only the token issued last, and a local token endpoint whose tokens live
 * seconds, so that the gateway must refresh them ahead of expiry, and says so when it cannot.
 */
class OAuthMailboxTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INBOX = "care@lumiere.example";
    private static final String SENDER = "sender@lumiere.example";

    @TempDir
    Path tempDir;

    @Test
    void tokensAreRefreshedBeforeExpiryUsedForImapAndSmtpAndAFailingRefreshIsReportedNotSilent() throws Exception {
        ServerSetup imap = new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        ServerSetup smtp = new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail mail = new GreenMail(new ServerSetup[] {imap, smtp});
        mail.start();
        GreenMailUser inbox = mail.setUser(INBOX, INBOX, "no-token-yet");
        GreenMailUser sender = mail.setUser(SENDER, SENDER, "no-token-yet");
        Map<String, String> paths = new HashMap<>();
        try (LocalTokenEndpoint tokens = new LocalTokenEndpoint(6, (path, token) ->
                     // the mail server takes only the newest token of each mailbox, as an expired one stops working
                     (path.contains("google") ? sender : inbox).setPassword(token));
             FlakyProxy imapLink = new FlakyProxy(imap.getPort())) {
            Map<String, String> settings = new HashMap<>();
            settings.put("redress.inbox.care.address", INBOX);
            settings.put("redress.inbox.care.protocol", "imap");
            settings.put("redress.inbox.care.host", "127.0.0.1");
            settings.put("redress.inbox.care.port", String.valueOf(imapLink.port()));
            settings.put("redress.inbox.care.jira-project", "CS");
            settings.put("redress.inbox.care.auth", "oauth2");
            settings.put("redress.inbox.care.oauth.provider", "microsoft");
            settings.put("redress.inbox.care.oauth.tenant", "lumiere-tenant");
            settings.put("redress.inbox.care.oauth.token-url", tokens.url("/lumiere-tenant/oauth2/v2.0/token"));
            settings.put("redress.inbox.care.oauth.client-id", "app-1234");
            settings.put("redress.inbox.care.oauth.client-secret", "app-secret");
            settings.put("redress.inbox.care.oauth.refresh-before", "PT3S");
            settings.put("redress.smtp.port", String.valueOf(smtp.getPort()));
            settings.put("redress.smtp.user", SENDER);
            settings.put("redress.smtp.auth", "oauth2");
            settings.put("redress.smtp.oauth.provider", "google");
            settings.put("redress.smtp.oauth.token-url", tokens.url("/google/token"));
            settings.put("redress.smtp.oauth.client-id", "gmail-client");
            settings.put("redress.smtp.oauth.client-secret", "gmail-secret");
            settings.put("redress.smtp.oauth.refresh-token", "gmail-refresh-token");
            settings.put("redress.smtp.oauth.refresh-before", "PT3S");
            try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2, settings)) {
                inbox.deliver(mime(CustomerMail.mail("olga@example.org", INBOX, "Broken zip on my jacket",
                        "The zip of the jacket I bought came apart on the second day.", null)));
                await().atMost(Duration.ofSeconds(30)).until(() -> received(mail, "olga@example.org") == 1);

                Map<String, String> microsoft = first(tokens, "client_credentials");
                assertThat(microsoft).containsEntry("client_id", "app-1234").containsEntry("client_secret", "app-secret")
                        .containsEntry("scope", "https://outlook.office365.com/.default")
                        .containsEntry("content-type", "application/x-www-form-urlencoded");
                assertThat(first(tokens, "refresh_token")).containsEntry("refresh_token", "gmail-refresh-token")
                        .containsEntry("client_id", "gmail-client");

                // tokens live 6 s and are refreshed 3 s ahead: older ones no longer open the mailbox
                await().atMost(Duration.ofSeconds(20)).until(() -> count(tokens, "client_credentials") >= 4);
                int logins = imapLink.connections();
                imapLink.dropConnections();
                await().atMost(Duration.ofSeconds(10)).until(() -> imapLink.connections() > logins);
                inbox.deliver(mime(CustomerMail.mail("piet@example.org", INBOX, "Invoice charged twice",
                        "My card was charged twice for invoice 2026-118.", null)));
                await().atMost(Duration.ofSeconds(30)).until(() -> received(mail, "piet@example.org") == 1);
                assertThat(health(stack).path("checks").path("oauth.inbox.care").path("status").asText()).isEqualTo("UP");

                // the identity provider refuses: reported at once, DOWN when the last token has expired
                tokens.failing(true);
                await().atMost(Duration.ofSeconds(15)).until(() ->
                        health(stack).path("checks").path("oauth.inbox.care").path("refreshFailures").asInt() > 0);
                assertThat(health(stack).path("checks").path("oauth.inbox.care").path("lastError").asText())
                        .contains("invalid_client").contains("AADSTS7000215");
                assertThat(stack.metrics()).contains("redress_oauth_refresh_failures_total{account=\"inbox.care\"}");
                await().atMost(Duration.ofSeconds(15)).until(() -> stack.gatewayHttp("/q/health").statusCode() == 503);
                assertThat(health(stack).path("checks").path("oauth.inbox.care").path("status").asText())
                        .isEqualTo("DOWN");
                assertThat(stack.metrics()).contains("redress_oauth_token_valid_seconds{account=\"inbox.care\"} 0.0");

                // failed attempts wait 5 s, doubling to a minute: the endpoint is asked again within that
                tokens.failing(false);
                await().atMost(Duration.ofSeconds(70)).until(() -> stack.gatewayHttp("/q/health").statusCode() == 200);
            }
        } finally {
            mail.stop();
        }
    }

    private static MimeMessage mime(byte[] raw) throws Exception {
        return new MimeMessage(jakarta.mail.Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    private static long received(GreenMail mail, String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
            } catch (Exception e) {
                return false;
            }
        }).count();
    }

    private static Map<String, String> first(LocalTokenEndpoint tokens, String grant) {
        return tokens.requests().stream().filter(r -> grant.equals(r.get("grant_type"))).findFirst().orElseThrow();
    }

    private static long count(LocalTokenEndpoint tokens, String grant) {
        return tokens.requests().stream().filter(r -> grant.equals(r.get("grant_type"))).count();
    }

    private static JsonNode health(TestStack stack) throws Exception {
        return JSON.readTree(new String(stack.gatewayHttp("/q/health").body(), StandardCharsets.UTF_8));
    }
}
