package org.redress.screening;

import org.junit.jupiter.api.Test;
import org.redress.complaint.Complaint;
import org.redress.complaint.Party;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules one by one, on hand-built complaints: each piece of evidence, and what is not evidence. */
class MailScreenTest {

    private final MailScreen screen = new MailScreen(Set.of("reclamations@lumiere.example", "complaints@lumiere.example"));

    private static Complaint mail(String from, String subject, String... headerNamesAndValues) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            headers.put(headerNamesAndValues[i].toLowerCase(java.util.Locale.ROOT), List.of(headerNamesAndValues[i + 1]));
        }
        return new Complaint("email", "test", new Party(from, null), List.of("complaints@lumiere.example"), subject,
                "text", null, List.of(), null, null, List.of(), null, Instant.EPOCH, headers);
    }

    private ScreeningVerdict verdict(Complaint mail) {
        return screen.screen(mail);
    }

    @Test
    void ordinaryComplaintIsAccepted() {
        ScreeningVerdict v = verdict(mail("claire@example.org", "Colis endommagé", "Content-Type", "text/plain"));
        assertThat(v.accepted()).isTrue();
        assertThat(v.reason()).isNull();
    }

    @Test
    void autoSubmittedOtherThanNoIsIgnored() {
        assertThat(verdict(mail("a@example.org", "x", "Auto-Submitted", "auto-replied")))
                .isEqualTo(ScreeningVerdict.ignore("auto-reply: Auto-Submitted: auto-replied"));
        assertThat(verdict(mail("a@example.org", "x", "Auto-Submitted", "auto-generated (failure)")).reason())
                .isEqualTo("automatic message: Auto-Submitted: auto-generated (failure)");
        assertThat(verdict(mail("a@example.org", "x", "Auto-Submitted", "no")).accepted()).isTrue();
        assertThat(verdict(mail("a@example.org", "x", "Auto-Submitted", "No (sent by a person)")).accepted()).isTrue();
    }

    @Test
    void vendorAutoReplyHeadersAreIgnored() {
        assertThat(verdict(mail("a@example.org", "x", "X-Autoreply", "yes")).reason())
                .isEqualTo("auto-reply: X-Autoreply: yes");
        assertThat(verdict(mail("a@example.org", "x", "X-Autorespond", "Vacation")).reason())
                .isEqualTo("auto-reply: X-Autorespond: Vacation");
        assertThat(verdict(mail("a@example.org", "x", "X-Apple-Action", "VACATION")).reason())
                .isEqualTo("auto-reply: X-Apple-Action: VACATION");
    }

    @Test
    void autoResponseSuppressAloneIsARequestNotAnAutoReply() {
        assertThat(verdict(mail("a@example.org", "Lampe cassée", "X-Auto-Response-Suppress", "All")).accepted())
                .isTrue();
    }

    @Test
    void outOfOfficeSubjectAloneIsNotEnough() {
        assertThat(verdict(mail("a@example.org", "Réponse automatique : vous ne répondez jamais")).accepted()).isTrue();
        assertThat(verdict(mail("a@example.org", "Votre réponse automatique est inutile")).accepted()).isTrue();
        assertThat(verdict(mail("a@example.org", "Automatic reply: Nyaan", "X-Auto-Response-Suppress", "All")).reason())
                .isEqualTo("auto-reply: Subject \"Automatic reply\" with X-Auto-Response-Suppress: All");
        for (String subject : List.of("Risposta automatica: ordine", "Automatische Antwort: Bestellung",
                "Respuesta automática: pedido", "RE: Out of Office: order", "Abwesenheitsnotiz: Lieferung")) {
            assertThat(verdict(mail("a@example.org", subject, "X-Auto-Response-Suppress", "OOF")).accepted())
                    .as(subject).isFalse();
        }
    }

    @Test
    void bulkAndListMailIsIgnored() {
        assertThat(verdict(mail("a@example.org", "x", "Precedence", "bulk")).reason()).isEqualTo("bulk mail: Precedence: bulk");
        assertThat(verdict(mail("a@example.org", "x", "Precedence", "junk")).accepted()).isFalse();
        assertThat(verdict(mail("a@example.org", "x", "Precedence", "list")).reason()).startsWith("mailing list");
        assertThat(verdict(mail("a@example.org", "x", "Precedence", "auto_reply")).reason()).startsWith("auto-reply");
        assertThat(verdict(mail("a@example.org", "x", "List-Id", "<lamps.example.org>")).reason())
                .isEqualTo("mailing list: List-Id: <lamps.example.org>");
        assertThat(verdict(mail("a@example.org", "x", "List-Unsubscribe", "<mailto:u@example.org>")).accepted()).isFalse();
        assertThat(verdict(mail("a@example.org", "x", "List-Post", "NO")).accepted()).isFalse();
    }

    @Test
    void reportsAndNullSendersAreIgnored() {
        assertThat(verdict(mail("a@example.org", "x", "Content-Type",
                "multipart/report; report-type=delivery-status; boundary=b")).reason())
                .startsWith("delivery or feedback report: Content-Type: multipart/report");
        assertThat(verdict(mail("a@example.org", "x", "Return-Path", "<>")).reason())
                .isEqualTo("bounce or auto-reply: null sender (Return-Path: <>)");
    }

    @Test
    void systemAndNoReplySendersAreIgnored() {
        assertThat(verdict(mail("MAILER-DAEMON@mx.example.org", "x")).reason())
                .isEqualTo("system sender: mailer-daemon@mx.example.org");
        assertThat(verdict(mail("postmaster@example.org", "x")).accepted()).isFalse();
        for (String sender : List.of("noreply@shop.example", "no-reply@shop.example", "do_not_reply@shop.example",
                "noreply-billing@shop.example")) {
            assertThat(verdict(mail(sender, "x")).reason()).isEqualTo("sender does not accept replies: " + sender);
        }
        assertThat(verdict(mail("noreen.replogle@example.org", "x")).accepted()).isTrue();
    }

    @Test
    void mailFromOurOwnAddressIsALoop() {
        assertThat(verdict(mail("Complaints@Lumiere.Example", "Re: your complaint")).reason())
                .isEqualTo("own address: complaints@lumiere.example");
    }

    @Test
    void mailStillCarryingOurLoopHeaderIsOurOwnComingBack() {
        assertThat(verdict(mail("forwarder@example.org", "Fwd: Re: Colis [CS-4]", "X-Loop", "complaints@lumiere.example"))
                .reason()).isEqualTo("mail loop: X-Loop: complaints@lumiere.example");
        assertThat(verdict(mail("claire@example.org", "x", "X-Loop", "list@other.example")).accepted()).isTrue();
    }

    @Test
    void mailWithoutSenderAddressIsIgnored() {
        assertThat(verdict(mail("", "x")).reason()).isEqualTo("no sender address");
        assertThat(verdict(mail("root", "x")).reason()).startsWith("no sender address");
    }
}
