package org.redress.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;

/** A ticket ready to be created: the create-issue request and the files to attach once it exists. */
public record NewTicket(JsonNode request, List<Upload> uploads) {

    /** The same ticket with one more label. */
    public NewTicket labelled(String label) {
        JsonNode copy = request.deepCopy();
        ((ArrayNode) copy.path("fields").path("labels")).add(label);
        return new NewTicket(copy, uploads);
    }
}
