package org.redress.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.acknowledgement.PlainText;
import org.redress.testing.CustomerMail;
import org.redress.testing.TestDatabase;
import org.redress.testing.TestStack;
import org.redress.testing.WebClient;

/**
 * The gateway against Jira Data Center (the sandbox in Data Center mode): REST v2, descriptions and comments as
 * wiki markup, a personal access token as bearer, search paged by offset.
 */
class DataCenterEndToEndTest {
    private static final Map<String, String> DATA_CENTER = Map.of("redress.jira.flavour", "datacenter",
            "redress.jira.auth", "bearer", "redress.jira.token", "dc-personal-access-token");

    @TempDir
    Path tempDir;

    @Test
    void mailComplaintBecomesAWikiMarkupTicketWithTheCustomersWordsEscapedAndAgentsWikiCommentsReachThem()
            throws Exception {
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2, DATA_CENTER)) {
            String words = "Hello, my order is *urgent* and {code} does not help.\n"
                    + "h1. Not a heading\n"
                    + "See [click here|http://evil.example/x] or C:\\Users\\anna :) (y) -gone- | table |";
            stack.deliver(CustomerMail.mail("anna.dc@example.org", TestStack.COMPLAINTS, "Order *LM-2026-7781* late",
                    words, null));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox("anna.dc@example.org").size() == 1);
            assertThat(stack.issueKeys()).hasSize(1);
            String key = stack.issueKeys().get(0);

            JsonNode issue = stack.jira("/rest/api/2/issue/" + key);
            JsonNode description = issue.path("fields").path("description");
            assertThat(description.isTextual()).as("Data Center holds wiki markup, not ADF").isTrue();
            assertThat(description.asText())
                    .contains("\\*urgent\\*").contains("\\{code\\}").contains("\\[click here\\|http\\://evil.example/x\\]")
                    .contains("h1&#46; Not a heading").contains("C\\:&#92;Users&#92;anna").contains("\\:)")
                    .contains("\\(y)").contains("\\-gone\\-").contains("\\| table \\|")
                    .doesNotContain("\"type\":\"doc\"");
            assertThat(stack.jiraRequests()).as("every call on REST v2")
                    .allMatch(r -> !r.path().startsWith("/rest/api/3"))
                    .anyMatch(r -> r.path().equals("/rest/api/2/issue"));

            // an agent answers in wiki markup; the customer reads plain text
            stack.jiraPost("/rest/api/2/issue/" + key + "/comment", "{\"body\":\"Hello *Anna*, we refunded "
                    + "[your order|https://shop.example/o/7781]. Sorry for the wait\\\\!\"}");
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox("anna.dc@example.org").size() == 2);
            MimeMessage answer = stack.mailbox("anna.dc@example.org").get(1);
            assertThat(PlainText.of(answer)).contains("Hello Anna, we refunded your order (https://shop.example/o/7781). "
                    + "Sorry for the wait!");

            // the same customer again: their history is found through Data Center's search
            stack.deliver(CustomerMail.mail("anna.dc@example.org", TestStack.COMPLAINTS, "Still no refund on my card",
                    "The refund announced is not on my card yet.", null));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.issueKeys().size() == 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox("anna.dc@example.org").size() == 3);
            assertThat(PlainText.of(stack.mailbox("anna.dc@example.org").get(2))).contains(key);
            assertThat(stack.jiraRequests()).anyMatch(r -> r.path().equals("/rest/api/2/search"));
            JsonNode access = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(stack.gatewayHttp("/q/health").body()).path("checks").path("jira.access");
            assertThat(access.path("checkedAt").isTextual()).as("the account's access asked of Data Center too: "
                    + "settings, permissions and issue types on REST v2").isTrue();
            assertThat(access.path("problems")).isEmpty();
        }
    }

    @Test
    void webComplaintWithAPdfIsTicketedWithItsFileAndAcknowledgedInDataCenterModeToo() throws Exception {
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2, DATA_CENTER)) {
            WebClient web = new WebClient(stack.config().httpPort());
            var answer = web.postForm(Map.of("language", "it", "email", "marco.dc@example.org", "name", "Marco Bianchi",
                            "subject", "Fattura sbagliata", "message", "La fattura LM-2026-0042 riporta 3 articoli, "
                                    + "ne ho ricevuti 2."),
                    List.of(new WebClient.FormFile("fattura.pdf", "application/pdf", WebClient.pdf("Fattura LM-2026-0042"))),
                    "application/json");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox("marco.dc@example.org").size() == 1);
            String key = stack.issueKeys().get(0);
            JsonNode issue = stack.jira("/rest/api/2/issue/" + key);
            assertThat(issue.path("fields").path("attachment").findValuesAsText("filename")).contains("fattura.pdf");
            assertThat(issue.path("fields").path("attachment").findValuesAsText("content"))
                    .allMatch(url -> url.contains("/secure/attachment/"));
            assertThat(PlainText.of(stack.mailbox("marco.dc@example.org").get(0))).contains("grazie per averci scritto")
                    .contains(key);
        }
    }
}
