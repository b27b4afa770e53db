package org.redress.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.store.RegisterEntry;
import org.redress.testing.CustomerMail;
import org.redress.testing.TestDatabase;
import org.redress.testing.TestStack;

/**
 * Mail loops the screening headers do not catch: an auto-responder writing fresh mails (capped acknowledgements), and
 * our own acknowledgement forwarded back by a customer's auto-forwarder (our X-Loop header).
 */
class MailLoopTest {

    @TempDir
    Path tempDir;

    @Test
    void autoResponderThatLooksHumanGetsAtMostTheCappedNumberOfAcknowledgementsPerHour() throws Exception {
        String robot = "helpdesk@vendor.example";
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2,
                Map.of("redress.acknowledgement.max-per-sender-per-hour", "3"))) {
            for (int i = 0; i < 5; i++) {
                stack.deliver(CustomerMail.mail(robot, TestStack.COMPLAINTS, "Ticket " + (7000 + i) + " received",
                        "Thank you for contacting us. Your request " + (7000 + i) + " has been logged.", null));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.issueKeys().size() == 5
                    && stack.gateway().register().all().stream().allMatch(RegisterEntry::finished));
            Thread.sleep(1500);
            assertThat(stack.mailbox(robot)).as("acknowledgements capped").hasSize(3);
            assertThat(stack.gateway().register().all()).filteredOn(e -> e.reason() != null
                    && e.reason().startsWith("not acknowledged: 3 automatic answers")).hasSize(2);
        }
    }

    @Test
    void ourAcknowledgementForwardedBackIsRecognisedByItsLoopHeaderAndIgnored() throws Exception {
        String customer = "paul.girard@example.org";
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2)) {
            stack.deliver(CustomerMail.mail(customer, TestStack.RECLAMATIONS, "Commande incomplète",
                    "Bonjour, il manque un article dans ma commande. Pouvez-vous l'envoyer ? Paul", null));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox(customer).size() == 1);
            MimeMessage ack = stack.mailbox(customer).get(0);
            assertThat(ack.getHeader("X-Loop", null)).isEqualTo(TestStack.RECLAMATIONS);

            // the customer's auto-forwarder sends it on to their assistant's address, which forwards it to us
            MimeMessage forwarded = new MimeMessage(ack);
            forwarded.setFrom("assistant@example.org");
            forwarded.setRecipients(jakarta.mail.Message.RecipientType.TO, TestStack.RECLAMATIONS);
            forwarded.setSubject("Fwd: " + ack.getSubject(), "UTF-8");
            forwarded.removeHeader("In-Reply-To");
            forwarded.removeHeader("References");
            forwarded.removeHeader("Auto-Submitted");
            forwarded.setHeader("Message-ID", "<forwarded-ack-1@example.org>");
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            forwarded.writeTo(raw);
            stack.deliver(raw.toByteArray());
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.gateway().register().all().size() == 2
                    && stack.gateway().register().all().stream().allMatch(RegisterEntry::finished));
            assertThat(stack.issueKeys()).hasSize(1);
            assertThat(stack.gateway().register().all()).anyMatch(e -> e.reason() != null
                    && e.reason().startsWith("mail loop: X-Loop"));
        }
    }
}
