package org.redress.parsing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.redress.complaint.Attachment;
import org.redress.complaint.Complaint;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hand-made mail for the cases the samples do not cover: broken charsets, encodings, headers and structure. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailParserMalformedMailTest {

    /** A 1x1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private final MailParser parser = new MailParser(new AttachmentReader(100_000),
            new LanguageGuesser(Set.of("fr", "it", "en", "de", "es")));

    private Complaint parse(byte[] mail) {
        return parser.parse(mail, "test", Instant.EPOCH);
    }

    /** Joins lines with CRLF; the text is written out as ISO-8859-1 so that any byte can be put in. */
    private static byte[] mail(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void unsupportedCharsetNamesFallBackToWindows1252() {
        for (String charset : new String[] {"unknown-8bit", "x-user-defined", "fakescii"}) {
            Complaint c = parse(mail("From: a@example.org", "Subject: test",
                    "Content-Type: text/plain; charset=" + charset, "",
                    "Caf\u00e9 cr\u00e8me \u0080 5"));
            assertThat(c.text()).as(charset).isEqualTo("Café crème € 5");
        }
    }

    @Test
    void hebrewVisualOrderCharsetIsReadAsIso88598() {
        Complaint c = parse(mail("From: a@example.org", "Content-Type: text/plain; charset=iso-8859-8-i", "",
                "\u00f9\u00ec\u00e5\u00ed"));
        assertThat(c.text()).isEqualTo("שלום");
    }

    @Test
    void utf8MislabelledAsUsAsciiIsReadAsUtf8() {
        byte[] body = "Prix : 12 €, reçu abîmé".getBytes(StandardCharsets.UTF_8);
        Complaint c = parse(concat(mail("From: a@example.org", "Content-Type: text/plain; charset=us-ascii",
                "Content-Transfer-Encoding: 8bit", ""), body));
        assertThat(c.text()).isEqualTo("Prix : 12 €, reçu abîmé");
    }

    @Test
    void rawEightBitHeadersAreReadAsUtf8OrWindows1252() {
        byte[] utf8Subject = "Subject: Réclamation colis abîmé\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] cp1252From = "From: Jürgen Weiß <jw@example.de>\r\n".getBytes(StandardCharsets.ISO_8859_1);
        Complaint c = parse(concat(utf8Subject, cp1252From, mail("", "body")));

        assertThat(c.subject()).isEqualTo("Réclamation colis abîmé");
        assertThat(c.sender().displayName()).isEqualTo("Jürgen Weiß");
    }

    @Test
    void encodedWordsInAnUnknownCharsetAreStillDecoded() {
        Complaint c = parse(mail("From: a@example.org", "Subject: =?x-unknown?Q?Caf=E9?= ok", "", "x"));
        assertThat(c.subject()).isEqualTo("Café ok");
    }

    @Test
    void textIsCleanedUp() {
        Complaint c = parse(mail("From: a@example.org", "", "  Hello   ", "", "", "", "", "", "World\t", "", ""));
        assertThat(c.text()).isEqualTo("Hello\n\n\nWorld");
    }

    @Test
    void htmlOnlyMailBecomesReadableText() {
        Complaint c = parse(mail("From: a@example.org", "Content-Type: text/html; charset=utf-8", "",
                "<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>",
                "<p>Hello,</p><p>Two problems:</p><ul><li>broken lamp</li><li>late   delivery</li></ul>",
                "<div>Line one<br>Line&nbsp;two</div><table><tr><td>Order</td><td>LM-1</td></tr></table>",
                "</body></html>"));
        assertThat(c.text()).isEqualTo("Hello,\n\nTwo problems:\n\n- broken lamp\n- late delivery\n\n"
                + "Line one\nLine two\n\nOrder\tLM-1");
    }

    @Test
    void truncatedBase64AttachmentKeepsWhatCouldBeDecoded() {
        String base64 = Base64.getMimeEncoder().encodeToString("Order LM-2026-1 was never delivered. ".repeat(20)
                .getBytes(StandardCharsets.US_ASCII));
        String truncated = base64.substring(0, base64.length() - 7);
        Complaint c = parse(mail("From: a@example.org", "Content-Type: multipart/mixed; boundary=XX", "",
                "--XX", "Content-Type: text/plain", "", "See attached.",
                "--XX", "Content-Type: text/plain; name=notes.txt", "Content-Transfer-Encoding: base64", "",
                truncated));

        assertThat(c.text()).isEqualTo("See attached.");
        assertThat(c.attachments()).singleElement().satisfies(notes -> {
            assertThat(notes.filename()).isEqualTo("notes.txt");
            assertThat(notes.size()).isBetween(700L, 739L);
            assertThat(notes.extractedText()).startsWith("Order LM-2026-1 was never delivered.");
        });
    }

    @Test
    void unknownTransferEncodingKeepsTheRawText() {
        Complaint c = parse(mail("From: a@example.org", "Content-Transfer-Encoding: 7-bit", "", "Plain words"));
        assertThat(c.text()).isEqualTo("Plain words");
    }

    @Test
    void wrongBoundaryStillFindsTheParts() {
        Complaint c = parse(mail("From: a@example.org", "Content-Type: multipart/mixed; boundary=WRONG", "",
                "--real", "Content-Type: text/plain", "", "The real text.", "--real--"));
        assertThat(c.text()).isEqualTo("The real text.");
    }

    @Test
    void partWithoutFileNameGetsANameFromItsDetectedType() {
        Complaint c = parse(mail("From: a@example.org", "Content-Type: multipart/mixed; boundary=XX", "",
                "--XX", "Content-Type: text/plain", "", "Photo below.",
                "--XX", "Content-Type: application/octet-stream", "Content-Transfer-Encoding: base64", "",
                Base64.getMimeEncoder().encodeToString(PNG), "--XX--"));
        assertThat(c.attachments()).extracting(Attachment::filename, Attachment::mediaType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("attachment-1.png", "image/png"));
    }

    @Test
    void encodedFileNamesAreDecoded() {
        Complaint c = parse(mail("From: a@example.org", "Content-Type: multipart/mixed; boundary=XX", "",
                "--XX", "Content-Type: image/png", "Content-Transfer-Encoding: base64",
                "Content-Disposition: attachment; filename*=UTF-8''facture%20n%C2%B01%20%C3%A9t%C3%A9.png", "",
                Base64.getMimeEncoder().encodeToString(PNG),
                "--XX", "Content-Type: image/png; name=\"=?utf-8?q?re=C3=A7u.png?=\"", "Content-Transfer-Encoding: base64",
                "Content-Disposition: inline", "", Base64.getMimeEncoder().encodeToString(PNG),
                "--XX", "Content-Type: text/plain; name=This is a test.txt", "", "unquoted", "--XX--"));
        assertThat(c.attachments()).extracting(Attachment::filename)
                .containsExactly("facture n°1 été.png", "reçu.png", "This is a test.txt");
    }

    @Test
    void encodedNameOfATextAttachmentIsDecoded() {
        Complaint c = parse(mail("From: a@example.org", "Content-Type: multipart/mixed; boundary=XX", "",
                "--XX", "Content-Type: text/plain; charset=UTF-8", "", "Invoice attached.",
                "--XX", "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64",
                "Content-Disposition: attachment; filename*=UTF-8''facture_%C3%A9t%C3%A9.txt", "",
                Base64.getMimeEncoder().encodeToString("Facture 1187".getBytes(StandardCharsets.UTF_8)), "--XX--"));
        assertThat(c.attachments()).extracting(Attachment::filename).containsExactly("facture_été.txt");
    }

    @Test
    void senderFallsBackToSenderThenReturnPath() {
        assertThat(parse(mail("Sender: Ann <ann@example.org>", "", "x")).sender().address())
                .isEqualTo("ann@example.org");
        assertThat(parse(mail("Return-Path: <bob@example.org>", "", "x")).sender().address())
                .isEqualTo("bob@example.org");
        assertThat(parse(mail("Return-Path: <>", "Subject: s", "", "x")).sender().address()).isEmpty();
    }

    @Test
    void threadHeadersKeepTheirAngleBrackets() {
        Complaint c = parse(mail("From: a@example.org", "Message-ID: <m1@example.org>",
                "In-Reply-To: <ack-7@lumiere.example> (our acknowledgement)",
                "References: <first@example.org>", " <ack-7@lumiere.example>", "", "x"));
        assertThat(c.messageId()).isEqualTo("<m1@example.org>");
        assertThat(c.inReplyTo()).isEqualTo("<ack-7@lumiere.example>");
        assertThat(c.references()).containsExactly("<first@example.org>", "<ack-7@lumiere.example>");
    }

    @Test
    void recipientsAreToAndCcInLowerCase() {
        Complaint c = parse(mail("From: a@example.org", "To: Service <Reclamations@Lumiere.Example>, b@example.org",
                "Cc: undisclosed-recipients:;, C <C@Example.org>", "", "x"));
        assertThat(c.recipients()).containsExactly("reclamations@lumiere.example", "b@example.org", "c@example.org");
    }

    @Test
    void unreadableDateIsNull() {
        assertThat(parse(mail("From: a@example.org", "Date: sometime last week", "", "x")).sentAt()).isNull();
    }

    @Test
    void messageWithNothingUsableFailsWithAReason() {
        assertThatThrownBy(() -> parse("// Not an RFC-822 Document".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(MailParseException.class)
                .hasMessageContaining("no header fields")
                .hasMessageContaining("// Not an RFC-822 Document");
        assertThatThrownBy(() -> parse(new byte[0]))
                .isInstanceOf(MailParseException.class)
                .hasMessageContaining("empty");
    }
}
