package org.redress.parsing;

import org.redress.testing.SharedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.redress.complaint.Attachment;
import org.redress.complaint.Complaint;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The ten sample complaints of ../shared/samples, as the rest of the gateway will see them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailParserSamplesTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-16T10:00:00Z");

    private final MailParser parser = new MailParser(new AttachmentReader(100_000),
            new LanguageGuesser(Set.of("fr", "it", "en", "de", "es")));

    private Complaint parse(String sample) {
        return parser.parse(SharedFiles.sample(sample), "inbox-test", RECEIVED);
    }

    @Test
    void everySampleComesOutInItsLanguage() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("01-fr-colis-endommage.eml", "fr");
        expected.put("02-fr-facture-erronee-html.eml", "fr");
        expected.put("03-it-rimborso-avvocato.eml", "it");
        expected.put("04-en-rude-staff.eml", "en");
        expected.put("05-de-lieferverzug.eml", "de");
        expected.put("06-es-garantia-docx.eml", "es");
        expected.put("07-fr-transfert-message-rfc822.eml", "fr");
        expected.put("08-fr-reponse-automatique.eml", "fr");
        expected.put("09-it-html-solo-windows1252.eml", "it");
        expected.put("10-en-second-complaint-same-customer.eml", "en");
        Map<String, String> actual = new LinkedHashMap<>();
        expected.keySet().forEach(sample -> actual.put(sample, parse(sample).language()));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void frenchIso885915TextKeepsEuroSignAndPhotoIsAnImageWithoutText() {
        Complaint c = parse("01-fr-colis-endommage.eml");

        assertThat(c.channel()).isEqualTo("email");
        assertThat(c.inbox()).isEqualTo("inbox-test");
        assertThat(c.receivedAt()).isEqualTo(RECEIVED);
        assertThat(c.subject()).isEqualTo("Colis reçu endommagé - commande LM-2026-10482");
        assertThat(c.text()).contains("J'ai reçu hier ma commande", "89,90 €", "Le carton était écrasé")
                .startsWith("Bonjour,\n\n").endsWith("06 12 34 56 78");
        assertThat(c.recipients()).containsExactly("reclamations@lumiere.example");
        assertThat(c.attachments()).singleElement().satisfies(photo -> {
            assertThat(photo.filename()).isEqualTo("photo-lampe.png");
            assertThat(photo.mediaType()).isEqualTo("image/png");
            assertThat(photo.extractedText()).isEmpty();
            assertThat(photo.metadata()).containsEntry("width", "64").containsEntry("height", "48");
            assertThat(photo.content()).startsWith(0x89, 'P', 'N', 'G');
        });
    }

    @Test
    void frenchHtmlOnlyInvoiceGivesPdfTextAndFrench() {
        Complaint c = parse("02-fr-facture-erronee-html.eml");

        assertThat(c.language()).isEqualTo("fr");
        assertThat(c.sender().address()).isEqualTo("hugo.martin@example.net");
        assertThat(c.sender().displayName()).isEqualTo("Martin, Hugo");
        assertThat(c.text())
                .doesNotContain("<p>", "<b>", "</")
                .contains("Votre facture FA-88213 du 3 novembre me compte deux fois les frais de livraison (2 × 14,90 €).")
                .contains("Madame, Monsieur,\n\nVotre facture")
                .contains("Hugo Martin\n12 rue des Lilas, 69003 Lyon");
        Attachment invoice = c.attachments().get(0);
        assertThat(c.attachments()).hasSize(1);
        assertThat(invoice.filename()).isEqualTo("FA-88213.pdf");
        assertThat(invoice.mediaType()).isEqualTo("application/pdf");
        assertThat(invoice.extractedText()).contains("Facture FA-88213", "Frais de livraison", "158,80 EUR");
        assertThat(invoice.metadata()).containsEntry("pages", "1");
    }

    @Test
    void italianAlternativePrefersThePlainTextPart() {
        Complaint c = parse("03-it-rimborso-avvocato.eml");

        assertThat(c.text()).startsWith("Buongiorno,\n\nho restituito il lampadario Vetro (349,00 €)")
                .contains("mi rivolgerò al mio avvocato").doesNotContain("<b>");
        assertThat(c.attachments()).isEmpty();
    }

    @Test
    void englishPlainMessageHeadersAreNormalized() {
        Complaint c = parse("04-en-rude-staff.eml");

        assertThat(c.sender().address()).isEqualTo("tom.baker@example.co.uk");
        assertThat(c.sender().displayName()).isEqualTo("Tom Baker");
        assertThat(c.messageId()).isEqualTo("<179534062512.13736.6985013803048386998@example.co.uk>");
        assertThat(c.inReplyTo()).isNull();
        assertThat(c.references()).isEmpty();
        assertThat(c.sentAt()).isEqualTo(Instant.parse("2026-11-16T08:27:00Z"));
        assertThat(c.headers()).containsKeys("from", "to", "subject", "date", "message-id", "content-type");
        assertThat(c.header("To")).isEqualTo("Customer Care <complaints@lumiere.example>");
        assertThat(c.text()).contains("Under the Consumer Rights Act 2015 I am entitled to a repair")
                .doesNotContain("\r").doesNotContain("=\n");
    }

    @Test
    void windows1252GermanUmlautsDecode() {
        Complaint c = parse("05-de-lieferverzug.eml");

        assertThat(c.sender().displayName()).isEqualTo("Jürgen Weiß");
        assertThat(c.subject()).isEqualTo("Lieferung seit drei Wochen überfällig");
        assertThat(c.text()).contains("Stehleuchte Nordlicht, 219 €)", "Mit freundlichen Grüßen\nJürgen Weiß");
        assertThat(c.header("from")).isEqualTo("Jürgen Weiß <juergen.weiss@example.de>");
    }

    @Test
    void spanishDocxFormTextIsExtracted() {
        Complaint c = parse("06-es-garantia-docx.eml");

        assertThat(c.subject()).isEqualTo("Reclamación de garantía - lámpara defectuosa");
        assertThat(c.sender().displayName()).isEqualTo("Lucía Fernández");
        assertThat(c.attachments()).singleElement().satisfies(form -> {
            assertThat(form.filename()).isEqualTo("formulario-garantia.docx");
            assertThat(form.mediaType())
                    .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            assertThat(form.extractedText()).contains("Formulario de garantía", "Pedido: LM-2026-08854",
                    "la lámpara parpadea");
        });
    }

    @Test
    void forwardedMessageTextAndAttachmentAreKept() {
        Complaint c = parse("07-fr-transfert-message-rfc822.eml");

        assertThat(c.text()).startsWith("Je vous transfère l'avis du transporteur")
                .contains("Claire Dubois\n\n---------- Forwarded message ----------\n"
                        + "From: SAV Transporteur <noreply@carrier.example>\n"
                        + "Date: Mon, 16 Nov 2026 09:12:00 +0100\n"
                        + "Subject: Avis de passage - colis LM-2026-10482\n"
                        + "To: claire.dubois@example.org\n\n"
                        + "Votre colis a été déposé le 15/11/2026 à 18:40. Signature : non requise.");
        assertThat(c.attachments()).singleElement().satisfies(eml -> {
            assertThat(eml.filename()).isEqualTo("Avis de passage - colis LM-2026-10482.eml");
            assertThat(eml.mediaType()).isEqualTo("message/rfc822");
            assertThat(new String(eml.content(), java.nio.charset.StandardCharsets.UTF_8))
                    .startsWith("From: SAV Transporteur <noreply@carrier.example>");
            assertThat(eml.extractedText()).contains("Votre colis a été déposé");
        });
        // the customer is the one who forwarded, not the carrier
        assertThat(c.sender().address()).isEqualTo("claire.dubois@example.org");
    }

    @Test
    void outOfOfficeSampleKeepsItsAutoReplyHeaders() {
        Complaint c = parse("08-fr-reponse-automatique.eml");

        assertThat(c.subject()).isEqualTo("Réponse automatique : absent du bureau");
        assertThat(c.header("auto-submitted")).isEqualTo("auto-replied");
        assertThat(c.header("x-auto-response-suppress")).isEqualTo("All");
        assertThat(c.sender().displayName()).isEqualTo("Paul Lefèvre");
    }

    @Test
    void italianHtmlOnlyWindows1252Decodes() {
        Complaint c = parse("09-it-html-solo-windows1252.eml");

        assertThat(c.text()).isEqualTo("Salve,\n\n"
                + "la lampada Aurora acquistata il mese scorso si è rotta dopo una settimana. Ho chiamato il numero "
                + "verde cinque volte senza mai parlare con nessuno.\n\n"
                + "Chiedo la sostituzione del prodotto.\n\n"
                + "Marco Bianchi\nOrdine LM-2026-09120");
    }

    @Test
    void sameCustomerIsRecognisableAcrossComplaints() {
        Complaint first = parse("04-en-rude-staff.eml");
        Complaint second = parse("10-en-second-complaint-same-customer.eml");

        assertThat(second.sender()).isEqualTo(first.sender());
        assertThat(second.messageId()).isNotEqualTo(first.messageId());
        assertThat(second.sentAt()).isAfter(first.sentAt());
    }
}
