package org.redress.relay;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.redress.acknowledgement.CustomerMailComposer;
import org.redress.acknowledgement.ReplyMail;
import org.redress.conversation.TicketConversation;
import org.redress.jira.AdfText;
import org.redress.jira.JiraApi;
import org.redress.jira.JiraTimes;
import org.redress.satisfaction.SatisfactionSurvey;
import org.redress.store.ConversationIndex;
import org.redress.store.Database;
import org.redress.store.Outbox;
import org.redress.store.Tickets;

/**
 * Keeps the customer informed from Jira: an agent's public comment and the ticket's resolution go to the customer
 * by mail, in the thread of their complaint. Webhooks and the poller both end here, and the outbox's one-mail-per-
 * (ticket, comment) rule makes each comment reach the customer exactly once whichever path saw it first.
 */
public final class CustomerUpdates {
    /** How far back the poller looks again, for comments Jira indexed late. */
    static final Duration OVERLAP = Duration.ofMinutes(2);
    /** How long before its comment an attachment the comment shows may have been uploaded. */
    private static final Duration ATTACHED_WITH = Duration.ofMinutes(10);

    private final Tickets tickets;
    private final Outbox outbox;
    private final ConversationIndex conversations;
    private final Database database;
    private final JiraApi jira;
    private final CustomerMailComposer mails;
    private final CommentVisibility visibility;
    private final SatisfactionSurvey survey;
    private final Clock clock;
    private String ownAccountId;

    public CustomerUpdates(Tickets tickets, Outbox outbox, ConversationIndex conversations, Database database,
                           JiraApi jira, CustomerMailComposer mails, CommentVisibility visibility,
                           SatisfactionSurvey survey, Clock clock) {
        this.survey = survey;
        this.tickets = tickets;
        this.outbox = outbox;
        this.conversations = conversations;
        this.database = database;
        this.jira = jira;
        this.mails = mails;
        this.visibility = visibility;
        this.clock = clock;
    }

    /**
     * A verified Jira webhook event. The comment is read back through the REST API rather than trusted from the
     * payload: webhooks carry Jira's older comment format, and the API says whether it is restricted.
     */
    public synchronized List<String> onEvent(JsonNode event) {
        String type = event.path("webhookEvent").asText();
        String key = event.path("issue").path("key").asText();
        List<String> done = new ArrayList<>();
        String commentId = event.path("comment").path("id").asText("");
        boolean comment = !commentId.isEmpty() && (type.equals("comment_created") || type.equals("jira:issue_updated"));
        boolean statusMoved = type.equals("jira:issue_updated") && statusChanged(event);
        if (!comment && !statusMoved) {
            // a field edited, a file added (issue updated, which README's registration includes), or an event of a
            // wider registration: nothing here acts on them, so they go before the register is asked
            done.add("ignored " + type + ": neither a comment nor a change of status");
            return done;
        }
        if (key.isEmpty() || tickets.byKey(key).isEmpty()) {
            done.add("ignored " + type + ": not a ticket Redress opened");
            return done;
        }
        if (comment) {
            done.add(relayComment(key, commentId));
        }
        if (statusMoved) {
            JsonNode issue = jira.issue(key, List.of("status", "resolution", "resolutiondate"));
            if (issue != null && isDone(issue.path("fields"))) {
                done.add(relayResolution(key, issue.path("fields")));
            } else if (issue != null) {
                // an agent may have reopened it in Jira: the register's complaint is open again
                tickets.reopened(key, clock.instant());
            }
        }
        return done;
    }

    /** The fallback when Jira cannot call the gateway: what changed on Redress tickets since the last look. */
    public synchronized List<String> poll() {
        Instant now = clock.instant();
        Optional<Instant> last = tickets.polledUntil();
        List<String> done = new ArrayList<>();
        if (last.isEmpty()) {
            // the first look starts now: comments written before the gateway existed are not mailed out of the blue
            tickets.polledUntil(now);
            return done;
        }
        Instant since = last.get().minus(OVERLAP);
        long minutes = Math.max(1, Duration.between(since, now).toMinutes() + 1);
        for (JsonNode issue : jira.searchIssues("labels = redress AND updated >= -" + minutes + "m ORDER BY updated ASC",
                List.of("status", "resolution", "resolutiondate"), 1000)) {
            String key = issue.path("key").asText();
            if (tickets.byKey(key).isEmpty()) {
                continue;
            }
            for (JsonNode comment : jira.comments(key)) {
                Instant created = JiraTimes.parse(comment.path("created").asText());
                if (created == null || !created.isBefore(since)) {
                    done.add(relay(key, comment));
                }
            }
            if (isDone(issue.path("fields"))) {
                done.add(relayResolution(key, issue.path("fields")));
            } else {
                tickets.reopened(key, now);
            }
        }
        tickets.polledUntil(now);
        return done;
    }

    private String relayComment(String key, String commentId) {
        return jira.comments(key).stream().filter(c -> c.path("id").asText().equals(commentId)).findFirst()
                .map(comment -> relay(key, comment)).orElse("comment " + commentId + " on " + key + " is gone");
    }

    private String relay(String key, JsonNode comment) {
        String id = comment.path("id").asText();
        TicketConversation ticket = tickets.byKey(key).orElseThrow();
        if (tickets.isOwnComment(id) || org.redress.jira.JiraUsers.same(comment.path("author"), ownAccountId())) {
            return "comment " + id + " on " + key + ": written by the gateway, not sent back";
        }
        if (!visibility.isPublic(comment)) {
            return "comment " + id + " on " + key + ": internal, not sent";
        }
        Instant now = clock.instant();
        ReplyMail mail = mails.agentComment(ticket, comment.path("author").path("displayName").asText(""),
                AdfText.plain(comment.path("body")), id, files(key, comment), now);
        boolean queued = queue(ticket, "comment:" + id, mail, now);
        return "comment " + id + " on " + key + (queued ? ": sent to the customer" : ": already sent");
    }

