package org.redress.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.redress.complaint.Attachment;
import org.redress.complaint.Complaint;
import org.redress.testing.HostileFiles;

/** One attachment must not exhaust memory or CPU: Tika's guards, the text cap, the deadline and the file size cap. */
class AttachmentLimitsTest {

    private final AttachmentReader reader = new AttachmentReader(100_000, Duration.ofSeconds(20));

    @Test
    void zipBombIsStoppedByTheCompressionRatioAndTheFileIsStillAttached() {
        byte[] bomb = HostileFiles.zipBomb(300);
        long started = System.nanoTime();
        Attachment a = reader.read("statement.zip", bomb, "application/zip");
        System.out.println("zip bomb of " + bomb.length + " bytes: " + a.metadata());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        assertThat(a.content()).isEqualTo(bomb);
        assertThat(a.extractedText().length()).isLessThanOrEqualTo(100_000);
        assertThat(a.metadata().keySet()).containsAnyOf("text-truncated-at", "text-extraction-failed");
    }

    @Test
    void gzipBombGivesAtMostTheTextCap() {
        Attachment a = reader.read("log.txt.gz", HostileFiles.gzipBomb(300), "application/gzip");
        assertThat(a.extractedText().length()).isLessThanOrEqualTo(100_000);
        assertThat(a.metadata()).containsKey("text-truncated-at");
    }

    @Test
    void archivesNestedTooDeepAreNotOpened() {
        // the control: an archive within an archive is opened, so the deep one's missing text is the limit's doing
        assertThat(reader.read("shallow.zip", HostileFiles.nestedZips(2, 2), "application/zip").extractedText())
                .contains("the innermost file");
        Attachment a = reader.read("nested.zip", HostileFiles.nestedZips(12, 2), "application/zip");
        assertThat(a.mediaType()).isEqualTo("application/zip");
        assertThat(a.extractedText()).doesNotContain("the innermost file");
    }

    @Test
    void wordDocumentThatInflatesToHundredsOfMegabytesIsRefusedQuickly() {
        Attachment a = reader.read("claim.docx", HostileFiles.docxBomb(200),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(a.extractedText().length()).isLessThanOrEqualTo(100_000);
        assertThat(a.metadata().keySet()).containsAnyOf("text-truncated-at", "text-extraction-failed");
    }

    @Test
    void xmlEntityExpansionIsRefused() {
        Attachment a = reader.read("order.xml", HostileFiles.billionLaughs(), "application/xml");
        // 10^9 "lol"s if expanded; Tika's XML parser allows only a few expansions
        assertThat(a.extractedText().length()).isLessThan(1000);
    }

    @Test
    void textExtractionStopsAtItsDeadlineAndTheFileIsKept() {
        AttachmentReader hurried = new AttachmentReader(50_000_000, Duration.ofMillis(1));
        byte[] text = "Lorem ipsum dolor sit amet.\n".repeat(400_000).getBytes(StandardCharsets.US_ASCII);
        Attachment a = hurried.read("long.txt", text, "text/plain");
        assertThat(a.content()).isEqualTo(text);
        assertThat(a.metadata()).containsKey("text-extraction-stopped");
    }

    @Test
    void fileLargerThanTheLimitIsListedWithItsSizeButItsBytesAreNotKept() {
        byte[] photo = HostileFiles.noise(3);
        String mail = "From: a@example.org\r\nTo: b@example.org\r\nSubject: photos\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
                + "Here are the photos of the damage.\r\n--b\r\nContent-Type: image/jpeg; name=\"big.jpg\"\r\n"
                + "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"big.jpg\"\r\n\r\n"
                + java.util.Base64.getMimeEncoder().encodeToString(photo) + "\r\n--b\r\n"
                + "Content-Type: text/plain; name=\"small.txt\"\r\nContent-Disposition: attachment; "
                + "filename=\"small.txt\"\r\n\r\norder 4711\r\n--b--\r\n";
        MailParser parser = new MailParser(reader, new LanguageGuesser(Set.of("en")), 1 << 20);
        Complaint complaint = parser.parse(mail.getBytes(StandardCharsets.US_ASCII), "complaints",
                java.time.Instant.now());
        assertThat(complaint.text()).contains("photos of the damage");
        assertThat(complaint.attachments()).hasSize(2);
        Attachment big = complaint.attachments().get(0);
        assertThat(big.filename()).isEqualTo("big.jpg");
        assertThat(big.isWithheld()).isTrue();
        assertThat(big.size()).isEqualTo(photo.length);
        assertThat(big.content()).isEmpty();
        assertThat(big.withheld()).contains("redress.intake.max-attachment-size");
        assertThat(complaint.attachments().get(1).isWithheld()).isFalse();
        assertThat(complaint.attachments().get(1).extractedText()).contains("order 4711");
    }

    @Test
    void mailCutShortByTheMessageLimitStillGivesItsTextAndTheFilesBeforeTheCut() {
        String head = "From: a@example.org\r\nTo: b@example.org\r\nSubject: video\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
                + "The video shows the courier throwing the parcel.\r\n--b\r\nContent-Type: video/mp4; name=\"v.mp4\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n";
        String whole = head + java.util.Base64.getMimeEncoder().encodeToString(HostileFiles.noise(2)) + "\r\n--b--\r\n";
        byte[] cut = java.util.Arrays.copyOf(whole.getBytes(StandardCharsets.US_ASCII), head.length() + 100_000);
        MailParser parser = new MailParser(reader, new LanguageGuesser(Set.of("en")), 1 << 20);
        Complaint complaint = parser.parse(cut, "complaints", java.time.Instant.now());
        assertThat(complaint.text()).contains("courier throwing the parcel");
        assertThat(complaint.attachments()).hasSize(1);
        assertThat(complaint.attachments().get(0).mediaType()).isEqualTo("video/mp4");
    }
}
