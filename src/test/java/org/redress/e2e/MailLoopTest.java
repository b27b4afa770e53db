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

    /**
     * The acceptance's auto-responder, at its worst: it answers every mail it receives at once, under a subject of
     * its own, with no Auto-Submitted, Precedence or threading header, quoting what it answers. Its fixed text is
     * recognised as the same words again: added to the first ticket, never acknowledged a second time.
     */
    @Test
    void autoResponderAnsweringEveryMailUnderItsOwnSubjectWithoutHeadersEndsAfterOneAcknowledgement() throws Exception {
        String robot = "service-desk@supplier.example";
        String fixedText = "Thank you for your e-mail. This mailbox is not monitored during the holidays; "
                + "your message will be read when we are back. Kind regards, the service desk";
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2);
             AutoResponder responder = new AutoResponder(stack, robot, TestStack.COMPLAINTS, false, fixedText)) {
            // it answers a mail that went out under our address: that answer reaches the complaints inbox
            stack.deliver(CustomerMail.mail(robot, TestStack.COMPLAINTS, "Automatic reply: your mail", fixedText, null));
            Thread.sleep(5_000);
            responder.stop();
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.gateway().register().all().stream()
                    .allMatch(RegisterEntry::finished));
            System.out.printf("auto-responder (own subject, no headers): %d acknowledgements, %d answers from it, "
                    + "%d tickets%n", stack.mailbox(robot).size(), responder.answers(), stack.issueKeys().size());
            assertThat(stack.mailbox(robot)).as("acknowledgements the auto-responder received").hasSize(1);
            assertThat(stack.issueKeys()).hasSize(1);
            assertThat(responder.answers()).isEqualTo(1);
        }
    }

    /** The common auto-responder: "Re: <our subject>" with In-Reply-To, still no Auto-Submitted header. */
    @Test
    void autoResponderAnsweringInTheThreadEndsAfterOneAcknowledgement() throws Exception {
        String robot = "ventas@proveedor.example";
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2);
             AutoResponder responder = new AutoResponder(stack, robot, TestStack.COMPLAINTS, true,
                     "Gracias por su mensaje. Le responderemos lo antes posible. Atentamente, el equipo de ventas")) {
            stack.deliver(CustomerMail.mail(robot, TestStack.COMPLAINTS, "Pedido 5521 retrasado",
                    "Hola, el pedido 5521 no ha llegado todavía. ¿Pueden decirme cuándo llegará? Gracias, Ana", null));
            Thread.sleep(5_000);
            responder.stop();
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.gateway().register().all().stream()
                    .allMatch(RegisterEntry::finished));
            System.out.printf("auto-responder (in the thread): %d acknowledgements, %d answers from it%n",
                    stack.mailbox(robot).size(), responder.answers());
            assertThat(stack.mailbox(robot)).hasSize(1);
            assertThat(stack.issueKeys()).hasSize(1);
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

    /** A mailbox robot on the test's mail server that answers every mail it receives, as fast as it can. */
    private static final class AutoResponder implements AutoCloseable {
        private final Thread thread;
        private final java.util.concurrent.atomic.AtomicInteger answers = new java.util.concurrent.atomic.AtomicInteger();
        private volatile boolean running = true;

        AutoResponder(TestStack stack, String robot, String to, boolean inThread, String text) {
            thread = new Thread(() -> {
                java.util.Set<String> answered = new java.util.HashSet<>();
                while (running) {
                    try {
                        for (MimeMessage received : stack.mailbox(robot)) {
                            if (answered.add(received.getMessageID())) {
                                String quoted = "> " + received.getContent().toString().strip().replace("\n", "\n> ");
                                stack.deliver(CustomerMail.mail(robot, to, inThread ? "Re: " + received.getSubject()
                                                : "Automatic reply: your mail", text + "\n\n" + quoted,
                                        inThread ? received.getMessageID() : null));
                                answers.incrementAndGet();
                            }
                        }
                        Thread.sleep(100);
                    } catch (InterruptedException stopped) {
                        return;
                    } catch (Exception retry) {
                        // the mailbox is read again at the next turn
                    }
                }
            }, "auto-responder");
            thread.setDaemon(true);
            thread.start();
        }

        int answers() {
            return answers.get();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(5000);
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }
}
