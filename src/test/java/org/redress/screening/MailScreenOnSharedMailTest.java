package org.redress.screening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.redress.complaint.Complaint;
import org.redress.parsing.AttachmentReader;
import org.redress.parsing.LanguageGuesser;
import org.redress.parsing.MailParseException;
import org.redress.parsing.MailParser;
import org.redress.testing.SharedFiles;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The screen on the shared samples and on the corpus of real bounces, reports and auto-replies. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailScreenOnSharedMailTest {

    private static final Set<String> OWN = Set.of("reclamations@lumiere.example", "reclami@lumiere.example",
            "complaints@lumiere.example");

    /** Corpus folders (and files) that hold only machine-sent mail: every one must be ignored. */
    private static final List<String> MACHINE_MAIL = List.of("sisimai/", "enmime/dsn/",
            "mikel-mail/multipart_report_emails/", "nodemailer/delivery-status.eml");

    private final MailParser parser = new MailParser(new AttachmentReader(100_000),
            new LanguageGuesser(Set.of("fr", "it", "en", "de", "es")));
    private final MailScreen screen = new MailScreen(OWN);

    private ScreeningVerdict screenSample(String sample) {
        return screen.screen(parser.parse(SharedFiles.sample(sample), "test", Instant.EPOCH));
    }

    @Test
    void outOfOfficeSampleIsIgnored() {
        assertThat(screenSample("08-fr-reponse-automatique.eml"))
                .isEqualTo(ScreeningVerdict.ignore("auto-reply: Auto-Submitted: auto-replied"));
    }

    @Test
    void realComplaintsAreAccepted() {
        Map<String, String> rejected = new LinkedHashMap<>();
        for (String sample : List.of("01-fr-colis-endommage.eml", "02-fr-facture-erronee-html.eml",
                "03-it-rimborso-avvocato.eml", "04-en-rude-staff.eml", "05-de-lieferverzug.eml",
                "06-es-garantia-docx.eml", "07-fr-transfert-message-rfc822.eml", "09-it-html-solo-windows1252.eml",
                "10-en-second-complaint-same-customer.eml")) {
            ScreeningVerdict verdict = screenSample(sample);
            if (!verdict.accepted()) {
                rejected.put(sample, verdict.reason());
            }
        }
        assertThat(rejected).as("samples wrongly ignored").isEmpty();
    }

    @Test
    void sisimaiBouncesAreIgnored() {
        List<String> wronglyAccepted = new ArrayList<>();
        for (Path file : SharedFiles.corpus("sisimai")) {
            ScreeningVerdict verdict = screen.screen(parse(file));
            if (verdict.accepted()) {
                wronglyAccepted.add(SharedFiles.corpusName(file));
            }
        }
        assertThat(wronglyAccepted).as("sisimai bounces and auto-replies that were accepted").isEmpty();
    }

    /**
     * Every corpus message with its verdict, printed for review. Machine mail that is accepted fails the test; the
     * rest of the corpus is other people's test mail (newsletters, spam, broken MIME), where an "ignored" is often
     * right, so those are listed but not judged.
     */
    @Test
    void corpusVerdictsLookRight() {
        List<String> wrong = new ArrayList<>();
        int accepted = 0;
        int ignored = 0;
        int unparseable = 0;
        for (Path file : SharedFiles.corpus("")) {
            String name = SharedFiles.corpusName(file);
            Complaint complaint;
            try {
                complaint = parse(file);
            } catch (MailParseException e) {
                unparseable++;
                System.out.println("  unparseable  " + name + ": " + e.getMessage());
                continue;
            }
            ScreeningVerdict verdict = screen.screen(complaint);
            boolean machineMail = MACHINE_MAIL.stream().anyMatch(name::startsWith);
            if (verdict.accepted()) {
                accepted++;
                if (machineMail) {
                    wrong.add(name + " accepted (from " + complaint.sender() + ", subject \"" + complaint.subject() + "\")");
                }
            } else {
                ignored++;
                System.out.println("  ignored      " + name + ": " + verdict.reason());
            }
        }
        System.out.printf("corpus screening: %d accepted, %d ignored, %d unparseable%n", accepted, ignored, unparseable);
        wrong.forEach(w -> System.out.println("  WRONG        " + w));
        assertThat(wrong).as("machine-sent corpus mail that was accepted").isEmpty();
    }

    private Complaint parse(Path file) {
        return parser.parse(SharedFiles.read(file), "corpus", Instant.EPOCH);
    }
}
