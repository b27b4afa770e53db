package org.redress.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.jira.AdfText;
import org.redress.store.Outcome;
import org.redress.store.RegisterEntry;
import org.redress.testing.TestDatabase;
import org.redress.testing.CustomerMail;
import org.redress.testing.TestStack;

/**
 * A complaint is a conversation: the customer's replies become comments on their ticket (only their new words), an
 * agent's public comment reaches the customer in the thread, an internal one does not, a stranger naming the key
 * gets a ticket of their own, and a reply after resolution reopens the ticket.
 */
class ConversationEndToEndTest {
    /** Sample, customer, the reply's new words, and how their mail program quotes (five languages). */
    private static final List<String[]> REPLIES = List.of(
            new String[] {"01", "claire.dubois@example.org", "J'ai retrouvé le bon de livraison, je vous l'envoie.",
                    "outlook-fr"},
            new String[] {"03", "giulia.romano@example.it", "Aggiungo che il rimborso non è ancora arrivato oggi.",
                    "thunderbird-it"},
            new String[] {"04", "tom.baker@example.co.uk", "The store manager has now called me, but nothing is fixed.",
                    "gmail-en"},
            new String[] {"05", "juergen.weiss@example.de", "Die Sendungsnummer lautet 00340434161094042557.",
                    "gmail-de"},
            new String[] {"06", "lucia.fernandez@example.es", "Adjunto también el número de serie: LM-77-1023.",
                    "thunderbird-es"});

    @TempDir
    Path tempDir;

