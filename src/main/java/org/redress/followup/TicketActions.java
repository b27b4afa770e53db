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
 * reason and not tried again, and the event's other changes are made all the same.
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
            List<String> refused = apply(event);
            store.applied(event.id(), clock.instant(), refused.isEmpty() ? null : String.join("; ", refused));
            done.add(event.kind() + " on " + event.ticketKey() + (refused.isEmpty() ? "" : ", Jira refused: " + refused));
        }
        return done;
    }

    /**
     * Each change on its own, so that Jira refusing one (a priority missing from the edit screen) does not cost the
     * others; the note comes last, so that a retry after an outage repeats only changes that are harmless twice.
     *
     * @return what Jira refused
     */
    private List<String> apply(TicketEvent event) {
        String key = event.ticketKey();
        List<String> refused = new ArrayList<>();
        if (event.label() != null) {
            attempt(refused, "label", () -> jira.editIssue(key, TicketChanges.edit(event.label(), null)));
        }
        if (event.priority() != null) {
            attempt(refused, "priority", () -> jira.editIssue(key, TicketChanges.edit(null, event.priority())));
        }
        if (event.transition() != null) {
            attempt(refused, "transition", () -> transition(key, event.transition()));
        }
        if (event.note() != null) {
            attempt(refused, "note", () -> {
                String commentId = jira.addInternalComment(key, TicketChanges.note(event.note(), event.mention()));
                tickets.ownComment(commentId, key, clock.instant());
            });
        }
        return refused;
    }

    private void transition(String key, String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        String id = jira.transitions(key).stream()
                .filter(t -> t.path("name").asText().toLowerCase(Locale.ROOT).equals(wanted))
                .map(t -> t.path("id").asText()).findFirst()
                .orElseThrow(() -> new JiraRejectedException(409, "no transition named '" + name + "' from the "
                        + "ticket's status now"));
        jira.transition(key, id);
        tickets.reopened(key, clock.instant());
    }

    private static void attempt(List<String> refused, String what, Runnable change) {
        try {
            change.run();
        } catch (JiraRejectedException e) {
            refused.add(what + ": " + e.getMessage());
        }
    }
}
