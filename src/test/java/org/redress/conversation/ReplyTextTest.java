package org.redress.conversation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class ReplyTextTest {

    // --- each language × each mail program: the history goes, the new words stay -------------------------------

    @ParameterizedTest
    @MethodSource("repliesFromEveryClient")
    void quotedHistoryFromEveryClientIsCut(String reply, String newWords) {
        assertThat(ReplyText.newWords(reply)).isEqualTo(newWords);
    }

    static Stream<Arguments> repliesFromEveryClient() {
        return Stream.of(
                argumentSet("French Gmail, plain text, attribution wrapped with a non-breaking space", """
                        Bonjour,

                        Je n'ai toujours pas reçu le remboursement promis.
                        Merci de faire le nécessaire.

                        Amélie Girard

                        Le lun. 23 nov. 2026 à 10:12, Service Réclamations <
                        reclamations@lumiere.example> a écrit\u00a0:

                        > Bonjour Madame Girard,
                        >
                        > Nous avons bien reçu votre réclamation (référence CS-12).
                        > Nous reviendrons vers vous sous 5 jours ouvrés.
                        >
                        > Le service Réclamations
                        """, """
                        Bonjour,

                        Je n'ai toujours pas reçu le remboursement promis.
                        Merci de faire le nécessaire.

                        Amélie Girard"""),
                argumentSet("French Gmail, HTML converted to text", """
                        Bonjour,
                        Voici la photo du colis abîmé, comme demandé.
                        Cordialement,
                        Amélie Girard

                        Le lun. 23 nov. 2026 à 10:12, Service Réclamations <reclamations@lumiere.example> a\
                         écrit\u202f:

                        Bonjour Madame Girard,

                        Pourriez-vous nous envoyer une photo du colis ?

                        Le service Réclamations
                        """, """
                        Bonjour,
                        Voici la photo du colis abîmé, comme demandé.
                        Cordialement,
                        Amélie Girard"""),
                argumentSet("French Outlook desktop, Message d'origine", """
                        Bonjour,

                        Le technicien n'est pas passé ce matin non plus.

                        Cordialement,
                        Paul Martin

                        -----Message d'origine-----
                        De : Service Réclamations <reclamations@lumiere.example>
                        Envoyé : lundi 23 novembre 2026 10:12
                        À : Paul Martin <paul.martin@example.fr>
                        Objet : RE: Intervention non réalisée [CS-14]

                        Bonjour Monsieur Martin,
                        Un technicien passera mardi matin.
                        """, """
                        Bonjour,

                        Le technicien n'est pas passé ce matin non plus.

                        Cordialement,
                        Paul Martin"""),
                argumentSet("French Outlook web, header block under an underscore rule", """
                        Bonjour,
                        Le numéro de commande est 4411-778.
                        Paul Martin

                        ________________________________
                        De : Service Réclamations <reclamations@lumiere.example>
                        Envoyé : lundi 23 novembre 2026 10:12
                        À : Paul Martin <paul.martin@example.fr>
                        Objet : Votre réclamation [CS-14]

                        Bonjour Monsieur Martin,
                        Pouvez-vous nous indiquer votre numéro de commande ?
                        """, """
                        Bonjour,
                        Le numéro de commande est 4411-778.
                        Paul Martin"""),
                argumentSet("French Thunderbird", """
                        Bonjour,

                        Je confirme mon adresse : 12 rue des Lilas, 69003 Lyon.

                        Le 23/11/2026 à 10:12, Service Réclamations a écrit :
                        > Bonjour,
                        > Merci de confirmer votre adresse de livraison.
                        """, """
                        Bonjour,

                        Je confirme mon adresse : 12 rue des Lilas, 69003 Lyon."""),
                argumentSet("French Apple Mail with its mobile footer", """
                        Toujours rien reçu. C'est inadmissible.

                        Envoyé de mon iPhone

                        Le 23 nov. 2026 à 10:12, Service Réclamations <reclamations@lumiere.example> a écrit :

                        Bonjour,
                        Votre colis a été expédié le 20 novembre.
                        """, """
                        Toujours rien reçu. C'est inadmissible."""),
                argumentSet("Italian Gmail", """
                        Buongiorno,

                        il rimborso non è ancora arrivato sul mio conto.

                        Giulia Rossi

                        Il giorno lun 23 nov 2026 alle ore 10:12 Assistenza Clienti <reclami@lumiere.example> ha \
                        scritto:

                        > Gentile Signora Rossi,
                        > il rimborso è stato disposto in data odierna.
                        """, """
                        Buongiorno,

                        il rimborso non è ancora arrivato sul mio conto.

                        Giulia Rossi"""),
                argumentSet("Italian Outlook desktop, Messaggio originale", """
                        Buongiorno,
                        allego lo scontrino richiesto.
                        Marco Bianchi

                        -----Messaggio originale-----
                        Da: Assistenza Clienti <reclami@lumiere.example>
                        Inviato: lunedì 23 novembre 2026 10:12
                        A: Marco Bianchi <marco.bianchi@example.it>
                        Oggetto: Reclamo [CS-15]

                        Gentile Signor Bianchi, può inviarci lo scontrino?
                        """, """
                        Buongiorno,
                        allego lo scontrino richiesto.
                        Marco Bianchi"""),
                argumentSet("Italian Outlook web header block, blank lines between headers", """
                        Il prodotto sostitutivo è arrivato, ma è dello stesso colore sbagliato.

                        Da: Assistenza Clienti <reclami@lumiere.example>

                        Inviato: lunedì 23 novembre 2026 10:12

                        A: Marco Bianchi <marco.bianchi@example.it>

                        Oggetto: Reclamo [CS-15]

                        Gentile Signor Bianchi, le abbiamo spedito un nuovo prodotto.
                        """, """
                        Il prodotto sostitutivo è arrivato, ma è dello stesso colore sbagliato."""),
                argumentSet("Italian Thunderbird", """
                        Va bene martedì mattina.

                        Il 23/11/2026 10:12, Assistenza Clienti ha scritto:
                        > Possiamo passare martedì mattina?
                        """, """
                        Va bene martedì mattina."""),
                argumentSet("Italian Apple Mail with its mobile footer", """
                        Grazie, ho ricevuto il buono.

                        Inviato da iPhone

                        Il giorno 23 nov 2026, alle ore 10:12, Assistenza Clienti <reclami@lumiere.example> ha \
                        scritto:

                        Gentile Signora Rossi, le inviamo un buono di 20 euro.
                        """, """
                        Grazie, ho ricevuto il buono."""),
                argumentSet("English Gmail", """
                        Hi,

                        The replacement kettle leaks too. I want a refund.

                        Thanks,
                        John

                        On Mon, 23 Nov 2026 at 10:12, Customer Care <complaints@lumiere.example> wrote:

                        > Dear John,
                        > we have sent you a replacement kettle.
                        """, """
                        Hi,

                        The replacement kettle leaks too. I want a refund.

                        Thanks,
                        John"""),
                argumentSet("English Outlook desktop, Original Message", """
                        Please call me back on 07700 900123.

                        -----Original Message-----
                        From: Customer Care <complaints@lumiere.example>
                        Sent: Monday, November 23, 2026 10:12 AM
                        To: John Smith <john.smith@example.com>
                        Subject: RE: Broken kettle [CS-16]

                        Dear John, could you give us a phone number?
                        """, """
                        Please call me back on 07700 900123."""),
                argumentSet("English Outlook web header block with Get Outlook footer", """
                        Yes, the order number is 4411-778.

                        Get Outlook for iOS<https://aka.ms/o0ukef>
                        ________________________________
                        From: Customer Care <complaints@lumiere.example>
                        Sent: Monday, November 23, 2026 10:12:00 AM
                        To: John Smith <john.smith@example.com>
                        Subject: Your complaint [CS-16]

                        Dear John, what is your order number?
                        """, """
                        Yes, the order number is 4411-778."""),
                argumentSet("English Thunderbird", """
                        The courier left it in the rain.

                        On 23/11/2026 10:12, Customer Care wrote:
                        > Where did the courier leave the parcel?
                        """, """
                        The courier left it in the rain."""),
                argumentSet("English Apple Mail from an iPhone, attribution inside the quote", """
                        Still waiting for the engineer.

                        Sent from my iPhone

                        > On 23 Nov 2026, at 10:12, Customer Care <complaints@lumiere.example> wrote:
                        >\s
                        > Dear John, an engineer will visit on Tuesday.
                        """, """
                        Still waiting for the engineer."""),
                argumentSet("German Gmail, attribution wrapped inside the address", """
                        Guten Tag,

                        die Ersatzlieferung ist wieder beschädigt angekommen.

                        Mit freundlichen Grüßen
                        Anna Schmidt

                        Am Mo., 23. Nov. 2026 um 10:12 Uhr schrieb Customer Care <
                        complaints@lumiere.example>:

                        > Sehr geehrte Frau Schmidt,
                        > wir haben Ihnen Ersatz geschickt.
                        """, """
                        Guten Tag,

                        die Ersatzlieferung ist wieder beschädigt angekommen.

                        Mit freundlichen Grüßen
                        Anna Schmidt"""),
                argumentSet("German Outlook desktop, Ursprüngliche Nachricht", """
                        Ich bin am Dienstag nicht zu Hause, bitte Mittwoch.

                        -----Ursprüngliche Nachricht-----
                        Von: Customer Care <complaints@lumiere.example>
                        Gesendet: Montag, 23. November 2026 10:12
                        An: Anna Schmidt <anna.schmidt@example.de>
                        Betreff: AW: Beschädigte Lieferung [CS-17]

                        Der Techniker kommt am Dienstag.
                        """, """
                        Ich bin am Dienstag nicht zu Hause, bitte Mittwoch."""),
                argumentSet("German Thunderbird", """
                        Die Rechnungsnummer lautet RE-2026-0042.

                        Am 23.11.2026 um 10:12 schrieb Customer Care:
                        > Bitte nennen Sie uns die Rechnungsnummer.
                        """, """
                        Die Rechnungsnummer lautet RE-2026-0042."""),
                argumentSet("German Apple Mail with its mobile footer", """
                        Danke, das Geld ist angekommen.

                        Von meinem iPhone gesendet

                        Am 23.11.2026 um 10:12 schrieb Customer Care <complaints@lumiere.example>:

                        Sehr geehrte Frau Schmidt, wir haben die Erstattung veranlasst.
                        """, """
                        Danke, das Geld ist angekommen."""),
                argumentSet("Spanish Gmail, address in parentheses", """
                        Hola,

                        el paquete llegó abierto y falta un artículo.

                        Saludos,
                        Lucía García

                        El lun, 23 nov 2026 a las 10:12, Customer Care (<complaints@lumiere.example>) escribió:

                        > Estimada Lucía,
                        > su paquete fue entregado el viernes.
                        """, """
                        Hola,

                        el paquete llegó abierto y falta un artículo.

                        Saludos,
                        Lucía García"""),
                argumentSet("Spanish Outlook desktop, Mensaje original", """
                        Adjunto la factura.

                        -----Mensaje original-----
                        De: Customer Care <complaints@lumiere.example>
                        Enviado el: lunes, 23 de noviembre de 2026 10:12
                        Para: Lucía García <lucia.garcia@example.es>
                        Asunto: RE: Paquete incompleto [CS-18]
                        """, """
                        Adjunto la factura."""),
                argumentSet("Spanish Thunderbird", """
                        Prefiero un reembolso, no un vale.

                        El 23/11/2026 a las 10:12, Customer Care escribió:
                        > ¿Prefiere un reembolso o un vale?
                        """, """
                        Prefiero un reembolso, no un vale."""),
                argumentSet("Spanish Apple Mail with its mobile footer", """
                        Perfecto, gracias.

                        Enviado desde mi iPhone

                        El 23 nov 2026, a las 10:12, Customer Care <complaints@lumiere.example> escribió:

                        Estimada Lucía, el reembolso se hará en 5 días.
                        """, """
                        Perfecto, gracias."""));
    }

    @Test
    void gmailAttributionWithTheSenderFirstIsCut() {
        String reply = """
                Bitte schicken Sie mir ein Rücksendeetikett.

                Customer Care <complaints@lumiere.example> schrieb am Mo., 23. Nov. 2026, 10:12:

                Sehr geehrte Frau Schmidt, bitte senden Sie das Gerät zurück.
                """;

        assertThat(ReplyText.newWords(reply)).isEqualTo("Bitte schicken Sie mir ein Rücksendeetikett.");
    }

    // --- Outlook header blocks without a separator line -----------------------------------------------------

    @Test
    void outlookGermanHeaderBlockIsCut() {
        String reply = """
                Guten Tag,
                der Termin passt mir nicht.
                Anna Schmidt

                Von: Customer Care <complaints@lumiere.example>
                Gesendet: Montag, 23. November 2026 10:12
                An: Anna Schmidt <anna.schmidt@example.de>
                Betreff: Ihr Termin [CS-17]

                Sehr geehrte Frau Schmidt, der Techniker kommt am Dienstag.
                """;

        assertThat(ReplyText.newWords(reply)).isEqualTo("""
                Guten Tag,
                der Termin passt mir nicht.
                Anna Schmidt""");
    }

    @Test
    void outlookHeaderBlockWithBoldMarkersIsCut() {
        String reply = """
                Answer here: the box was already open.

                *From:* Customer Care <complaints@lumiere.example>
                *Sent:* Monday, 23 November 2026 10:12
                *To:* John Smith <john.smith@example.com>
                *Subject:* Your complaint [CS-16]

                Dear John, was the box open?
                """;

        assertThat(ReplyText.newWords(reply)).isEqualTo("Answer here: the box was already open.");
    }

    @Test
    void outlookSpanishHeaderBlockIsCut() {
        String reply = """
                No estoy de acuerdo con la respuesta.

                De: Customer Care <complaints@lumiere.example>
                Enviado: lunes, 23 de noviembre de 2026 10:12
                Para: Lucía García <lucia.garcia@example.es>
                Asunto: Su reclamación [CS-18]

                Estimada Lucía, la garantía no cubre este daño.
                """;

        assertThat(ReplyText.newWords(reply)).isEqualTo("No estoy de acuerdo con la respuesta.");
    }

    @Test
    void proseLinesStartingWithDeOrFromAreNotAnOutlookHeaderBlock() {
        String reply = """
                De plus, le livreur a été impoli.
                De : Lyon, le colis est parti le 20/11.
                À : Paris, il n'est jamais arrivé.
                From: the warehouse it went nowhere.
                """;

        assertThat(ReplyText.newWords(reply)).isEqualTo(reply.strip());
    }

    @Test
    void forwardedMailTheCustomerPassesOnIsKept() {
        String reply = """
                Here is what the courier told me.

                ---------- Forwarded message ---------
                From: Fast Courier <noreply@courier.example>
                Date: Sun, 22 Nov 2026 at 18:40
                Subject: Delivery attempt failed
                To: <john.smith@example.com>

                We could not deliver your parcel: nobody was home.
                """;

        assertThat(ReplyText.newWords(reply)).isEqualTo(reply.strip());
    }

    // --- '>' quotes and inline answers ----------------------------------------------------------------------

    @Test
    void inlineAnswersBetweenQuotedLinesAreAllKept() {
        String reply = """
                On Mon, 23 Nov 2026 at 10:12, Customer Care <complaints@lumiere.example> wrote:
                > 1. What is your order number?
                4411-778

                > 2. When was the parcel delivered?
                On Friday, around noon.

                > 3. Was the box damaged?
                Yes, crushed on one side.

                John
                """;

        assertThat(ReplyText.newWords(reply)).isEqualTo("""
                4411-778

                On Friday, around noon.

                Yes, crushed on one side.

                John""");
    }

    @Test
    void nestedQuotesAtAnyDepthAreDropped() {
        String reply = """
                Ceci est ma troisième relance.

                Le lun. 23 nov. 2026 à 10:12, Service Réclamations <reclamations@lumiere.example> a écrit :
                > Nous traitons votre demande.
                >
                >> Le dim. 22 nov. 2026 à 09:00, Amélie Girard <amelie.girard@example.org> a écrit :
                >>> Où est mon remboursement ?
                >>Toujours rien.
                >Merci de patienter.
                """;

        assertThat(ReplyText.newWords(reply)).isEqualTo("Ceci est ma troisième relance.");
    }

    @Test
    void everythingQuotedReturnsTheOriginalTrimmed() {
        String reply = """

                On Mon, 23 Nov 2026 at 10:12, Customer Care <complaints@lumiere.example> wrote:
                > Dear John,
                > could you send us a photo?

                """;

        assertThat(ReplyText.newWords(reply)).isEqualTo(reply.strip());
    }

    @Test
    void emptyReplyStaysEmpty() {
        assertThat(ReplyText.newWords("\r\n  \r\n")).isEmpty();
        assertThat(ReplyText.newWords(null)).isEmpty();
    }

    // --- signatures and mobile footers ----------------------------------------------------------------------

    @Test
    void signatureFollowedByQuotedHistoryIsCut() {
        String reply = """
                Merci, j'attends donc le remboursement.

                --\s
                Amélie Girard
                06 12 34 56 78

                Le lun. 23 nov. 2026 à 10:12, Service Réclamations <reclamations@lumiere.example> a écrit :
                > Le remboursement a été validé.
                """;

        assertThat(ReplyText.newWords(reply)).isEqualTo("Merci, j'attends donc le remboursement.");
    }

    @Test
    void inlineAnswersAfterBottomQuotesWithoutAttributionAreKept() {
        String reply = """
                > Pouvez-vous nous envoyer la facture ?
                Elle est en pièce jointe.

                > Et le numéro de série ?
                >> (sous l'appareil)
                SN-99812
                """;

        assertThat(ReplyText.newWords(reply)).isEqualTo("""
                Elle est en pièce jointe.

                SN-99812""");
    }

    @Test
    void signatureDelimiterWithoutItsTrailingSpaceIsRecognised() {
        String reply = """
                Bitte rufen Sie mich an.
                --
                Anna Schmidt
                Tel. 030 1234567
                """;

        assertThat(ReplyText.newWords(reply)).isEqualTo("Bitte rufen Sie mich an.");
    }

    @Test
    void dashedLineFollowedByALongTextIsNotTakenForASignature() {
        String reply = "Premier problème : la livraison.\n--\n"
                + "Deuxième problème : la facture.\n".repeat(13);

        assertThat(ReplyText.newWords(reply)).isEqualTo(reply.strip());
    }

    @Test
    void mobileFooterWordsInTheMiddleOfTheMailAreKept() {
        String reply = """
                La photo ci-jointe a été prise avec mon téléphone.
                Envoyé de mon iPhone
                PS : le carton était ouvert à l'arrivée.
                """;

        assertThat(ReplyText.newWords(reply)).isEqualTo(reply.strip());
    }

    // --- the customer's own sentences are never taken for a header ------------------------------------------

    @Test
    void proseStartingWithOnIsNotMistakenForAnAttribution() {
        String reply = """
                On Monday I called you twice.
                On Tuesday your colleague wrote:
                "We will call you back at 10:00."
                Nobody called.
                """;

        assertThat(ReplyText.newWords(reply)).isEqualTo(reply.strip());
    }

    @Test
    void frenchProseStartingWithLeIsKept() {
        String reply = """
                Le colis est arrivé cassé.
                Le 20/11/2026 à 18:40, le livreur m'a écrit :
                « Colis déposé chez le gardien. »
                Le gardien n'a rien reçu.
                """;

        assertThat(ReplyText.newWords(reply)).isEqualTo(reply.strip());
    }

    @Test
    void italianProseMentioningWhatSomeoneWroteIsKept() {
        String reply = """
                Buongiorno,
                il pacco doveva arrivare il 23/11/2026 alle 10:30.
                Il 23/11/2026 alle 18:40, il corriere ha scritto:
                "consegnato al vicino".
                Ma il vicino non ha ricevuto niente.
                """;

        assertThat(ReplyText.newWords(reply)).isEqualTo(reply.strip());
    }

    // --- line ends and blank lines --------------------------------------------------------------------------

    @Test
    void crlfLineEndsBecomeLfAndBlankRunsCollapse() {
        String reply = "\r\n\r\nBonjour,\r\n\r\n\r\n\r\nJe relance ma demande.\r\n\r\n\r\n"
                + "Le 23/11/2026 à 10:12, Service Réclamations a écrit :\r\n> Bonjour\r\n";

        assertThat(ReplyText.newWords(reply)).isEqualTo("Bonjour,\n\nJe relance ma demande.");
    }
}
