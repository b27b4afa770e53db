package org.redress.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The request bodies of the changes follow-ups make to a ticket: an internal note, a label, a priority. */
public final class TicketChanges {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private TicketChanges() {
    }

    /**
     * A note for agents, opening with a mention of {@code accountId} when there is one (Jira notifies that user).
     * The text is the gateway's own, with customer words only as text nodes.
     */
    public static JsonNode note(String text, String accountId) {
        Adf adf = new Adf();
        if (accountId != null) {
            adf.mention(accountId);
        }
        return adf.prose(text).document();
    }

    /** PUT issue body adding a label (an {@code update} operation: other labels stay) and setting a priority. */
    public static JsonNode edit(String label, String priority) {
        ObjectNode edit = JSON.objectNode();
        if (label != null) {
            edit.putObject("update").putArray("labels").addObject().put("add", label);
        }
        if (priority != null) {
            edit.putObject("fields").putObject("priority").put("name", priority);
        }
        return edit;
    }
}
