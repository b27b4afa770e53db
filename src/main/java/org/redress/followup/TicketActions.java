package org.redress.followup;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.redress.jira.JiraApi;
import org.redress.jira.JiraRejectedException;
import org.redress.jira.TicketChanges;
import org.redress.store.FollowUpStore;
import org.redress.store.FollowUpStore.TicketEvent;
import org.redress.store.Tickets;

/**
 * Makes in Jira the changes recorded ticket events ask for: label, priority, an internal note, a transition. Events
 * are written first and applied after, so that an escalation or a customer's score decided while Jira is down
 * reaches the ticket when Jira is back; a change Jira refuses (a priority the project lacks) is recorded with Jira's
 * reason and not tried again.
 */
public final class TicketActions {
    private static final int BATCH = 50;

    private final JiraApi jira;
    private final FollowUpStore store;
    private final Tickets tickets;
    private final Clock clock;

    public TicketActions(JiraApi jira, FollowUpStore store, Tickets tickets, Clock clock) {
        this.jira = jira;
        this.store = store;
        this.tickets = tickets;
        this.clock = clock;
    }

    /**
     * Applies the pending events, oldest first. Jira being unavailable stops the batch (the exception propagates and
     * the rest waits for the next run).
     *
     * @return what was applied, for the log
     */
    public List<String> applyPending() {
        List<String> done = new ArrayList<>();
        for (TicketEvent event : store.pending(BATCH)) {
            try {
                apply(event);
                store.applied(event.id(), clock.instant(), null);
                done.add(event.kind() + " on " + event.ticketKey());
            } catch (JiraRejectedException e) {
                store.applied(event.id(), clock.instant(), e.getMessage());
                done.add(event.kind() + " on " + event.ticketKey() + " refused by Jira: " + e.getMessage());
            }
        }
        return done;
    }

    private void apply(TicketEvent event) {
        String key = event.ticketKey();
        if (event.label() != null || event.priority() != null) {
            jira.editIssue(key, TicketChanges.edit(event.label(), event.priority()));
        }
        if (event.transition() != null) {
            String wanted = event.transition().toLowerCase(Locale.ROOT);
            jira.transitions(key).stream()
                    .filter(t -> t.path("name").asText().toLowerCase(Locale.ROOT).equals(wanted))
                    .findFirst().ifPresent(t -> {
                        jira.transition(key, t.path("id").asText());
                        tickets.reopened(key);
                    });
        }
        if (event.note() != null) {
            String commentId = jira.addInternalComment(key, TicketChanges.note(event.note(), event.mention()));
            tickets.ownComment(commentId, key, clock.instant());
        }
    }
}
