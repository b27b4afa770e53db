package org.redress.parsing;

import org.redress.testing.SharedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.redress.complaint.Attachment;
import org.redress.complaint.Complaint;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Real-world and deliberately broken mail from four open-source mail libraries' test suites. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailParserCorpusTest {

    private final MailParser parser = new MailParser(new AttachmentReader(100_000),
            new LanguageGuesser(Set.of("fr", "it", "en", "de", "es")));

    private Complaint parse(String corpusFile) {
        Path file = SharedFiles.dir("corpus").resolve(corpusFile);
        return parser.parse(SharedFiles.read(file), "test", Instant.EPOCH);
    }

    @Test
    void everyCorpusMessageParsesOrFailsWithAReason() {
        List<Path> files = SharedFiles.corpus("");
        List<String> failedWithReason = new ArrayList<>();
        List<String> wrongFailures = new ArrayList<>();
        int parsed = 0;
        for (Path file : files) {
            String name = SharedFiles.corpusName(file);
            try {
                Complaint complaint = parser.parse(SharedFiles.read(file), "corpus", Instant.EPOCH);
                assertThat(complaint.subject()).as(name).isNotNull();
                assertThat(complaint.attachments()).as(name).allSatisfy(a -> assertThat(a.filename()).isNotBlank());
                parsed++;
            } catch (MailParseException e) {
                if (e.getMessage() == null || e.getMessage().isBlank()) {
                    wrongFailures.add(name + ": MailParseException without a reason");
                } else {
                    failedWithReason.add(name + ": " + e.getMessage());
                }
            } catch (RuntimeException e) {
                wrongFailures.add(name + ": " + e);
            }
        }
        System.out.printf("corpus: %d messages, %d parsed, %d failed with a reason, %d failed wrongly%n",
                files.size(), parsed, failedWithReason.size(), wrongFailures.size());
        failedWithReason.forEach(f -> System.out.println("  failed with reason: " + f));
        wrongFailures.forEach(f -> System.out.println("  FAILED WRONGLY: " + f));

        assertThat(files).as("corpus files found").hasSizeGreaterThan(100);
        assertThat(wrongFailures).as("messages that threw something other than MailParseException").isEmpty();
        assertThat(failedWithReason).as("only mail with nothing usable may fail")
                .allSatisfy(f -> assertThat(f).startsWith("enmime/erroneous.raw"));
    }

    @Test
    void truncatedBase64AttachmentIsStillAttached() {
        Complaint c = parse("enmime/low-quality/malformed-base64-attach.raw");
        assertThat(c.text()).isEqualTo("A text section");
        assertThat(c.attachments()).extracting(Attachment::filename).containsExactly("some.doc");
    }

    @Test
    void unquotedEightBitFileNameIsRescued() {
        Complaint c = parse("mikel-mail/attachment_emails/attachment_nonascii_filename.eml");
        assertThat(c.attachments()).extracting(Attachment::filename).containsExactly("ciële.txt");
        assertThat(c.text()).isEqualTo("This is the first part.");
    }

    @Test
    void windows1252SubjectWithoutEncodedWordsDecodes() {
        Complaint c = parse("mikel-mail/error_emails/invalid_subject_characters.eml");
        assertThat(c.subject()).startsWith("Formação FrenetikPolis: Mega Campanha Final Verão");
    }

    @Test
    void alternativeWithBrokenBase64FallsBackToTheIntactHtml() {
        Complaint c = parse("enmime/mime-bad-content-transfer-encoding.raw");
        assertThat(c.text()).isEqualTo("This is an example");
    }

    @Test
    void base64EncodedRootPartIsAnAttachment() {
        Complaint c = parse("nodemailer/base64encodedroot.eml");
        assertThat(c.attachments()).extracting(Attachment::filename, Attachment::mediaType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("screenshot.png", "image/png"));
    }

    @Test
    void forwardedMessageBringsItsOwnAttachments() {
        Complaint c = parse("mikel-mail/attachment_emails/attachment_message_rfc822.eml");
        assertThat(c.attachments()).extracting(Attachment::filename, Attachment::mediaType).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Another PDF.eml", "message/rfc822"),
                org.assertj.core.groups.Tuple.tuple("broken.pdf", "application/pdf"));
        assertThat(c.text()).contains("---------- Forwarded message ----------\nFrom: Test Tester <xxxx@xxxx.com>");
    }

    @Test
    void japaneseCharsetsDecode() {
        assertThat(parse("mikel-mail/multi_charset/japanese_iso_2022.eml").text()).isEqualTo("すみません。");
        assertThat(parse("mikel-mail/multi_charset/japanese_shift_jis.eml").text()).startsWith("あいうえお");
        assertThat(parse("mikel-mail/multi_charset/japanese_attachment.eml").attachments())
                .extracting(Attachment::filename).containsExactly("てすと.txt");
    }
}
