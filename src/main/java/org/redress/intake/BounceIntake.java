package org.redress.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.redress.bounce.BounceMatcher;
import org.redress.bounce.DeliveryReport;
import org.redress.bounce.OwnMailBounce;
import org.redress.complaint.Complaint;
import org.redress.jira.AdfText;
import org.redress.jira.JiraApi;
import org.redress.jira.JiraRejectedException;
import org.redress.jira.TicketChanges;
import org.redress.store.ComplaintRegister;
import org.redress.store.ConversationIndex;
import org.redress.store.Database;
import org.redress.store.Outbox;
import org.redress.store.RegisterEntry;
import org.redress.store.Tickets;

/**
 * A delivery report saying that one of our own mails did not reach the customer becomes one internal note on that
 * mail's ticket, and is otherwise ignored: never a ticket, never answered. Any other mail goes on untouched. Like the
 * other steps it writes down what it did before and after the Jira call, so that a retry adds no second note.
 */
public final class BounceIntake {
    private final Database database;
    private final ComplaintRegister register;
    private final Tickets tickets;
    private final JiraApi jira;
    private final BounceMatcher matcher;
    private final Clock clock;

    public BounceIntake(Database database, ComplaintRegister register, ConversationIndex conversations, Outbox outbox,
                        Tickets tickets, JiraApi jira, Clock clock) {
        this.database = database;
        this.register = register;
        this.tickets = tickets;
        this.jira = jira;
        this.matcher = new BounceMatcher(conversations::ticketOfOutgoing, outbox::subjectOf);
        this.clock = clock;
    }

    public void record(MailInProgress mail) {
        Complaint report = mail.complaint();
        if (!org.redress.screening.MailScreen.isMachineReport(report)) {
            // a person's mail in our thread that happens to carry a report part is their reply, not a bounce
            return;
        }
        Optional<OwnMailBounce> found = DeliveryReport.read(mail.raw())
                .flatMap(dsn -> matcher.match(dsn, report.inReplyTo(), report.references()));
        if (found.isEmpty()) {
            return;
        }
        OwnMailBounce bounce = found.get();
        // a bounce goes no further: its description is written now (see PendingDescription)
        PendingDescription.write(register, mail);
        RegisterEntry entry = mail.entry();
        String reason = bounce.reason();
        if (entry.commentId() == null) {
            // a bounce without a comment id: an earlier attempt asked Jira and may have added the note
            String commentId = entry.isBounce() ? earlierNote(bounce.ticketKey(), entry.id()) : null;
            if (commentId == null) {
                register.bounced(entry.id(), bounce.ticketKey());
                try {
                    commentId = jira.addInternalComment(bounce.ticketKey(),
                            TicketChanges.note(bounce.note(entry.id()), null));
                } catch (JiraRejectedException e) {
                    // the ticket is gone or closed to comments: nothing to retry, the register keeps the report
                    reason = "bounce of our mail to " + bounce.recipients() + " not recorded: Jira refused the note on "
                            + bounce.ticketKey() + " (" + e.getMessage() + ")";
                }
            }
            if (commentId != null) {
                Instant now = clock.instant();
                String note = commentId;
                // one transaction, as for a reply: the note is ours (never relayed) and on the register
                database.inTransaction(connection -> {
                    tickets.ownComment(connection, note, bounce.ticketKey(), now);
                    register.commented(connection, entry.id(), note, now);
                    return null;
                });
            }
        }
        register.ignored(entry.id(), reason, clock.instant());
        mail.ignore();
        mail.entry(register.byId(entry.id()).orElseThrow());
    }

    private String earlierNote(String ticketKey, long reportId) {
        String trace = OwnMailBounce.trace(reportId);
        for (JsonNode comment : jira.comments(ticketKey)) {
            if (AdfText.plain(comment.path("body")).contains(trace)) {
                return comment.path("id").asText();
            }
        }
        return null;
    }
}
