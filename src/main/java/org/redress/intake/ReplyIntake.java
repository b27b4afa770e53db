package org.redress.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.redress.acknowledgement.CustomerMailComposer;
import org.redress.acknowledgement.ReplyMail;
import org.redress.config.ConversationConfig;
import org.redress.conversation.ReplyText;
import org.redress.conversation.ThreadMatch;
import org.redress.conversation.ThreadMatcher;
import org.redress.conversation.TicketConversation;
import org.redress.jira.JiraApi;
import org.redress.jira.JiraRejectedException;
import org.redress.jira.ReplyCommentMapper;
import org.redress.satisfaction.SatisfactionSurvey;
import org.redress.store.ComplaintRegister;
import org.redress.store.ConversationIndex;
import org.redress.store.Database;
import org.redress.store.Outbox;
import org.redress.store.RegisterEntry;
import org.redress.store.Tickets;

/**
 * A customer's mail that continues a ticket: found by its headers or the key in its subject, allowed only from the
 * people of that ticket, added as a comment with its files, and answered only when it reopened the ticket. Like
 * {@link ComplaintIntake}, each step writes down that it happened so that a retry does nothing twice.
 */
public final class ReplyIntake {
    static final String REOPENED = "reopened";
    static final String FOLLOW_UP = "follow-up";
    static final String FOLLOW_UP_LINKED = "follow-up-linked";
    /** The reply answered the satisfaction question: recorded as a score, not as news. */
    public static final String RATED = "rated";

    private final ComplaintRegister register;
    private final Tickets tickets;
    private final ConversationIndex conversations;
    private final Outbox outbox;
    private final Database database;
    private final ThreadMatcher matcher;
    private final ReplyCommentMapper comments;
    private final CustomerMailComposer mails;
    private final JiraApi jira;
    private final ConversationConfig config;
    private final SatisfactionSurvey survey;
    private final Clock clock;
    private static final java.time.Duration SAME_WORDS_WINDOW = java.time.Duration.ofDays(7);
    private final org.redress.config.IntakeConfig.SizeLimits limits;
    private final String oversizedFolder;
    private final org.redress.store.FollowUpStore followUps;

