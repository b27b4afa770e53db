package org.redress.satisfaction;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.redress.config.SatisfactionConfig;
import org.redress.conversation.TicketConversation;
import org.redress.store.Database;
import org.redress.store.FollowUpStore;
import org.redress.store.FollowUpStore.TicketEvent;
import org.redress.store.SatisfactionStore;
import org.redress.store.SatisfactionStore.Request;

/**
 * The satisfaction check: one question per resolution, answered once, by a one-click link or by replying with a
 * number. The answer goes into the register at once (the customer's thank-you never waits for Jira) and reaches the
 * ticket as a ticket event: an internal note, and for a low score the configured label, mention and reopening.
 */
public final class SatisfactionSurvey {
    private final SatisfactionStore store;
    private final FollowUpStore events;
    private final Database database;
    private final SatisfactionTokens tokens;
    private final SatisfactionConfig config;
    private final String reopenTransition;
    private final Clock clock;

    public SatisfactionSurvey(SatisfactionStore store, FollowUpStore events, Database database,
                              SatisfactionConfig config, String reopenTransition, Clock clock) {
        this.store = store;
        this.events = events;
        this.database = database;
        this.tokens = new SatisfactionTokens(config.secret());
        this.config = config;
        this.reopenTransition = reopenTransition;
        this.clock = clock;
    }

    /**
     * Asks about this resolution, once (in the transaction that queues the resolution mail).
     *
     * @return the links answering 1 to 5, or empty when the check is off
     */
    public List<String> ask(Connection connection, TicketConversation ticket, String resolution, Instant now)
            throws SQLException {
        if (!config.enabled()) {
            return List.of();
        }
        Optional<Request> asked = store.forResolution(connection, ticket.ticketKey(), resolution);
        String id = asked.map(Request::id).orElseGet(tokens::newId);
        if (asked.isEmpty()) {
            store.ask(connection, new Request(id, ticket.ticketKey(), ticket.complaintId(), resolution,
                    ticket.language(), now, now.plus(config.validFor()), null, null, true));
        }
        return links(id);
    }

    /**
     * Whether a customer's reply on this ticket answers its satisfaction question rather than bringing news: it
     * reads as a score, the ticket is still resolved (after a reopening "2 - still broken" is news) and its question
     * is open — or was answered already and the reply is a bare score (a second "5" is not news either).
     */
    public boolean isAnswer(String ticketKey, String newWords) {
        Optional<ScoreReply> reply = ScoreReply.parse(newWords);
        if (!config.enabled() || reply.isEmpty()) {
            return false;
        }
        Optional<Request> request = store.latest(ticketKey).filter(Request::ticketResolved);
        if (request.isEmpty()) {
            return false;
        }
        if (request.get().answered()) {
            return reply.get().comment().isBlank();
        }
        return !clock.instant().isAfter(request.get().expiresAt());
    }

    /**
     * A reply "4 - thanks" to the ticket's latest question. A low score that comes with words is recorded and is
     * news as well ({@link Answer#stillNews()}): "2 - the replacement is broken too" must reach the ticket as a reply.
     */
    public Answer answerByMail(String ticketKey, String newWords) {
        Optional<ScoreReply> reply = ScoreReply.parse(newWords);
        Optional<Request> request = store.latest(ticketKey);
        if (reply.isEmpty() || request.isEmpty()) {
            return new Answer(Outcome.NO_SCORE, request.orElse(null), null, false);
        }
        Answer answer = record(request.get(), reply.get().score(), reply.get().comment(), "mail");
        boolean news = answer.outcome() == Outcome.RECORDED && isLow(reply.get().score())
                && !reply.get().comment().isBlank();
        return new Answer(answer.outcome(), answer.request(), answer.score(), news);
    }

    /** A click on a link: {@code GET /csat/{token}?score=N}. */
    public Answer answerByLink(String token, String score) {
        Optional<String> id = tokens.verify(token);
        if (id.isEmpty()) {
            return new Answer(Outcome.FORGED, null, null, false);
        }
        Optional<Request> request = store.byId(id.get());
        if (request.isEmpty()) {
            return new Answer(Outcome.UNKNOWN, null, null, false);
        }
        int value;
        try {
            value = Integer.parseInt(score == null ? "" : score.trim());
        } catch (NumberFormatException e) {
            value = 0;
        }
        if (value < 1 || value > 5) {
            return new Answer(request.get().answered() ? Outcome.ALREADY_ANSWERED : Outcome.NO_SCORE, request.get(), null,
                    false);
        }
        return record(request.get(), value, null, "link");
    }

    /** The five links of a question, to offer again on a page that got no valid score. */
    public List<String> links(Request request) {
        return links(request.id());
    }

    private List<String> links(String id) {
        String token = tokens.token(id);
        List<String> links = new ArrayList<>();
        for (int score = 1; score <= 5; score++) {
            links.add(config.publicUrl() + "/csat/" + token + "?score=" + score);
        }
        return links;
    }

    public boolean isLow(int score) {
        return score <= config.lowScore();
    }

    private Answer record(Request request, int score, String comment, String channel) {
        Instant now = clock.instant();
        if (request.answered()) {
            return new Answer(Outcome.ALREADY_ANSWERED, request, request.score(), false);
        }
        if (now.isAfter(request.expiresAt())) {
            return new Answer(Outcome.EXPIRED, request, null, false);
        }
        boolean low = isLow(score);
        TicketEvent event = TicketEvent.of(request.ticketKey(), "satisfaction:" + request.id(),
                note(score, comment, channel, low), low ? config.lowScoreLabel() : null, null,
                low ? config.lowScoreMention() : null, low && config.lowScoreReopen() ? reopenTransition : null);
        boolean recorded = database.inTransaction(connection -> {
            if (!store.answer(connection, request, score, comment, channel, now)) {
                return false;
            }
            events.event(connection, event, now);
            return true;
        });
        return new Answer(recorded ? Outcome.RECORDED : Outcome.ALREADY_ANSWERED, request, recorded ? score : null, false);
    }

    private String note(int score, String comment, String channel, boolean low) {
        StringBuilder note = new StringBuilder("Customer satisfaction: ").append(score).append("/5 (")
                .append(channel.equals("link") ? "one-click link in the resolution mail" : "reply to the resolution mail")
                .append(").");
        if (comment != null && !comment.isBlank()) {
            note.append("\n\nThe customer wrote:\n").append(comment.strip());
        }
        if (low) {
            note.append("\n\nA low score: please look at how this complaint was handled and get back to the customer.");
            if (config.lowScoreReopen()) {
                note.append(" Reopening the ticket for that (redress.satisfaction.low-score-reopen).");
            }
        }
        return note.toString();
    }

    public enum Outcome { RECORDED, ALREADY_ANSWERED, EXPIRED, FORGED, UNKNOWN, NO_SCORE }

    /**
     * What became of an answer; the request is null when the token named none.
     *
     * @param stillNews whether the mail carrying it must also go on as a reply (a low score with words)
     */
    public record Answer(Outcome outcome, Request request, Integer score, boolean stillNews) {
    }
}
