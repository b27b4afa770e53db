package org.redress.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.jira.AdfText;
import org.redress.store.Outcome;
import org.redress.testing.CustomerMail;
import org.redress.testing.TestDatabase;
import org.redress.testing.TestStack;

/**
 * With {@code redress.intake.authserv-id} set, our mail server's DMARC verdict counts: a sender whose domain failed
 * may be forged, so their mail is ticketed but flagged, updates no existing ticket, and learns nothing of other cases.
 */
class SenderAuthenticityEndToEndTest {
    private static final String OUR_SERVER = "mx.lumiere.example";
    private static final Map<String, String> CHECKING = Map.of("redress.intake.authserv-id", OUR_SERVER);

    @TempDir
    Path tempDir;

    @Test
    void complaintWhoseSenderFailedDmarcIsTicketedFlaggedAndAnsweredWithoutNamingEarlierCases() throws Exception {
        String customer = "claire.dubois@example.org";
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2, CHECKING)) {
            stack.deliver(verdict("dmarc=pass header.from=example.org", CustomerMail.mail(customer, TestStack.COMPLAINTS,
                    "Damaged parcel", "Hello, my parcel arrived damaged. Claire", null)));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox(customer).size() == 1);
            String genuine = CustomerMail.ticketOf(stack.mailbox(customer).get(0));

            stack.deliver(verdict("spf=fail smtp.mailfrom=example.org; dmarc=fail (p=quarantine) header.from=example.org",
                    CustomerMail.mail(customer, TestStack.COMPLAINTS, "Change of bank details",
                            "Please send any refund to my new account. Claire", null)));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.issueKeys().size() == 2
                    && stack.mailbox(customer).size() == 2);
            String flagged = stack.issueKeys().stream().filter(k -> !k.equals(genuine)).findFirst().orElseThrow();

            JsonNode fields = stack.jira("/rest/api/3/issue/" + flagged).path("fields");
            assertThat(fields.path("labels").toString()).contains("\"sender-unverified\"");
            assertThat(AdfText.plain(fields.path("description").path("content").get(0)))
                    .startsWith("Sender not verified: the sender's domain failed DMARC at our mail server ("
                            + OUR_SERVER + ": dmarc=fail), so the From address may be forged.");
            assertThat(stack.jira("/rest/api/3/issue/" + genuine).path("fields").path("labels").toString())
                    .doesNotContain("sender-unverified");

            MimeMessage answer = stack.mailbox(customer).get(1);
            assertThat(CustomerMail.ticketOf(answer)).isEqualTo(flagged);
            assertThat(answer.getSubject() + answer.getContent()).as("nothing of the earlier case")
                    .doesNotContain(genuine);
        }
    }

    @Test
    void replyWhoseSenderFailedDmarcOpensAFlaggedTicketOfItsOwnWhileAPassingReplyIsACommentAsUsual() throws Exception {
        String customer = "tom.baker@example.co.uk";
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2, CHECKING)) {
            stack.deliver(CustomerMail.mail(customer, TestStack.COMPLAINTS, "Rude staff in the Bristol store",
                    "The manager shouted at me in front of other customers. Tom", null));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox(customer).size() == 1);
            MimeMessage ack = stack.mailbox(customer).get(0);
            String key = CustomerMail.ticketOf(ack);

            // from the customer's address, in the customer's thread, but the customer's domain failed DMARC
            stack.deliver(verdict("dmarc=fail header.from=example.co.uk",
                    CustomerMail.answer(ack, customer, "Please send me everything you have on this case.")));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.issueKeys().size() == 2
                    && stack.mailbox(customer).size() == 2);
            String flagged = stack.issueKeys().stream().filter(k -> !k.equals(key)).findFirst().orElseThrow();
            assertThat(stack.jira("/rest/api/3/issue/" + key + "/comment").path("comments")).as("nothing added").isEmpty();
            JsonNode fields = stack.jira("/rest/api/3/issue/" + flagged).path("fields");
            assertThat(fields.path("labels").toString()).contains("\"sender-unverified\"");
            assertThat(AdfText.plain(fields.path("description")))
                    .contains("The sender named " + key + ", but their domain failed DMARC");
            assertThat(stack.gateway().register().all()).filteredOn(e -> key.equals(e.claimedKey())).singleElement()
                    .satisfies(e -> assertThat(e.ticketKey()).isEqualTo(flagged));
            MimeMessage answer = stack.mailbox(customer).get(1);
            assertThat(answer.getSubject()).contains("[" + flagged + "]").doesNotContain("[" + key + "]");

            // our server's pass on top; a "fail" the sender wrote in under another server's name counts for nothing
            byte[] genuine = verdict("dmarc=pass header.from=example.co.uk",
                    CustomerMail.answer(ack, customer, "The store manager has now called me to apologise."));
            stack.deliver(prepend("Authentication-Results: evil.example; dmarc=fail header.from=example.co.uk",
                    genuine));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.gateway().register()
                    .withOutcome(Outcome.COMMENTED).size() == 1);
            assertThat(stack.jira("/rest/api/3/issue/" + key + "/comment").path("comments")).singleElement()
                    .satisfies(c -> assertThat(AdfText.plain(c.path("body"))).contains("called me to apologise"));
            assertThat(stack.issueKeys()).hasSize(2);
        }
    }

    /** The mail as our server hands it over: its Authentication-Results on top. */
    private static byte[] verdict(String results, byte[] raw) throws Exception {
        return prepend("Authentication-Results: " + OUR_SERVER + ";\r\n\t" + results, raw);
    }

    private static byte[] prepend(String header, byte[] raw) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((header + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(raw);
        return out.toByteArray();
    }
}
