package org.redress.followup;

import org.redress.config.InboxConfig;
import org.redress.conversation.TicketConversation;

/**
 * An unresolved ticket as the reminder route sees it on one look at Jira.
 *
 * @param inProgress whether an agent has started on it (Jira's "In Progress" status category)
 * @param waiting    whether it is in one of the waiting-for-customer statuses
 * @param priority   its priority's name in Jira, or null when the project has none
 */
public record OpenTicket(TicketConversation ticket, InboxConfig inbox, String status, boolean inProgress,
                         boolean waiting, String priority) {

    public String key() {
        return ticket.ticketKey();
    }

    @Override
    public String toString() {
        return key() + " (" + status + (priority == null ? "" : ", " + priority) + ")";
    }
}
