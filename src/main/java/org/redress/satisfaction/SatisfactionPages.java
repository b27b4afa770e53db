package org.redress.satisfaction;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redress.acknowledgement.TemplateRenderer;
import org.redress.conversation.TicketConversation;
import org.redress.store.SatisfactionStore.Request;
import org.redress.store.Tickets;

/**
 * The page a score link opens, in the customer's language ({@code satisfaction_page_<lang>.ftl}, HTML-escaped):
 * thanks for a recorded score; a polite refusal for a link already used, expired, or not ours.
 */
public final class SatisfactionPages {
    public static final String TEMPLATE = "satisfaction_page";

    private final SatisfactionSurvey survey;
    private final Tickets tickets;
    private final TemplateRenderer templates;
    private final String fallbackLanguage;

    public SatisfactionPages(SatisfactionSurvey survey, Tickets tickets, TemplateRenderer templates,
                             String fallbackLanguage) {
        this.survey = survey;
        this.tickets = tickets;
        this.templates = templates;
        this.fallbackLanguage = fallbackLanguage;
    }

    public Page answer(String token, String score) {
        SatisfactionSurvey.Answer answer = survey.answerByLink(token, score);
        Request request = answer.request();
        Map<String, Object> model = new HashMap<>();
        model.put("score", answer.score() == null ? 0 : answer.score());
        model.put("low", answer.score() != null && survey.isLow(answer.score()));
        model.put("ticketKey", request == null ? "" : request.ticketKey());
        model.put("inboxAddress", request == null ? "" : tickets.byKey(request.ticketKey())
                .map(TicketConversation::inboxAddress).orElse(""));
        model.put("links", answer.outcome() == SatisfactionSurvey.Outcome.NO_SCORE && request != null
                ? survey.links(request) : List.of());
        String state;
        int status;
        switch (answer.outcome()) {
            case RECORDED -> { state = "recorded"; status = 200; }
            case ALREADY_ANSWERED -> { state = "already"; status = 409; }
            case EXPIRED -> { state = "expired"; status = 410; }
            case NO_SCORE -> { state = "choose"; status = 200; }
            case UNKNOWN -> { state = "invalid"; status = 404; }
            default -> { state = "invalid"; status = 403; }
        }
        model.put("state", state);
        String language = request == null ? fallbackLanguage : request.language();
        String html = templates.render(TEMPLATE, language, model).text();
        return new Page(status, html, answer.outcome().name().toLowerCase(java.util.Locale.ROOT)
                + (request == null ? "" : " for " + request.ticketKey())
                + (answer.score() == null ? "" : ", score " + answer.score()));
    }

    /** The answer to the click. */
    public record Page(int status, String html, String logLine) {
    }
}
