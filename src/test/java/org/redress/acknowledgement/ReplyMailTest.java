package org.redress.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ReplyMailTest {

    @Test
    void replySubjectCarriesTheKeyOnceAndOneRePrefix() {
        assertThat(ReplyMail.replySubject("Broken lamp", "CS-12")).isEqualTo("Re: Broken lamp [CS-12]");
        assertThat(ReplyMail.replySubject("RE: Broken lamp [CS-12]", "CS-12")).isEqualTo("RE: Broken lamp [CS-12]");
        assertThat(ReplyMail.replySubject("AW: Lieferung", "CS-3")).isEqualTo("AW: Lieferung [CS-3]");
        assertThat(ReplyMail.replySubject("", "CS-4")).isEqualTo("Re: [CS-4]");
    }

    @Test
    void subjectWithLineBreaksCannotInjectHeaders() throws Exception {
        String subject = ReplyMail.replySubject("Hello\r\nBcc: victim@example.org", "CS-1");
        MimeMessage mime = parse(reply(subject).toMime());
        assertThat(mime.getHeader("Bcc")).isNull();
        assertThat(mime.getSubject()).isEqualTo("Re: Hello Bcc: victim@example.org [CS-1]");
    }

    @Test
    void customerNameWithLineBreaksCannotInjectHeaders() throws Exception {
        ReplyMail reply = new ReplyMail("<redress.ack.cs-12.1.x@lumiere.example>", "reclamations@lumiere.example", null,
                "claire.dubois@example.org", "Claire\r\nBcc: victim@example.org", "Re: Lamp [CS-12]", "<c1@example.org>",
                List.of(), "fr", "Merci.\n", "CS-12", Instant.parse("2026-11-16T08:27:00Z"), "auto-replied", List.of());
        MimeMessage mime = parse(reply.toMime());
        assertThat(mime.getHeader("Bcc")).isNull();
        assertThat(mime.getAllRecipients()).hasSize(1);
        assertThat(mime.getHeader("To", null)).doesNotContain("\r", "\n");
    }

    @Test
    void acknowledgementIsThreadedAndMarkedAutomatic() throws Exception {
        MimeMessage mime = parse(reply("Re: Broken lamp [CS-12]").toMime());
        assertThat(mime.getMessageID()).isEqualTo("<redress.ack.cs-12.1.x@lumiere.example>");
        assertThat(mime.getHeader("In-Reply-To", null)).isEqualTo("<c1@example.org>");
        assertThat(mime.getHeader("References", null)).isEqualTo("<c0@example.org> <c1@example.org>");
        assertThat(mime.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(mime.getHeader("Content-Language", null)).isEqualTo("fr");
        assertThat(mime.getContent().toString()).contains("Merci");
    }

    private static ReplyMail reply(String subject) {
        return new ReplyMail("<redress.ack.cs-12.1.x@lumiere.example>", "reclamations@lumiere.example", null,
                "claire.dubois@example.org", "Claire Dubois", subject, "<c1@example.org>", List.of("<c0@example.org>"),
                "fr", "Merci pour votre message.\n", "CS-12", Instant.parse("2026-11-16T08:27:00Z"), "auto-replied",
                List.of());
    }

    private static MimeMessage parse(byte[] raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }
}
