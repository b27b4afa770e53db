package org.redress.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.jira.AdfText;
import org.redress.store.Outcome;
import org.redress.store.RegisterEntry;
import org.redress.testing.CustomerMail;
import org.redress.testing.DeliveryReports;
import org.redress.testing.TestDatabase;
import org.redress.testing.TestStack;

/**
 * Our own mail bouncing: the customer never got our answer, and the agents are told so on the ticket — once, as an
 * internal note — while the report itself opens nothing and is answered by nobody.
 */
class BounceEndToEndTest {

    @TempDir
    Path tempDir;

    @Test
    void bounceOfOurAcknowledgementBecomesAnInternalCommentOnItsTicket() throws Exception {
        String customer = "paul.girard@example.org";
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2)) {
            MimeMessage ack = acknowledgementOfAComplaintFrom(stack, customer);
            String key = CustomerMail.ticketOf(ack);

            // a delay warning first, then a bounce of somebody else's mail, then the bounce of our acknowledgement
            // (delivered twice, as a server retrying its report would)
            stack.deliver(DeliveryReports.about(ack, customer, "delayed", "4.2.2", "452 4.2.2 Mailbox full",
                    "<delay-1@mx.example.org>"), TestStack.RECLAMATIONS);
            MimeMessage strangers = new MimeMessage(ack);
            strangers.setHeader("Message-ID", "<not-ours-1@example.net>");
            stack.deliver(DeliveryReports.about(strangers, "nobody@example.net", "failed", "5.1.1",
                    "550 5.1.1 User unknown", "<other-bounce-1@mx.example.org>"), TestStack.RECLAMATIONS);
            byte[] bounce = DeliveryReports.about(ack, customer, "failed", "5.1.1",
                    "550 5.1.1 <" + customer + ">: Recipient address rejected: User unknown", "<bounce-1@mx.example.org>");
            stack.deliver(bounce, TestStack.RECLAMATIONS);
            stack.deliver(bounce, TestStack.RECLAMATIONS);
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.unseen(TestStack.RECLAMATIONS) == 0
                    && stack.gateway().register().all().size() == 4
                    && stack.gateway().register().all().stream().allMatch(RegisterEntry::finished));
            Thread.sleep(1500);

            List<JsonNode> comments = comments(stack, key);
            assertThat(comments).singleElement().satisfies(comment -> {
                assertThat(comment.path("jsdPublic").asBoolean(true)).as("internal").isFalse();
                assertThat(AdfText.plain(comment.path("body")))
                        .contains("Our e-mail “" + ack.getSubject() + "” to " + customer + " could not be delivered: "
                                + "5.1.1 550 5.1.1 <" + customer + ">: Recipient address rejected: User unknown")
                        .contains("The customer did not receive it").contains("reach them another way");
            });
            RegisterEntry report = entry(stack, "<bounce-1@mx.example.org>");
            assertThat(report.outcome()).isEqualTo(Outcome.IGNORED);
            assertThat(report.reason()).isEqualTo("bounce of our mail to " + customer + " recorded on " + key);
            assertThat(report.ticketKey()).isEqualTo(key);
            assertThat(report.commentId()).isEqualTo(comments.get(0).path("id").asText());
            for (String other : List.of("<delay-1@mx.example.org>", "<other-bounce-1@mx.example.org>")) {
                assertThat(entry(stack, other).outcome()).as(other).isEqualTo(Outcome.IGNORED);
                assertThat(entry(stack, other).reason()).as(other + ": screened out as before")
                        .startsWith("auto-reply: Auto-Submitted");
                assertThat(entry(stack, other).ticketKey()).as(other).isNull();
            }

            assertThat(stack.issueKeys()).as("no ticket for any report").containsExactly(key);
            assertThat(stack.gateway().outbox().count("sent")).as("the acknowledgement only").isEqualTo(1);
            assertThat(stack.gateway().outbox().count("pending")).isZero();
            assertThat(stack.mailbox(DeliveryReports.MAILER_DAEMON)).as("no answer to a report").isEmpty();
            assertThat(stack.mailbox(customer)).hasSize(1);
        }
    }

    @Test
    void bounceNoteWhoseAnswerFromJiraWasLostIsFoundOnTheRetryNotAddedTwice() throws Exception {
        String customer = "nadia.haddad@example.org";
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.POSTGRESQL)) {
            MimeMessage ack = acknowledgementOfAComplaintFrom(stack, customer);
            String key = CustomerMail.ticketOf(ack);
            stack.sandbox().jira().loseAnswers("POST", "/rest/api/3/issue/" + key + "/comment", 1);

            stack.deliver(DeliveryReports.about(ack, customer, "failed", "5.2.2", "552 5.2.2 Mailbox quota exceeded",
                    "<bounce-2@mx.example.org>"), TestStack.RECLAMATIONS);
            await().atMost(Duration.ofSeconds(60)).until(() -> stack.unseen(TestStack.RECLAMATIONS) == 0
                    && stack.gateway().register().all().stream().allMatch(RegisterEntry::finished));
            Thread.sleep(1000);

            assertThat(comments(stack, key)).as("Jira added the note, its answer was lost; the retry found it")
                    .singleElement().satisfies(c -> assertThat(AdfText.plain(c.path("body"))).contains("5.2.2"));
            assertThat(stack.jiraRequests()).filteredOn(r -> r.method().equals("POST")
                    && r.path().equals("/rest/api/3/issue/" + key + "/comment")).hasSize(1);
            RegisterEntry report = entry(stack, "<bounce-2@mx.example.org>");
            assertThat(report.reason()).isEqualTo("bounce of our mail to " + customer + " recorded on " + key);
            assertThat(report.commentId()).isNotNull();
            assertThat(stack.issueKeys()).containsExactly(key);
        }
    }

    private static MimeMessage acknowledgementOfAComplaintFrom(TestStack stack, String customer) throws Exception {
        stack.deliver(CustomerMail.mail(customer, TestStack.RECLAMATIONS, "Commande incomplète",
                "Bonjour, il manque un article dans ma commande. Pouvez-vous l'envoyer ? Merci.", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox(customer).size() == 1);
        return stack.mailbox(customer).get(0);
    }

    private static RegisterEntry entry(TestStack stack, String messageId) {
        return stack.gateway().register().all().stream().filter(e -> messageId.equals(e.messageId())).findFirst()
                .orElseThrow(() -> new AssertionError("no register entry for " + messageId));
    }

    private static List<JsonNode> comments(TestStack stack, String key) throws Exception {
        List<JsonNode> comments = new ArrayList<>();
        stack.jira("/rest/api/3/issue/" + key + "/comment").path("comments").forEach(comments::add);
        return comments;
    }
}
