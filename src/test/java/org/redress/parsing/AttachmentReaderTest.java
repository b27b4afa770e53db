package org.redress.parsing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.redress.complaint.Attachment;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttachmentReaderTest {

    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private final AttachmentReader reader = new AttachmentReader(50);

    @Test
    void mediaTypeComesFromTheBytesNotTheMail() {
        Attachment a = reader.read("invoice.pdf", PNG, "application/pdf");
        assertThat(a.mediaType()).isEqualTo("image/png");
        assertThat(a.filename()).isEqualTo("invoice.pdf");
        assertThat(a.metadata()).containsEntry("width", "1").containsEntry("height", "1");
        assertThat(a.extractedText()).isEmpty();
    }

    @Test
    void reachingTheWriteLimitKeepsTheTextReadSoFar() {
        byte[] text = "The lamp arrived broken. ".repeat(20).getBytes(StandardCharsets.US_ASCII);
        Attachment a = reader.read("notes.txt", text, "text/plain");
        assertThat(a.extractedText()).startsWith("The lamp arrived broken.").hasSizeLessThanOrEqualTo(50);
        assertThat(a.metadata()).containsEntry("text-truncated-at", "50");
    }

    @Test
    void unreadableFileIsKeptWithAnExtractionNote() {
        byte[] notAPdf = "%PDF-1.4\nthis is not really a pdf".getBytes(StandardCharsets.US_ASCII);
        Attachment a = reader.read("broken.pdf", notAPdf, "application/pdf");
        assertThat(a.mediaType()).isEqualTo("application/pdf");
        assertThat(a.content()).isEqualTo(notAPdf);
        assertThat(a.metadata()).containsKey("text-extraction-failed");
    }

    @Test
    void missingNameIsMadeUpFromTheDetectedType() {
        assertThat(reader.read(null, PNG, null).filename()).isEqualTo("attachment.png");
        assertThat(reader.read(" ", new byte[0], null).filename()).isEqualTo("attachment.bin");
    }
}