    private String relayResolution(String key, JsonNode fields) {
        if (!isDone(fields)) {
            return key + " is not resolved";
        }
        TicketConversation ticket = tickets.byKey(key).orElseThrow();
        Instant resolvedAt = JiraTimes.parse(fields.path("resolutiondate").asText(""));
        String eventId = resolvedAt != null ? String.valueOf(resolvedAt.getEpochSecond())
                : Integer.toHexString(fields.path("status").toString().hashCode());
        Instant now = clock.instant();
        String text = resolutionText(key, fields);
        String resolution = fields.path("resolution").path("name").asText(fields.path("status").path("name").asText(""));
        boolean queued = database.inTransaction(connection -> {
            tickets.resolved(connection, ticket.complaintId(), resolution, resolvedAt != null ? resolvedAt : now);
            // the satisfaction question travels with the resolution: one mail, asked once per resolution
            List<String> scoreLinks = survey.ask(connection, ticket, eventId, now);
            return queue(connection, ticket, "resolved:" + eventId,
                    mails.resolved(ticket, text, scoreLinks, eventId, now), now);
        });
        return key + (queued ? " resolved: the customer is told" : " resolved: already told");
    }

    /** The last public comment an agent wrote says how it was resolved; else the resolution's name. */
    private String resolutionText(String key, JsonNode fields) {
        List<JsonNode> comments = jira.comments(key);
        for (int i = comments.size() - 1; i >= 0; i--) {
            JsonNode comment = comments.get(i);
            if (visibility.isPublic(comment) && !tickets.isOwnComment(comment.path("id").asText())
                    && !org.redress.jira.JiraUsers.same(comment.path("author"), ownAccountId())) {
                return AdfText.plain(comment.path("body"));
            }
        }
        return fields.path("resolution").path("name").asText("");
    }

    private boolean queue(TicketConversation ticket, String kind, ReplyMail mail, Instant now) {
        return database.inTransaction(connection -> queue(connection, ticket, kind, mail, now));
    }

    private boolean queue(java.sql.Connection connection, TicketConversation ticket, String kind, ReplyMail mail,
                          Instant now) throws java.sql.SQLException {
        boolean queued = outbox.enqueue(connection, ticket.complaintId(), kind, mail.messageId(), mail.from(),
                mail.to(), mail.subject(), mail.toMime(), now);
        if (queued) {
            conversations.record(connection, mail.messageId(), ticket.ticketKey(), "out", now);
        }
        return queued;
    }

    /**
     * The files an agent attached in the comment. A media node names its file by attachment id or file name
     * ({@code alt}) when it can; Jira Cloud's media ids are not attachment ids, so a node that names nothing takes
     * the comment author's attachments uploaded around the comment's time (the editor uploads them just before).
     */
    private List<ReplyMail.MailFile> files(String key, JsonNode comment) {
        List<JsonNode> media = AdfText.media(comment.path("body"));
        List<ReplyMail.MailFile> files = new ArrayList<>();
        if (media.isEmpty()) {
            return files;
        }
        JsonNode issue = jira.issue(key, List.of("attachment"));
        if (issue == null) {
            return files;
        }
        List<JsonNode> attachments = new ArrayList<>();
        issue.path("fields").path("attachment").forEach(attachments::add);
        List<JsonNode> chosen = new ArrayList<>();
        for (JsonNode attrs : media) {
            attachments.stream().filter(a -> !chosen.contains(a))
                    .filter(a -> a.path("id").asText().equals(attrs.path("id").asText())
                            || a.path("filename").asText().equals(attrs.path("alt").asText()))
                    .findFirst().or(() -> uploadedWith(comment, attachments, chosen)).ifPresent(chosen::add);
        }
        for (JsonNode attachment : chosen) {
            files.add(new ReplyMail.MailFile(attachment.path("filename").asText(),
                    attachment.path("mimeType").asText("application/octet-stream"),
                    jira.attachmentContent(attachment.path("id").asText())));
        }
        return files;
    }

    private static Optional<JsonNode> uploadedWith(JsonNode comment, List<JsonNode> attachments, List<JsonNode> chosen) {
        Instant written = JiraTimes.parse(comment.path("created").asText());
        String author = comment.path("author").path("accountId").asText();
        if (written == null) {
            return Optional.empty();
        }
        return attachments.stream().filter(a -> !chosen.contains(a))
                .filter(a -> a.path("author").path("accountId").asText().equals(author))
                .filter(a -> {
                    Instant uploaded = JiraTimes.parse(a.path("created").asText());
                    return uploaded != null && !uploaded.isBefore(written.minus(ATTACHED_WITH))
                            && !uploaded.isAfter(written.plus(Duration.ofMinutes(1)));
                })
                .reduce((first, second) -> second);
    }

    private String ownAccountId() {
        if (ownAccountId == null) {
            ownAccountId = org.redress.jira.JiraUsers.id(jira.myself());
        }
        return ownAccountId;
    }

    private static boolean statusChanged(JsonNode event) {
        for (JsonNode item : event.path("changelog").path("items")) {
            if (item.path("field").asText().equalsIgnoreCase("status") || item.path("field").asText().equals("resolution")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDone(JsonNode fields) {
        return "done".equals(fields.path("status").path("statusCategory").path("key").asText());
    }

}
