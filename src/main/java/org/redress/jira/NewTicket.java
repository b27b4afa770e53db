package org.redress.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A ticket ready to be created: the create-issue request and the files to attach once it exists. */
public record NewTicket(JsonNode request, List<Upload> uploads) {
}