    @Test
    void scriptedConversationInFiveLanguagesAndThreeMailProgramsStaysOnOneIssueAndKeepsInternalNotesInternal() throws Exception {
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2)) {
            for (String[] reply : REPLIES) {
                stack.deliver(Files.readAllBytes(RedeliveryAndRestartTest.sample(reply[0])));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.gateway().outbox().count("sent") == 5);
            for (String[] reply : REPLIES) {
                MimeMessage ack = stack.mailbox(reply[1]).get(0);
                stack.deliver(replyTo(ack, reply[1], reply[2], reply[3]));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.gateway().register()
                    .withOutcome(Outcome.COMMENTED).size() == 5);
            assertThat(stack.issueKeys()).hasSize(5);
            for (String[] reply : REPLIES) {
                String key = keyOf(stack.mailbox(reply[1]).get(0));
                List<String> comments = commentTexts(stack, key);
                assertThat(comments).as(reply[3]).singleElement().satisfies(text -> {
                    assertThat(text).contains(reply[2]);
                    assertThat(text).doesNotContain("Customer Care").doesNotContain("reply to this e-mail")
                            .doesNotContain("répondez").doesNotContain("risponda").doesNotContain("antworten Sie")
                            .doesNotContain("responda");
                });
                RegisterEntry entry = stack.gateway().register().all().stream()
                        .filter(e -> e.isReply() && key.equals(e.ticketKey())).findFirst().orElseThrow();
                assertThat(entry.threadRule()).isEqualTo("in-reply-to");
                // described in the same commit as its ticket (PendingDescription)
                assertThat(entry.sender()).isEqualToIgnoringCase(reply[1]);
                assertThat(entry.subject()).isNotBlank();
                assertThat(SampleComplaintsEndToEndTest.attachmentNames(stack.jira("/rest/api/3/issue/" + key)))
                        .contains("reply-" + entry.id() + ".eml");
                assertThat(stack.mailbox(reply[1])).as("a reply on an open ticket is not acknowledged again").hasSize(1);
            }

            // the agents answer each customer in Jira, publicly and then internally
            for (String[] reply : REPLIES) {
                String key = keyOf(stack.mailbox(reply[1]).get(0));
                stack.jiraPost("/rest/api/3/issue/" + key + "/comment", adfComment("Public answer for " + key, null));
                stack.jiraPost("/rest/api/3/issue/" + key + "/comment", adfComment("Internal note for " + key,
                        "{\"type\":\"role\",\"value\":\"Administrators\"}"));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> REPLIES.stream().allMatch(r -> mailboxSize(stack, r[1]) == 2));
            Thread.sleep(2000);
            for (String[] reply : REPLIES) {
                List<MimeMessage> mails = stack.mailbox(reply[1]);
                assertThat(mails).as("internal notes never reach " + reply[1]).hasSize(2);
                MimeMessage answer = mails.get(1);
                String key = keyOf(mails.get(0));
                assertThat(answer.getSubject()).contains("[" + key + "]");
                assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo(mails.get(0).getHeader("In-Reply-To", null));
                assertThat(answer.getHeader("Content-Language", null)).isEqualTo(mails.get(0).getHeader("Content-Language", null));
                assertThat(answer.getContent().toString()).contains("Public answer for " + key).doesNotContain("Internal note");
                // and the customer answers the agent's mail: the same issue once more
                stack.deliver(replyTo(answer, reply[1], "Second reply from " + reply[1], reply[3]));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.gateway().register()
                    .withOutcome(Outcome.COMMENTED).size() == 10);
            assertThat(stack.issueKeys()).hasSize(5);
            for (String[] reply : REPLIES) {
                String key = keyOf(stack.mailbox(reply[1]).get(0));
                assertThat(commentTexts(stack, key)).filteredOn(t -> t.contains("Second reply from " + reply[1]))
                        .singleElement().satisfies(t -> assertThat(t).doesNotContain("Public answer"));
            }
        }
    }

    private static int mailboxSize(TestStack stack, String address) {
        try {
            return stack.mailbox(address).size();
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void agentsPublicCommentReachesTheCustomerInternalOneDoesNotAndAStrangerGetsATicketOfTheirOwn() throws Exception {
        String customer = "tom.baker@example.co.uk";
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2)) {
            stack.deliver(Files.readAllBytes(RedeliveryAndRestartTest.sample("04")));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox(customer).size() == 1);
            MimeMessage ack = stack.mailbox(customer).get(0);
            String key = keyOf(ack);

            // as Jira Cloud's editor does it: the file is uploaded, then the comment shows it under a media id
            stack.jiraUpload(key, "voucher.pdf", "application/pdf", "%PDF-1.4 voucher".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            stack.jiraPost("/rest/api/3/issue/" + key + "/comment", "{\"body\":{\"type\":\"doc\",\"version\":1,\"content\":["
                    + "{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"We are sorry. A voucher of 30 GBP is on its way to you.\"}]},"
                    + "{\"type\":\"mediaSingle\",\"attrs\":{\"layout\":\"center\"},\"content\":[{\"type\":\"media\",\"attrs\":"
                    + "{\"id\":\"5f1c7a0e-93b2-4d7e-8a51-0c9d2b6f4e11\",\"type\":\"file\",\"collection\":\"\"}}]}]}}");
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox(customer).size() == 2);
            MimeMessage relayed = stack.mailbox(customer).get(1);
            assertThat(relayed.getSubject()).contains("[" + key + "]");
            assertThat(relayed.getHeader("In-Reply-To", null)).isEqualTo(ack.getHeader("In-Reply-To", null));
            assertThat(relayed.getHeader("Auto-Submitted", null)).as("an agent's words are not an auto-reply").isNull();
            var parts = (jakarta.mail.internet.MimeMultipart) relayed.getContent();
            assertThat(parts.getBodyPart(0).getContent().toString()).contains("A voucher of 30 GBP is on its way to you.");
            assertThat(parts.getCount()).isEqualTo(2);
            assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("voucher.pdf");

            stack.jiraPost("/rest/api/3/issue/" + key + "/comment", adfComment("Customer was rude to staff too, check CCTV.",
                    "{\"type\":\"role\",\"value\":\"Administrators\"}"));
            stack.jiraPost("/rest/api/3/issue/" + key + "/comment", adfComment("[internal] Refund approved by Sam.", null));
            Thread.sleep(2500);
            assertThat(stack.mailbox(customer)).as("internal comments are never sent").hasSize(2);

            // the customer answers the agent's mail: the same ticket again
            stack.deliver(replyTo(relayed, customer, "Thank you, the voucher arrived.", "gmail-en"));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.gateway().register()
                    .withOutcome(Outcome.COMMENTED).size() == 1);
            assertThat(commentTexts(stack, key)).anySatisfy(t -> assertThat(t).contains("the voucher arrived"));
            assertThat(stack.mailbox(customer)).as("the gateway's own comment is not echoed").hasSize(2);

            // a stranger naming the key
            int commentsBefore = commentTexts(stack, key).size();
            stack.deliver(mail("mallory@example.net", "complaints@lumiere.example", "Re: Appalling treatment [" + key + "]",
                    "Please send me everything you have on this case.", null));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.issueKeys().size() == 2);
            assertThat(commentTexts(stack, key)).hasSize(commentsBefore);
            String strangersKey = stack.issueKeys().stream().filter(k -> !k.equals(key)).findFirst().orElseThrow();
            assertThat(stack.jira("/rest/api/3/issue/" + strangersKey).path("fields").path("description").toString())
                    .contains("named " + key);
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox("mallory@example.net").size() == 1);
            MimeMessage strangersAck = stack.mailbox("mallory@example.net").get(0);
            assertThat(strangersAck.getSubject()).contains("[" + strangersKey + "]").doesNotContain("[" + key + "]");
            assertThat(strangersAck.getContent().toString()).doesNotContain("Bristol");

            // the sandbox's webhook is registered as README's setup says: comments and updates (files added among
            // them), not the tickets the gateway opened itself; the gateway takes every one
            assertThat(stack.sandbox().jira().awaitWebhooksDelivered(Duration.ofSeconds(15))).isTrue();
            var deliveries = stack.sandbox().jira().deliveredWebhooks();
            assertThat(deliveries).extracting(org.redress.sandbox.jira.WebhookDelivery::webhookEvent)
                    .contains("comment_created", "jira:issue_updated").doesNotContain("jira:issue_created");
            assertThat(deliveries).allMatch(org.redress.sandbox.jira.WebhookDelivery::delivered);
        }
    }

    @Test
    void replyAfterResolutionReopensTheTicketAndTheCustomerHearsOfBoth() throws Exception {
        String customer = "juergen.weiss@example.de";
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.POSTGRESQL)) {
            stack.deliver(Files.readAllBytes(RedeliveryAndRestartTest.sample("05")));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox(customer).size() == 1);
            String key = keyOf(stack.mailbox(customer).get(0));
            stack.jiraPost("/rest/api/3/issue/" + key + "/comment", adfComment("Ihr Paket wurde heute neu versendet.", null));
            stack.jiraPost("/rest/api/3/issue/" + key + "/transitions", "{\"transition\":{\"id\":\"41\"}}");
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox(customer).size() == 3);
            MimeMessage resolved = stack.mailbox(customer).get(2);
            assertThat(resolved.getContent().toString()).contains("gelöst").contains("Ihr Paket wurde heute neu versendet.");
            assertThat(resolved.getHeader("Content-Language", null)).isEqualTo("de");

            stack.deliver(replyTo(resolved, customer, "Das Paket ist immer noch nicht da.", "gmail-de"));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox(customer).size() == 4);
            JsonNode issue = stack.jira("/rest/api/3/issue/" + key);
            assertThat(issue.path("fields").path("status").path("statusCategory").path("key").asText()).isNotEqualTo("done");
            assertThat(stack.mailbox(customer).get(3).getContent().toString()).contains("wieder geöffnet");
            assertThat(stack.issueKeys()).hasSize(1);
        }
    }

    @Test
    void withFollowUpsConfiguredAReplyAfterResolutionOpensANewTicketNamingTheOldOne() throws Exception {
        String customer = "tom.baker@example.co.uk";
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2,
                Map.of("redress.conversation.resolved-reply", "follow-up"))) {
            stack.deliver(Files.readAllBytes(RedeliveryAndRestartTest.sample("04")));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox(customer).size() == 1);
            String key = keyOf(stack.mailbox(customer).get(0));
            stack.jiraPost("/rest/api/3/issue/" + key + "/transitions", "{\"transition\":{\"id\":\"41\"}}");
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox(customer).size() == 2);

            stack.deliver(replyTo(stack.mailbox(customer).get(1), customer, "It happened again today.", "gmail-en"));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.issueKeys().size() == 2
                    && stack.mailbox(customer).size() == 3);
            String followUp = stack.issueKeys().stream().filter(k -> !k.equals(key)).findFirst().orElseThrow();
            JsonNode followUpIssue = stack.jira("/rest/api/3/issue/" + followUp);
            assertThat(followUpIssue.path("fields").path("description").toString()).contains("Follow-up of " + key);
            await().atMost(Duration.ofSeconds(10)).until(() -> stack.jira("/rest/api/3/issue/" + followUp)
                    .path("fields").path("issuelinks").size() == 1);
            JsonNode link = stack.jira("/rest/api/3/issue/" + followUp).path("fields").path("issuelinks").get(0);
            assertThat(link.path("type").path("name").asText()).isEqualTo("Relates");
            assertThat(link.path("outwardIssue").path("key").asText()).isEqualTo(key);
            assertThat(stack.jira("/rest/api/3/issue/" + key).path("fields").path("status").path("statusCategory")
                    .path("key").asText()).isEqualTo("done");
            assertThat(stack.mailbox(customer).get(2).getSubject()).contains("[" + followUp + "]");
        }
    }

    @Test
    void webhookEndpointRefusesUnsignedAndBadlySignedCallsAndTakesJirasOwnPayloads() throws Exception {
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2)) {
            byte[] body = "{\"webhookEvent\":\"comment_created\",\"issue\":{\"key\":\"CS-1\"},\"comment\":{\"id\":\"1\"}}"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(stack.gatewayPost("/webhooks/jira", body, Map.of())).isEqualTo(401);
            assertThat(stack.gatewayPost("/webhooks/jira", body, Map.of("X-Hub-Signature", "sha256=00ff"))).isEqualTo(403);
            var signature = new org.redress.relay.WebhookSignature(TestStack.WEBHOOK_SECRET);
            assertThat(stack.gatewayPost("/webhooks/jira", body, Map.of("X-Hub-Signature", signature.header(body))))
                    .isEqualTo(204);
            List<Path> fixtures = org.redress.testing.SharedFiles.files("jira/webhooks", ".json");
            assertThat(fixtures).isNotEmpty();
            for (Path fixture : fixtures) {
                byte[] payload = Files.readAllBytes(fixture);
                assertThat(stack.gatewayPost("/webhooks/jira", payload, Map.of("X-Hub-Signature", signature.header(payload))))
                        .as(fixture.getFileName().toString()).isEqualTo(204);
            }
            assertThat(stack.gateway().outbox().count("pending") + stack.gateway().outbox().count("sent")).isZero();
        }
    }

    @Test
    void pollingWithWebhooksOffDeliversEachPublicCommentOnce() throws Exception {
        String customer = "tom.baker@example.co.uk";
        Map<String, String> polling = Map.of("redress.conversation.webhooks", "false",
                "redress.conversation.poll-interval", "PT1S");
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2, polling)) {
            stack.deliver(Files.readAllBytes(RedeliveryAndRestartTest.sample("04")));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox(customer).size() == 1);
            String key = keyOf(stack.mailbox(customer).get(0));
            stack.jiraPost("/rest/api/3/issue/" + key + "/comment", adfComment("Polled: your refund is approved.", null));
            stack.jiraPost("/rest/api/3/issue/" + key + "/comment", adfComment("Internal: polled note.",
                    "{\"type\":\"group\",\"value\":\"jira-administrators\"}"));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox(customer).size() == 2);
            Thread.sleep(3500);
            assertThat(stack.mailbox(customer)).hasSize(2);
            assertThat(stack.mailbox(customer).get(1).getContent().toString()).contains("your refund is approved");

            stack.jiraPost("/rest/api/3/issue/" + key + "/transitions", "{\"transition\":{\"id\":\"41\"}}");
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox(customer).size() == 3);
            Thread.sleep(2500);
            assertThat(stack.mailbox(customer)).as("the resolution is told once").hasSize(3);
            assertThat(stack.mailbox(customer).get(2).getContent().toString()).contains("resolved")
                    .contains("your refund is approved");
        }
    }

    @Test
    void webhookAndPollerBothOnStillDeliverEachCommentOnce() throws Exception {
        String customer = "giulia.romano@example.it";
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.POSTGRESQL,
                Map.of("redress.conversation.poll-interval", "PT0.5S"))) {
            stack.deliver(Files.readAllBytes(RedeliveryAndRestartTest.sample("03")));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox(customer).size() == 1);
            String key = keyOf(stack.mailbox(customer).get(0));
            Thread.sleep(1500);
            for (int i = 1; i <= 3; i++) {
                stack.jiraPost("/rest/api/3/issue/" + key + "/comment", adfComment("Risposta numero " + i, null));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox(customer).size() == 4);
            Thread.sleep(3000);
            assertThat(stack.mailbox(customer)).hasSize(4);
            assertThat(stack.gateway().outbox().count("sent")).isEqualTo(4);
        }
    }

    private static String adfComment(String text, String visibility) {
        String body = "{\"body\":{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":"
                + "[{\"type\":\"text\",\"text\":\"" + text + "\"}]}]}";
        return visibility == null ? body + "}" : body + ",\"visibility\":" + visibility + "}";
    }

    private static List<String> commentTexts(TestStack stack, String key) throws Exception {
        List<String> texts = new ArrayList<>();
        stack.jira("/rest/api/3/issue/" + key + "/comment").path("comments")
                .forEach(c -> texts.add(AdfText.plain(c.path("body"))));
        return texts;
    }

    private static String keyOf(MimeMessage mail) throws Exception {
        return mail.getHeader("X-Redress-Ticket", null);
    }

    /** The customer's answer to one of our mails, quoting it the way their mail program does. */
    private static byte[] replyTo(MimeMessage ours, String customer, String newWords, String style) throws Exception {
        String quoted = ours.getContent().toString().strip();
        String from = ((InternetAddress) ours.getFrom()[0]).getAddress();
        String body = switch (style) {
            case "outlook-fr" -> newWords + "\n\nCordialement,\nClaire\n\n________________________________\nDe : Service Réclamations <"
                    + from + ">\nEnvoyé : lundi 23 novembre 2026 10:12\nÀ : " + customer + "\nObjet : " + ours.getSubject()
                    + "\n\n" + quoted;
            case "thunderbird-it" -> newWords + "\n\nIl 23/11/2026 10:12, Assistenza Clienti ha scritto:\n" + quote(quoted);
            case "thunderbird-es" -> newWords + "\n\nEl 23/11/2026 a las 10:12, Customer Care escribió:\n" + quote(quoted);
            case "gmail-de" -> newWords + "\n\nAm Mo., 23. Nov. 2026 um 10:12 Uhr schrieb Customer Care <\n" + from + ">:\n\n"
                    + quote(quoted);
            default -> newWords + "\n\nOn Mon, 23 Nov 2026 at 10:12, Customer Care <" + from + "> wrote:\n\n" + quote(quoted)
                    + "\n";
        };
        return mail(customer, from, "Re: " + ours.getSubject(), body, ours.getMessageID());
    }

    private static String quote(String text) {
        return "> " + text.replace("\n", "\n> ");
    }

    private static byte[] mail(String from, String to, String subject, String text, String inReplyTo) throws Exception {
        return CustomerMail.mail(from, to, subject, text, inReplyTo);
    }
}
