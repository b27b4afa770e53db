package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape rich text must have in requests, which is where the two Jiras differ most: Cloud's REST v3 takes
 * Atlassian Document Format objects only, Data Center's REST v2 takes wiki markup strings only. Each refuses the
 * other's shape with 400, and so does the sandbox, so that a client sending the wrong one fails here first.
 */
final class TextFormat {
    private final boolean wiki;

    TextFormat(boolean wiki) {
        this.wiki = wiki;
    }

    /** The handler, after the request's rich text values were checked. */
    Routes.Handler checked(Routes.Handler handler) {
        return (call, user) -> {
            if (call.body().length > 0) {
                check(call.jsonBody());
            }
            handler.handle(call, user);
        };
    }

    private void check(JsonNode request) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> value : richTextValues(request).entrySet()) {
            JsonNode node = value.getValue();
            if (node == null || node.isNull() || node.isMissingNode()) {
                continue;
            }
            if (wiki && !node.isTextual()) {
                problems.put(value.getKey(), "Operation value must be a string");
            } else if (!wiki && !node.isObject()) {
                problems.put(value.getKey(), JiraErrors.NOT_ADF);
            }
        }
        if (!problems.isEmpty()) {
            throw JiraErrors.fields(400, problems);
        }
    }

    /** Every rich text value of an issue, comment, transition or issue link request, by the field Jira would name. */
    private static Map<String, JsonNode> richTextValues(JsonNode request) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        if (!request.isObject()) {
            return values;
        }
        values.put("description", request.path("fields").get("description"));
        values.put("comment", request.get("body"));
        if (request.path("comment").isObject()) {
            values.put("comment", request.path("comment").get("body"));
        }
        List<JsonNode> operations = new ArrayList<>();
        request.path("update").path("description").forEach(operations::add);
        for (JsonNode operation : operations) {
            values.put("description", operation.get("set"));
        }
        for (JsonNode operation : request.path("update").path("comment")) {
            values.put("comment", operation.path("add").get("body"));
        }
        return values;
    }
}
