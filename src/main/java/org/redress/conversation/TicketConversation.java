package org.redress.conversation;

import java.util.Locale;
import java.util.Set;

/**
 * What the gateway keeps about a ticket it opened, to carry on the conversation: who may add to it by mail, which
 * inbox and language to answer from and in, and the message the thread started with.
 *
 * @param inboxAddress the address the customer wrote to; every later mail of the conversation comes from it
 * @param participants the original complaint's To/Cc addresses minus the gateway's own, lower case
 */
public record TicketConversation(String ticketKey, long complaintId, String inboxAddress, String customer,
                                 Set<String> participants, String language, String subject, String rootMessageId) {

    public TicketConversation {
        customer = customer.toLowerCase(Locale.ROOT);
        participants = Set.copyOf(participants);
    }

    /**
     * Only the customer and the people the complaint was written with may add to the ticket by mail; anyone else
     * naming its key is a stranger and learns nothing about it.
     */
    public boolean mayUpdate(String sender) {
        String address = sender == null ? "" : sender.toLowerCase(Locale.ROOT);
        return !address.isEmpty() && (address.equals(customer) || participants.contains(address));
    }
}
