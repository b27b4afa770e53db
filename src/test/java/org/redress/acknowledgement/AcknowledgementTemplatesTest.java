package org.redress.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped templates say what good complaint handling asks for, in each language. */
class AcknowledgementTemplatesTest {
    private final TemplateRenderer renderer = new TemplateRenderer(Path.of("config/templates"), "en");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "en|Thank you|sorry|within 24 hours|reply to this e-mail",
            "fr|Merci|excuses|sous 24 heures|répondre à ce message",
            "it|grazie|scusiamo|entro 24 ore|risponda semplicemente",
            "de|vielen Dank|tut uns leid|innerhalb von 24 Stunden|antworten Sie einfach",
            "es|Gracias|lamentamos|24 horas|responder a este correo"})
    void acknowledgementThanksApologisesGivesReferenceTimelineAndHowToReply(String language, String thanks,
                                                                            String apology, String timeline,
                                                                            String replyHint) {
        TemplateRenderer.Rendered rendered = renderer.render(AcknowledgementComposer.TEMPLATE, language, Map.of(
                "customerName", "Claire Dubois", "ticketKey", "CS-42", "subject", "Colis endommagé",
                "firstResponseHours", 24L, "attachmentCount", 1, "inboxAddress", "reclamations@lumiere.example"));
        assertThat(rendered.language()).isEqualTo(language);
        assertThat(rendered.text()).containsIgnoringCase(thanks).containsIgnoringCase(apology).contains("CS-42")
                .contains(timeline).containsIgnoringCase(replyHint).contains("Claire Dubois");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pt", "nl"})
    void languageWithoutTemplateFallsBackToEnglish(String language) {
        TemplateRenderer.Rendered rendered = renderer.render(AcknowledgementComposer.TEMPLATE, language, Map.of(
                "customerName", "", "ticketKey", "CS-1", "subject", "", "firstResponseHours", 24L,
                "attachmentCount", 0, "inboxAddress", "complaints@lumiere.example"));
        assertThat(rendered.language()).isEqualTo("en");
        assertThat(rendered.text()).startsWith("Hello,");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"${7*7}", "<#assign x=1>"})
    void customerTextIsNeverEvaluatedAsTemplate(String hostileSubject) {
        TemplateRenderer.Rendered rendered = renderer.render(AcknowledgementComposer.TEMPLATE, "en", Map.of(
                "customerName", hostileSubject, "ticketKey", "CS-1", "subject", hostileSubject,
                "firstResponseHours", 24L, "attachmentCount", 0, "inboxAddress", "complaints@lumiere.example"));
        assertThat(rendered.text()).contains(hostileSubject).doesNotContain("49");
    }
}
