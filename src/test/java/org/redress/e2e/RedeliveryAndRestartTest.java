package org.redress.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.intake.MailIdentity;
import org.redress.jira.AdfText;
import org.redress.store.Outbox;
import org.redress.store.RegisterEntry;
import org.redress.testing.SharedFiles;
import org.redress.testing.TestDatabase;
import org.redress.testing.TestStack;

/** A mail delivered twice, or a gateway stopped and started mid-batch, never gives a second ticket or answer. */
class RedeliveryAndRestartTest {
    /**
     * A small max-attachment-size, so that a mail's .eml and its file go up in separate requests: the mails of the
     * tests using it are about 3.4 KB, under it (a larger .eml would be listed on the ticket, not uploaded).
     */
    private static final Map<String, String> ONE_FILE_PER_REQUEST = Map.of("redress.intake.max-attachment-size", "4KB");

    @TempDir
    Path tempDir;

    @Test
    void sameFileDeliveredTwiceOpensOneTicketAndSendsOneAcknowledgement() throws Exception {
        byte[] raw = Files.readAllBytes(sample("04"));
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2)) {
            stack.deliver(raw);
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.gateway().outbox().count("sent") == 1);
            stack.deliver(raw);
            stack.deliver(raw);
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.unseen(TestStack.COMPLAINTS) == 0);
            Thread.sleep(1500);
            assertThat(stack.issueKeys()).hasSize(1);
            assertThat(stack.mailbox("tom.baker@example.co.uk")).hasSize(1);
            assertThat(stack.gateway().register().all()).hasSize(1);
        }
    }

    /**
     * Mails with a Message-ID are compared by their bodies when the id comes again (no hash as they are taken in); a
     * mail hashed before that (a register from an earlier version) is still recognised by its hash.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sameMailAgainIsRecognisedByItsBodyAndADifferentMailReusingItsMessageIdOpensATicketOfItsOwn(TestDatabase kind)
            throws Exception {
        byte[] kettle = demoComplaint("<kettle-1@example.pt>", "Broken kettle",
                "The kettle I bought on 2 December leaks from its base. I would like a replacement.");
        byte[] kettleAgain = ("Received: from relay.example.pt by mx.lumiere.example; Sat, 5 Dec 2026 09:00:07 +0000\r\n"
                + new String(kettle, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        byte[] refund = demoComplaint("<kettle-1@example.pt>", "Still no refund",
                "I sent the toaster back a month ago and have had no refund yet.");
        // taken in by an earlier version, which hashed every mail's body
        byte[] lamp = demoComplaint("<lamp-1@example.pt>", "Lamp arrived broken", "The lamp's shade was cracked.");
        byte[] chair = demoComplaint("<lamp-1@example.pt>", "Wobbly chair", "One leg of the chair is shorter.");
        try (TestStack stack = TestStack.start(tempDir, kind)) {
            stack.gateway().register().receive("<lamp-1@example.pt>", "<lamp-1@example.pt>",
                    MailIdentity.bodyHash(lamp), "email", "complaints", lamp, java.time.Instant.now());
            stack.deliver(kettle);
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.gateway().outbox().count("sent") == 1);
            stack.deliver(kettleAgain);
            stack.deliver(refund);
            stack.deliver(lamp);
            stack.deliver(chair);
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.gateway().outbox().count("sent") == 4);
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.unseen(TestStack.COMPLAINTS) == 0);
            Thread.sleep(1500);
            assertThat(stack.gateway().register().all()).extracting(RegisterEntry::subject)
                    .containsExactlyInAnyOrder("Broken kettle", "Still no refund", "Lamp arrived broken", "Wobbly chair");
            assertThat(stack.issueKeys()).hasSize(4);
            assertThat(stack.mailbox("ines.duarte@example.pt")).hasSize(4);
        }
    }

    private static byte[] demoComplaint(String messageId, String subject, String text) {
        return ("From: Ines Duarte <ines.duarte@example.pt>\r\n"
                + "To: complaints@lumiere.example\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: " + messageId + "\r\n"
                + "Date: Sat, 5 Dec 2026 09:00:00 +0000\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "\r\n"
                // no line break after the text: GreenMail keeps none, and the lamp's recorded hash is of what arrives
                + text).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void ticketWhoseCreationAnswerWasLostIsFoundByItsMailLabelNotOpenedTwice() throws Exception {
        String customer = "nadia.haddad@example.org";
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.POSTGRESQL)) {
            stack.sandbox().jira().loseAnswers("POST", "/rest/api/3/issue", 1);
            stack.deliver(org.redress.testing.CustomerMail.mail(customer, TestStack.COMPLAINTS, "Blender stopped working",
                    "Hello, my blender stopped working after two days. I would like a replacement. Nadia", null));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox(customer).size() == 1);
            Thread.sleep(1500);
            assertThat(stack.issueKeys()).as("Jira created the ticket, its answer was lost; the retry found it")
                    .hasSize(1);
            assertThat(stack.mailbox(customer)).hasSize(1);
            String key = stack.mailbox(customer).get(0).getHeader("X-Redress-Ticket", null);
            assertThat(stack.issueKeys()).containsExactly(key);
            assertThat(stack.jira("/rest/api/3/issue/" + key).path("fields").path("labels").toString())
                    .contains("redress-mail-");
        }
    }

    @Test
    void fileJiraRefusesInASharedRequestIsTriedAloneAndTheOthersStillGoUpAndAgentsAreToldOfIt() throws Exception {
        String customer = "elodie.marchand@example.org";
        String invoice = invoice("Facture 2026-1192: 31,00 EUR, payée le 5 novembre.");
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2)) {
            // a Jira whose own limit (3,000 bytes) is below the gateway's: the .eml (about 3.4 KB) is refused with 413
            stack.sandbox().jira().maxAttachmentBytes(3_000);
            stack.deliver(withInvoice(customer, "<refused-file@example.org>", "Facture payée deux fois",
                    "Bonjour, la facture jointe a été payée deux fois. Élodie", invoice));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox(customer).size() == 1);
            // the note is a ticket event, made in Jira by the gateway's timer for them
            await().atMost(Duration.ofSeconds(15)).until(() -> !stack.jira("/rest/api/3/issue/CS-1/comment")
                    .path("comments").isEmpty());
            List<String> calls = callsOn(stack, "CS-1");
            assertThat(calls).filteredOn(call -> call.startsWith("POST")).as("both together (refused), each alone, then "
                    + "the note").containsExactly("POST attachments", "POST attachments", "POST attachments", "POST comment");
            assertThat(fileNames(stack, "CS-1")).as("the invoice went up; the .eml Jira will not take stays in the register")
                    .containsExactly("facture.txt");
            JsonNode notes = stack.jira("/rest/api/3/issue/CS-1/comment").path("comments");
            assertThat(notes).hasSize(1);
            assertThat(AdfText.plain(notes.get(0).path("body"))).as("agents are told which file is missing and where it is")
                    .startsWith("Jira refused a file of mail #1, so it is not on this ticket: original-message-1.eml (")
                    .contains("(413)", "attachment size limit of 3000 bytes", "kept in the register (/api/complaints/1/raw)");
            assertThat(notes.get(0).path("jsdPublic").asBoolean(true)).as("an internal note").isFalse();
            assertThat(stack.sandbox().jira().awaitWebhooksDelivered(Duration.ofSeconds(10))).isTrue();
            Outbox outbox = stack.gateway().outbox();
            assertThat(outbox.count("pending") + outbox.count("sent") + outbox.count("failed"))
                    .as("the note is not relayed to the customer: the acknowledgement is all that was written to them")
                    .isEqualTo(1);
        }
    }

    @Test
    void complaintToAJiraThatTakesNoFilesIsAcknowledgedAndAgentsAreToldWhyItsFilesAreMissing() throws Exception {
        String customer = "elodie.marchand@example.org";
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2)) {
            // the gateway's account without Create Attachments: Jira answers every upload 403
            stack.sandbox().jira().createAttachmentsPermission(false);
            stack.deliver(withInvoice(customer, "<no-permission@example.org>", "Facture payée deux fois",
                    "Bonjour, la facture jointe a été payée deux fois. Élodie",
                    invoice("Facture 2026-1193: 31,00 EUR.")));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox(customer).size() == 1);
            await().atMost(Duration.ofSeconds(15)).until(() -> !stack.jira("/rest/api/3/issue/CS-1/comment")
                    .path("comments").isEmpty());
            assertThat(callsOn(stack, "CS-1")).filteredOn(call -> call.startsWith("POST"))
                    .as("one upload, refused; no second try of the same files; then the note")
                    .containsExactly("POST attachments", "POST comment");
            assertThat(fileNames(stack, "CS-1")).isEmpty();
            JsonNode notes = stack.jira("/rest/api/3/issue/CS-1/comment").path("comments");
            assertThat(notes).hasSize(1);
            assertThat(AdfText.plain(notes.get(0).path("body"))).as("both files named, the reason said once")
                    .startsWith("Jira refused 2 files of mail #1, so they are not on this ticket: "
                            + "original-message-1.eml (")
                    .contains("), facture.txt (", "Jira takes no files on this ticket (403): the gateway's Jira "
                            + "account lacks the Create Attachments permission in project CS", "They are in the "
                            + "original mail, kept in the register (/api/complaints/1/raw).");
            assertThat(notes.get(0).path("jsdPublic").asBoolean(true)).isFalse();

            // the permission given back: the next complaint's files go up, nothing is remembered against them
            stack.sandbox().jira().createAttachmentsPermission(true);
            stack.deliver(withInvoice(customer, "<permission-back@example.org>", "Remboursement",
                    "Bonjour, j'attends toujours le remboursement. Élodie", invoice("Avoir 118.")));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox(customer).size() == 2);
            assertThat(fileNames(stack, "CS-2")).containsExactlyInAnyOrder("original-message-2.eml", "facture.txt");
            assertThat(stack.gateway().register().all()).allMatch(entry -> entry.attachmentsAt() != null);
            assertThat(stack.specViolations()).isEmpty();
        }
    }

    @Test
    void mailsFilesGoUpInOneRequestWhoseLostAnswerLeavesNothingToUploadAgain() throws Exception {
        String customer = "elodie.marchand@example.org";
        String invoice = invoice("Facture 2026-1191: 54,00 EUR, payée le 4 novembre.");
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2)) {
            // the one upload (the .eml and the invoice) is made, but its answer is lost
            stack.sandbox().jira().loseAnswers("POST", "/rest/api/3/issue/CS-1/attachments", 1);
            stack.deliver(withInvoice(customer, "<one-upload@example.org>", "Facture payée deux fois",
                    "Bonjour, la facture jointe a été payée deux fois. Élodie", invoice));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox(customer).size() == 1);
            Thread.sleep(1000);
            List<String> calls = callsOn(stack, "CS-1");
            assertThat(fileNames(stack, "CS-1")).as("the retry found both files on the ticket")
                    .containsExactlyInAnyOrder("original-message-1.eml", "facture.txt");
            long uploads = stack.jiraRequests().stream()
                    .filter(r -> r.method().equals("POST") && r.path().endsWith("/attachments")).count();
            assertThat(uploads).as("both files in one request, not sent again").isEqualTo(1);
            assertThat(calls).as("the lost answer failed the attempt; the retry asked the ticket, then uploaded nothing")
                    .containsExactly("POST attachments", "GET issue");
            RegisterEntry entry = stack.gateway().register().all().get(0);
            assertThat(entry.uploadsDone()).isEqualTo(2);
            assertThat(entry.attachmentsAt()).isNotNull();
        }
    }

    @Test
    void fileWhoseUploadAnswerWasLostIsFoundOnTheTicketNotAttachedTwice() throws Exception {
        String customer = "elodie.marchand@example.org";
        byte[] invoice = "Facture 2026-1187: 249,00 EUR, payée le 2 novembre.\n".repeat(40)
                .getBytes(StandardCharsets.UTF_8);
        byte[] raw = ("From: Élodie Marchand <" + customer + ">\r\n"
                + "To: " + TestStack.COMPLAINTS + "\r\n"
                + "Subject: Double prélèvement\r\n"
                + "Message-ID: <lost-upload-answer@example.org>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "Bonjour, j'ai été prélevée deux fois pour la même commande. La facture est jointe. Élodie\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename*=UTF-8''facture_%C3%A9t%C3%A9.txt\r\n\r\n"
                + java.util.Base64.getMimeEncoder().encodeToString(invoice) + "\r\n"
                + "--b1--\r\n").getBytes(StandardCharsets.UTF_8);
        // a mail's files go up in requests of at most max-attachment-size: at 4 KB, the .eml and the invoice one by one
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2, ONE_FILE_PER_REQUEST)) {
            // the first upload (the .eml) is made, but its answer is lost: the attempt fails after the upload
            stack.sandbox().jira().loseAnswers("POST", "/rest/api/3/issue/CS-1/attachments", 1);
            stack.deliver(raw);
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox(customer).size() == 1);
            Thread.sleep(1000);
            List<String> calls = callsOn(stack, "CS-1");
            assertThat(stack.issueKeys()).containsExactly("CS-1");
            List<String> files = new java.util.ArrayList<>();
            stack.jira("/rest/api/3/issue/CS-1?fields=attachment").path("fields").path("attachment")
                    .forEach(a -> files.add(a.path("filename").asText()));
            assertThat(files).as("the retry asked the ticket and uploaded only what it lacked")
                    .containsExactlyInAnyOrder("original-message-1.eml", "facture_été.txt");
            long uploads = stack.jiraRequests().stream()
                    .filter(r -> r.method().equals("POST") && r.path().endsWith("/attachments")).count();
            assertThat(uploads).as("the .eml once (answer lost), then the invoice alone").isEqualTo(2);
            assertThat(calls).as("the lost answer failed the attempt; the retry asked the ticket, then sent the invoice")
                    .containsExactly("POST attachments", "GET issue", "POST attachments");
            assertThat(stack.mailbox(customer)).hasSize(1);
            RegisterEntry entry = stack.gateway().register().all().get(0);
            assertThat(entry.uploadsDone()).isEqualTo(2);
            assertThat(entry.attachmentsAt()).isNotNull();
        }
    }

    /**
     * The customer sends the invoice again with a reply. The retry after a lost upload answer must not take the
     * complaint's copy on the ticket for the reply's own: only files Jira received from the reply's .eml on count.
     */
    @Test
    void replyCarryingAFileTheTicketAlreadyHasAttachesItAgainAfterALostUploadAnswer() throws Exception {
        String customer = "elodie.marchand@example.org";
        String invoice = invoice("Facture 2026-1190: 89,00 EUR, payée le 3 novembre.");
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2, ONE_FILE_PER_REQUEST)) {
            stack.deliver(withInvoice(customer, "<invoice-complaint@example.org>", "Facture payée deux fois",
                    "Bonjour, la facture jointe a été payée deux fois. Élodie", invoice));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox(customer).size() == 1);
            assertThat(fileNames(stack, "CS-1")).containsExactlyInAnyOrder("original-message-1.eml", "facture.txt");

            // the reply's first upload (its .eml) is made, but its answer is lost: the attempt fails after the upload
            stack.sandbox().jira().loseAnswers("POST", "/rest/api/3/issue/CS-1/attachments", 1);
            stack.deliver(withInvoice(customer, "<invoice-reply@example.org>", "Re: [CS-1] Facture payée deux fois",
                    "Je vous renvoie la facture, comme demandé. Élodie", invoice));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.gateway().register().all().stream()
                    .anyMatch(e -> e.isReply() && e.outcome() == org.redress.store.Outcome.COMMENTED));
            Thread.sleep(1000);
            List<String> calls = callsOn(stack, "CS-1");
            RegisterEntry reply = stack.gateway().register().all().stream().filter(RegisterEntry::isReply)
                    .findFirst().orElseThrow();
            long uploads = stack.jiraRequests().stream()
                    .filter(r -> r.method().equals("POST") && r.path().endsWith("/attachments")).count();
            assertThat(uploads).as("the complaint's two files, the reply's .eml (answer lost), then its invoice alone")
                    .isEqualTo(4);
            assertThat(calls).as("the reply's lost answer (its third upload) failed its attempt; the retry asked the "
                    + "ticket, then sent the invoice").containsSubsequence("POST attachments", "POST attachments",
                    "POST attachments", "GET issue", "POST attachments");
            assertThat(fileNames(stack, "CS-1")).as("the reply's invoice is its own, beside the complaint's")
                    .containsExactlyInAnyOrder("original-message-1.eml", "facture.txt",
                            "reply-" + reply.id() + ".eml", "facture.txt");
            assertThat(stack.issueKeys()).containsExactly("CS-1");
        }
    }

    /** A forty-line invoice of this one line, base64 as a mail carries it: about 2 KB, its .eml about 3.4 KB. */
    private static String invoice(String line) {
        return java.util.Base64.getMimeEncoder().encodeToString((line + "\n").repeat(40).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] withInvoice(String customer, String messageId, String subject, String text, String base64) {
        return ("From: Élodie Marchand <" + customer + ">\r\n"
                + "To: " + TestStack.COMPLAINTS + "\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: " + messageId + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + text + "\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"facture.txt\"\r\n\r\n"
                + base64 + "\r\n"
                + "--b1--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> fileNames(TestStack stack, String key) throws Exception {
        List<String> files = new java.util.ArrayList<>();
        stack.jira("/rest/api/3/issue/" + key + "?fields=attachment").path("fields").path("attachment")
                .forEach(a -> files.add(a.path("filename").asText()));
        return files;
    }

    @Test
    void acknowledgementWaitsInTheOutboxWhileSmtpIsDownAndGoesOutOnceWhenItIsBack() throws Exception {
        String customer = "ines.duarte@example.org";
        int deadSmtp = org.redress.testing.FreePorts.next();
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.POSTGRESQL,
                java.util.Map.of("redress.smtp.port", String.valueOf(deadSmtp)))) {
            stack.deliver(org.redress.testing.CustomerMail.mail(customer, TestStack.COMPLAINTS, "Late delivery",
                    "Hello, my order is two weeks late. Could you tell me where it is? Ines", null));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.issueKeys().size() == 1
                    && stack.gateway().outbox().count("pending") == 1);
            Thread.sleep(2000);
            assertThat(stack.gateway().outbox().count("pending")).as("SMTP is down: the mail waits").isEqualTo(1);
            assertThat(stack.mailbox(customer)).isEmpty();

            stack.stopGateway();
            stack.startGatewayWith(java.util.Map.of("redress.smtp.port", String.valueOf(stack.smtpPort())));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox(customer).size() == 1);
            Thread.sleep(1500);
            assertThat(stack.mailbox(customer)).hasSize(1);
            assertThat(stack.issueKeys()).hasSize(1);
            assertThat(stack.gateway().outbox().count("sent")).isEqualTo(1);
        }
    }

    @Test
    void gatewayStoppedMidBatchAndRestartedFinishesEveryMailOnce() throws Exception {
        List<Path> samples = SharedFiles.files("samples", ".eml");
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2)) {
            for (Path sample : samples) {
                stack.deliver(Files.readAllBytes(sample));
            }
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !stack.issueKeys().isEmpty());
            stack.stopGateway();
            int ticketsAtStop = stack.issueKeys().size();
            stack.startGateway();
            for (Path sample : samples) {
                stack.deliver(Files.readAllBytes(sample));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> stack.gateway().outbox().count("sent") == 9
                    && stack.gateway().register().all().stream().allMatch(RegisterEntry::finished)
                    && stack.unseen(TestStack.COMPLAINTS) + stack.unseen(TestStack.RECLAMI)
                    + stack.unseen(TestStack.RECLAMATIONS) == 0);
            Thread.sleep(1500);
            System.out.printf("stopped with %d of 9 tickets open; after restart and re-delivery: %d tickets%n",
                    ticketsAtStop, stack.issueKeys().size());
            assertThat(stack.issueKeys()).hasSize(9);
            assertThat(stack.gateway().outbox().count("sent")).isEqualTo(9);
            assertThat(stack.mailbox("tom.baker@example.co.uk")).hasSize(2);
            assertThat(stack.mailbox("claire.dubois@example.org")).hasSize(2);
            assertThat(stack.specViolations()).isEmpty();
        }
    }

    /** The calls made on one ticket, in order: "POST attachments", "GET issue" (what files it holds), "POST comment". */
    private static List<String> callsOn(TestStack stack, String key) {
        String issue = "/rest/api/3/issue/" + key;
        return stack.jiraRequests().stream().filter(r -> r.path().startsWith(issue)).map(r -> r.path().equals(issue)
                ? r.method() + " issue" : r.method() + " " + r.path().substring(issue.length() + 1))
                .toList();
    }

    static Path sample(String prefix) {
        return SharedFiles.files("samples", ".eml").stream()
                .filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
    }
}