    public ReplyIntake(ComplaintRegister register, Tickets tickets, ConversationIndex conversations, Outbox outbox,
                       Database database, ThreadMatcher matcher, ReplyCommentMapper comments,
                       CustomerMailComposer mails, JiraApi jira, ConversationConfig config, SatisfactionSurvey survey,
                       Clock clock, org.redress.config.IntakeConfig intake, org.redress.store.FollowUpStore followUps) {
        this.followUps = followUps;
        this.limits = intake.limits();
        this.oversizedFolder = intake.oversizedFolder();
        this.survey = survey;
        this.register = register;
        this.tickets = tickets;
        this.conversations = conversations;
        this.outbox = outbox;
        this.database = database;
        this.matcher = matcher;
        this.comments = comments;
        this.mails = mails;
        this.jira = jira;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Decides whether the mail continues a ticket. A stranger naming a ticket, a sender who may be forged (their
     * domain failed DMARC), or a reply to a resolved ticket when follow-ups are configured, gets a ticket of its own
     * that mentions the other key.
     */
    public void thread(MailInProgress mail) {
        RegisterEntry entry = mail.entry();
        if (entry.isReply()) {
            mail.thread(new ThreadMatch(entry.ticketKey(), rule(entry.threadRule())));
            return;
        }
        if (entry.claimedKey() != null) {
            return;
        }
        Optional<ThreadMatch> match = matcher.match(mail.complaint());
        if (match.isEmpty() && entry.ticketKey() == null && !register.ticketRequested(entry.id())) {
            // only before a ticket of its own was asked for: a retry must not move the mail off that ticket
            match = sameWordsAgain(mail);
        }
        if (match.isEmpty()) {
            return;
        }
        String key = match.get().ticketKey();
        Optional<TicketConversation> ticket = tickets.byKey(key);
        boolean threaded;
        boolean followUp = false;
        if (ticket.isEmpty() || !ticket.get().mayUpdate(mail.complaint().sender().address())
                || mail.isSenderUnverified()) {
            threaded = false;
        } else if (survey.isAnswer(key, ReplyText.newWords(mail.complaint().text())) && resolved(key)) {
            // an answer to the satisfaction question: it neither reopens nor follows up the resolved ticket
            // (Jira is asked too: an agent may have reopened it since)
            threaded = true;
        } else if (config.resolvedReply() == ConversationConfig.ResolvedReply.FOLLOW_UP && resolved(key)) {
            threaded = false;
            followUp = true;
        } else {
            threaded = true;
        }
        boolean asFollowUp = followUp;
        String rule = match.get().rule().code();
        // the description goes with the decision, one commit: no new ticket will carry it (see PendingDescription)
        database.inTransaction(connection -> {
            PendingDescription.write(connection, register, mail);
            if (threaded) {
                register.threaded(connection, entry.id(), key, rule);
            } else {
                register.claimed(connection, entry.id(), key);
                if (asFollowUp) {
                    register.resolvedAction(connection, entry.id(), FOLLOW_UP, null);
                }
            }
            return null;
        });
        mail.markDescribed();
        if (threaded) {
            mail.thread(match.get());
        }
        mail.entry(register.byId(entry.id()).orElseThrow());
    }

    /**
     * The ticket of the same words sent by the same address in the last {@link #SAME_WORDS_WINDOW}: a resend, or an
     * auto-responder answering our mail with its fixed text under a subject of its own.
     */
    private Optional<ThreadMatch> sameWordsAgain(MailInProgress mail) {
        return register.ticketOfSameWords(mail.entry().id(), mail.inbox().id(), mail.complaint().sender().address(),
                        mail.sameWords(),
                        clock.instant().minus(SAME_WORDS_WINDOW))
                .map(key -> new ThreadMatch(key, ThreadMatch.Rule.SAME_WORDS));
    }

    /**
     * A reply that answers the satisfaction question becomes the ticket's score and ends there — unless it is a low
     * score with words, which are news too: the mail then goes on to the ticket as a reply (and reopens it).
     */
    public void takeScore(MailInProgress mail) {
        RegisterEntry entry = mail.entry();
        if (entry.commentId() != null || (entry.resolvedAction() != null && !RATED.equals(entry.resolvedAction()))) {
            return;
        }
        String outcome = "recorded before a retry";
        if (!RATED.equals(entry.resolvedAction())) {
            String newWords = ReplyText.newWords(mail.complaint().text());
            if (!survey.isAnswer(entry.ticketKey(), newWords)) {
                return;
            }
            SatisfactionSurvey.Answer answer = survey.answerByMail(entry.ticketKey(), newWords);
            if (answer.stillNews()) {
                return;
            }
            outcome = answer.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            register.resolvedAction(entry.id(), RATED, entry.ticketKey());
        }
        Instant now = clock.instant();
        database.inTransaction(connection -> {
            conversations.record(connection, mail.complaint().messageId(), entry.ticketKey(), "in", now);
            register.replyDone(connection, entry.id(), now);
            return null;
        });
        mail.entry(register.byId(entry.id()).orElseThrow());
        mail.scored(outcome);
    }

    /** Ties a follow-up ticket to the resolved one it continues, once (Jira shows the link on both). */
    public void linkFollowUp(MailInProgress mail) {
        RegisterEntry entry = mail.entry();
        if (!FOLLOW_UP.equals(entry.resolvedAction())) {
            return;
        }
        jira.link(config.followUpLink(), entry.ticketKey(), entry.claimedKey());
        register.resolvedAction(entry.id(), FOLLOW_UP_LINKED, entry.ticketKey());
        mail.entry(register.byId(entry.id()).orElseThrow());
    }

    /** Adds the customer's new words to the ticket, reopening it first when it was resolved. */
    public void comment(MailInProgress mail) {
        RegisterEntry entry = mail.entry();
        if (entry.commentId() != null) {
            return;
        }
        String key = entry.ticketKey();
        if (entry.resolvedAction() == null && resolved(key)) {
            jira.transition(key, reopenTransition(key));
            register.resolvedAction(entry.id(), REOPENED, key);
            tickets.reopened(key, clock.instant());
        }
        ReplyCommentMapper.ReplyComment comment = commentFor(mail);
        String commentId = jira.addComment(key, comment.body());
        mail.markFilesTargetMadeHere();
        Instant now = clock.instant();
        // one transaction: the comment is ours (not relayed back to the customer), on the register, in the thread
        database.inTransaction(connection -> {
            tickets.ownComment(connection, commentId, key, now);
            register.commented(connection, entry.id(), commentId, now);
            conversations.record(connection, mail.complaint().messageId(), key, "in", now);
            return null;
        });
        mail.entry(register.byId(entry.id()).orElseThrow());
    }

    /** Uploads the reply's files and the whole .eml; a retry uploads only those the ticket does not have. */
    public void attachFiles(MailInProgress mail) {
        if (mail.entry().attachmentsAt() == null) {
            TicketFiles.upload(jira, mail, commentFor(mail).uploads(), limits.maxAttachmentBytes());
        }
    }

    /**
     * A reply on an open ticket is not acknowledged again (the customer already has the reference); a reply that
     * reopened a resolved ticket is, so that the customer knows the case is open again.
     */
    public void answer(MailInProgress mail) {
        RegisterEntry entry = mail.entry();
        if (entry.acknowledgedAt() != null) {
            return;
        }
        TicketConversation ticket = tickets.byKey(entry.ticketKey()).orElseThrow();
        Instant now = clock.instant();
        ReplyMail reply = REOPENED.equals(entry.resolvedAction())
                ? mails.replyReceived(ticket, mail.complaint(), entry.id(), now) : null;
        database.inTransaction(connection -> {
            if (mail.filesUploaded() >= 0) {
                register.attachmentsUploaded(connection, entry.id(), mail.filesUploaded(), now);
                TicketFiles.recordRefused(connection, followUps, mail, now);
            }
            if (reply != null) {
                outbox.enqueue(connection, entry.id(), ComplaintIntake.ACKNOWLEDGEMENT, reply.messageId(),
                        reply.from(), reply.to(), reply.subject(), reply.toMime(), now);
                conversations.record(connection, reply.messageId(), ticket.ticketKey(), "out", now);
            }
            register.replyDone(connection, entry.id(), now);
            return null;
        });
        mail.entry(register.byId(entry.id()).orElseThrow());
    }

    private ReplyCommentMapper.ReplyComment commentFor(MailInProgress mail) {
        String reopened = REOPENED.equals(mail.entry().resolvedAction())
                ? "The ticket was resolved; this reply reopened it." : null;
        if (ThreadMatch.Rule.SAME_WORDS.code().equals(mail.entry().threadRule())) {
            reopened = (reopened == null ? "" : reopened + " ") + "The same words again from the same address, under "
                    + "a subject of their own (a resend, or an automatic answer): added here, not acknowledged again.";
        }
        String size = SizeNotes.of(mail, limits.maxAttachmentBytes(), oversizedFolder);
        String note = reopened == null ? size : size == null ? reopened : reopened + " " + size;
        return comments.map(mail.complaint(), mail.entry().id(), ReplyText.newWords(mail.complaint().text()), note,
                mail.rawToAttach(limits.maxAttachmentBytes()));
    }

    private boolean resolved(String key) {
        JsonNode issue = jira.issue(key, List.of("status", "resolution"));
        return issue != null && "done".equals(issue.path("fields").path("status").path("statusCategory").path("key").asText());
    }

    private String reopenTransition(String key) {
        String wanted = config.reopenTransition().toLowerCase(Locale.ROOT);
        return jira.transitions(key).stream()
                .filter(t -> t.path("name").asText().toLowerCase(Locale.ROOT).equals(wanted)
                        || t.path("id").asText().equals(config.reopenTransition()))
                .map(t -> t.path("id").asText()).findFirst()
                .orElseThrow(() -> new JiraRejectedException(409, key + " is resolved and offers no transition named '"
                        + config.reopenTransition() + "' (redress.conversation.reopen-transition)"));
    }

    private static ThreadMatch.Rule rule(String code) {
        for (ThreadMatch.Rule rule : ThreadMatch.Rule.values()) {
            if (rule.code().equals(code)) {
                return rule;
            }
        }
        return ThreadMatch.Rule.SUBJECT_KEY;
    }
}
