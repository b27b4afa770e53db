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

    /** The same ticket with one more label and a warning above everything else in its description. */
    public NewTicket flagged(String label, String heading, String warning) {
        NewTicket labelled = labelled(label);
        JsonNode line = new Adf().labelled(heading, warning).document().path("content").get(0);
        ((ArrayNode) labelled.request.path("fields").path("description").path("content")).insert(0, line);
        return labelled;
    }
}
