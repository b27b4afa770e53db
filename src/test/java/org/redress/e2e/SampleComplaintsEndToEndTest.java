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
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.intake.MailIdentity;
import org.redress.store.Outcome;
import org.redress.store.RegisterEntry;
import org.redress.testing.SharedFiles;
import org.redress.testing.TestDatabase;
import org.redress.testing.TestStack;

/**
 * The ten sample complaints, delivered by SMTP to the sandbox, through the real gateway, on H2 and on PostgreSQL:
 * nine tickets and nine acknowledgements in the customers' languages, nothing for the out-of-office.
 */
class SampleComplaintsEndToEndTest {
    /** Sample file prefix → the language its ticket and acknowledgement must be in (null: no ticket). */
    private static final Map<String, String> LANGUAGE = Map.of("01", "fr", "02", "fr", "03", "it", "04", "en",
            "05", "de", "06", "es", "07", "fr", "09", "it", "10", "en");
    private static final Map<String, String> THANKS = Map.of("fr", "Merci de nous avoir écrit", "it",
            "grazie per averci scritto", "en", "Thank you for writing to us", "de", "vielen Dank für Ihre Nachricht",
            "es", "Gracias por escribirnos");

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everySampleBecomesOneTicketAndOneAcknowledgementInTheCustomersLanguage(TestDatabase db) throws Exception {
        List<Path> samples = SharedFiles.files("samples", ".eml");
        assertThat(samples).hasSize(10);
        try (TestStack stack = TestStack.start(tempDir, db)) {
            long start = System.nanoTime();
            for (Path sample : samples) {
                stack.deliver(Files.readAllBytes(sample));
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                    stack.issueKeys().size() == 9 && stack.gateway().outbox().count("sent") == 9
                            && stack.gateway().register().all().stream().allMatch(RegisterEntry::finished));
            System.out.printf("10 samples delivered -> 9 tickets and 9 acknowledgements sent in %d ms (%s)%n",
                    (System.nanoTime() - start) / 1_000_000, db);

            for (Path sample : samples) {
                String prefix = sample.getFileName().toString().substring(0, 2);
                byte[] raw = Files.readAllBytes(sample);
                RegisterEntry entry = stack.gateway().register().byDedupKey(MailIdentity.of(raw).dedupKey()).orElseThrow();
                // the parsed description reaches the register whichever way the mail went (PendingDescription)
                MimeMessage parsedHere = new MimeMessage(null, new java.io.ByteArrayInputStream(raw));
                assertThat(entry.sender()).as(sample + " sender")
                        .isEqualToIgnoringCase(((InternetAddress) parsedHere.getFrom()[0]).getAddress());
                assertThat(entry.subject()).as(sample + " subject").isNotBlank();
                if (!LANGUAGE.containsKey(prefix)) {
                    assertThat(entry.outcome()).as(sample.toString()).isEqualTo(Outcome.IGNORED);
                    assertThat(entry.reason()).containsIgnoringCase("auto");
                    assertThat(entry.ticketKey()).isNull();
                    continue;
                }
                String language = LANGUAGE.get(prefix);
                assertThat(entry.outcome()).as(sample.toString()).isEqualTo(Outcome.TICKETED);
                assertThat(entry.language()).as(sample + " language").isEqualTo(language);
                JsonNode issue = stack.jira("/rest/api/3/issue/" + entry.ticketKey());
                assertThat(labels(issue)).as(sample + " labels").contains("lang-" + language, "channel-email");
                assertThat(attachmentNames(issue)).as(sample + " attachments")
                        .contains("original-message-" + entry.id() + ".eml");
                assertThat(acknowledgementsFor(stack, raw, entry.ticketKey())).as(sample + " acknowledgement")
                        .singleElement().satisfies(ack -> {
                            assertThat(ack.getHeader("In-Reply-To", null)).isEqualTo(entry.messageId());
                            assertThat(ack.getSubject()).contains("[" + entry.ticketKey() + "]");
                            assertThat(ack.getHeader("Content-Language", null)).isEqualTo(language);
                            assertThat(ack.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
                            assertThat(ack.getContent().toString()).contains(THANKS.get(language))
                                    .contains(entry.ticketKey());
                        });
            }
            JsonNode invoice = issueOf(stack, samples, "02");
            assertThat(attachmentNames(invoice)).contains("FA-88213.pdf");
            assertThat(invoice.path("fields").path("description").toString()).contains("Suspension Opaline")
                    .contains("Total TTC");
            JsonNode warranty = issueOf(stack, samples, "06");
            assertThat(attachmentNames(warranty)).contains("formulario-garantia.docx");
            assertThat(warranty.path("fields").path("description").toString()).contains("la lámpara parpadea");
            assertThat(attachmentNames(issueOf(stack, samples, "01"))).contains("photo-lampe.png");
            assertThat(stack.mailbox("paul.lefevre@example.org")).as("no answer to an out-of-office").isEmpty();
            assertThat(stack.specViolations()).as("Jira requests against Atlassian's spec").isEmpty();
        }
    }

    private static JsonNode issueOf(TestStack stack, List<Path> samples, String prefix) throws Exception {
        Path sample = samples.stream().filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        String key = stack.gateway().register().byDedupKey(MailIdentity.of(Files.readAllBytes(sample)).dedupKey())
                .orElseThrow().ticketKey();
        return stack.jira("/rest/api/3/issue/" + key);
    }

    private static List<MimeMessage> acknowledgementsFor(TestStack stack, byte[] raw, String key) throws Exception {
        MimeMessage complaint = new MimeMessage(null, new java.io.ByteArrayInputStream(raw));
        String sender = ((InternetAddress) complaint.getFrom()[0]).getAddress();
        List<MimeMessage> acks = new ArrayList<>();
        for (MimeMessage message : stack.mailbox(sender)) {
            if (message.getSubject().contains("[" + key + "]")) {
                acks.add(message);
            }
        }
        return acks;
    }

    static List<String> labels(JsonNode issue) {
        return StreamSupport.stream(issue.path("fields").path("labels").spliterator(), false).map(JsonNode::asText).toList();
    }

    static List<String> attachmentNames(JsonNode issue) {
        return StreamSupport.stream(issue.path("fields").path("attachment").spliterator(), false)
                .map(a -> a.path("filename").asText()).toList();
    }
}
