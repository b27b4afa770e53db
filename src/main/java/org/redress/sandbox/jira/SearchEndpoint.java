package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Enhanced JQL search ({@code /rest/api/3/search/jql}), GET and POST. Paging is by opaque
 * {@code nextPageToken} only, like Jira Cloud since the old offset search was removed, so clients
 * written against the sandbox page the way they must against Jira.
 */
final class SearchEndpoint {

    private static final int DEFAULT_MAX_RESULTS = 50;
    private static final int MAX_RESULTS_IDS_ONLY = 5000;
    private static final int MAX_RESULTS_WITH_FIELDS = 100;
    private static final int MAX_PROPERTIES = 5;
    private static final String TOKEN_PREFIX = "redress-sandbox-offset:";
    private static final int MAX_RESULTS_OFFSET = 1000;
    private static final Set<String> OFFSET_BODY_KEYS = Set.of("jql", "fields", "maxResults", "startAt", "expand",
            "validateQuery", "properties", "fieldsByKeys");
    private static final Set<String> BODY_KEYS = Set.of("jql", "fields", "maxResults", "nextPageToken", "properties",
            "expand", "fieldsByKeys", "reconcileIssues");

    private final SandboxIssues issues;

    SearchEndpoint(SandboxIssues issues) {
        this.issues = issues;
    }

    void get(HttpCall call, SandboxUser user) {
        search(call, call.queryValue("jql"), call.queryList("fields"), call.queryInt("maxResults"),
                call.queryValue("nextPageToken"), call.queryList("properties"));
    }

    void post(HttpCall call, SandboxUser user) {
        JsonNode body = knownFieldsOnly(call.jsonBody(), BODY_KEYS);
        JsonNode jql = body.path("jql");
        JsonNode maxResults = body.path("maxResults");
        JsonNode token = body.path("nextPageToken");
        if (!jql.isMissingNode() && !jql.isNull() && !jql.isTextual()) {
            throw JiraErrors.messages(400, "'jql' must be a string");
        }
        if (!maxResults.isMissingNode() && !maxResults.isNull() && !maxResults.isIntegralNumber()) {
            throw JiraErrors.messages(400, "'maxResults' must be an integer");
        }
        if (!token.isMissingNode() && !token.isNull() && !token.isTextual()) {
            throw JiraErrors.messages(400, "'nextPageToken' must be a string");
        }
        search(call, jql.isTextual() ? jql.asText() : null, strings(body.path("fields"), "fields"),
                maxResults.isIntegralNumber() ? maxResults.asInt() : null,
                token.isTextual() ? token.asText() : null, strings(body.path("properties"), "properties"));
    }

    private void search(HttpCall call, String jql, List<String> fieldList, Integer maxResults, String token, List<String> properties) {
        if (properties.size() > MAX_PROPERTIES) {
            throw JiraErrors.messages(400, "At most " + MAX_PROPERTIES + " issue properties can be requested.");
        }
        FieldSelection fields = FieldSelection.parse(fieldList, FieldSelection.IDS_ONLY);
        int cap = fields.includesAnyField() ? MAX_RESULTS_WITH_FIELDS : MAX_RESULTS_IDS_ONLY;
        int max = Math.max(1, Math.min(cap, maxResults == null ? DEFAULT_MAX_RESULTS : maxResults));
        SandboxIssues.SearchPage page = issues.search(jql, fields, properties, offset(token), max);
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode list = result.putArray("issues");
        page.issues().forEach(list::add);
        result.put("isLast", page.isLast());
        if (!page.isLast()) {
            result.put("nextPageToken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((TOKEN_PREFIX + page.nextOffset()).getBytes(StandardCharsets.UTF_8)));
        }
        call.json(200, result);
    }

    /** Data Center's GET /rest/api/2/search: paged by startAt, with the total. */
    void getByOffset(HttpCall call, SandboxUser user) {
        Integer startAt = call.queryInt("startAt");
        searchByOffset(call, call.queryValue("jql"), call.queryList("fields"), call.queryInt("maxResults"),
                startAt == null ? 0 : startAt);
    }

    /** Data Center's POST /rest/api/2/search. */
    void postByOffset(HttpCall call, SandboxUser user) {
        JsonNode body = knownFieldsOnly(call.jsonBody(), OFFSET_BODY_KEYS);
        JsonNode jql = body.path("jql");
        if (!jql.isMissingNode() && !jql.isNull() && !jql.isTextual()) {
            throw JiraErrors.messages(400, "'jql' must be a string");
        }
        for (String number : List.of("maxResults", "startAt")) {
            JsonNode value = body.path(number);
            if (!value.isMissingNode() && !value.isNull() && !value.isIntegralNumber()) {
                throw JiraErrors.messages(400, "'" + number + "' must be an integer");
            }
        }
        searchByOffset(call, jql.isTextual() ? jql.asText() : null, strings(body.path("fields"), "fields"),
                body.path("maxResults").isIntegralNumber() ? body.path("maxResults").asInt() : null,
                body.path("startAt").asInt(0));
    }

    private void searchByOffset(HttpCall call, String jql, List<String> fieldList, Integer maxResults, int startAt) {
        if (startAt < 0) {
            throw JiraErrors.messages(400, "'startAt' must not be negative");
        }
        // Data Center returns the navigable fields when none are named, and at most 1000 issues a page by default
        FieldSelection fields = FieldSelection.parse(fieldList, FieldSelection.IDS_ONLY);
        int max = Math.max(0, Math.min(MAX_RESULTS_OFFSET, maxResults == null ? DEFAULT_MAX_RESULTS : maxResults));
        SandboxIssues.SearchPage page = issues.search(jql, fields, List.of(), startAt, Math.max(1, max));
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("expand", "schema,names");
        result.put("startAt", startAt);
        result.put("maxResults", max);
        result.put("total", page.total());
        ArrayNode list = result.putArray("issues");
        page.issues().stream().limit(max).forEach(list::add);
        call.json(200, result);
    }

    /** A JSON object with none but the named fields, as Jira insists; a 400 otherwise. */
    private static JsonNode knownFieldsOnly(JsonNode body, Set<String> known) {
        if (!body.isObject()) {
            throw JiraErrors.messages(400, "Request body must be a JSON object");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw JiraErrors.messages(400, "Unrecognized field \"" + name + "\"");
            }
        }
        return body;
    }

    private static int offset(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith(TOKEN_PREFIX)) {
                return Integer.parseInt(decoded.substring(TOKEN_PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // fall through to the error below
        }
        throw JiraErrors.messages(400, "The provided next page token is invalid or expired.");
    }

    private static List<String> strings(JsonNode node, String name) {
        List<String> values = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            throw JiraErrors.messages(400, "'" + name + "' must be an array of strings");
        }
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw JiraErrors.messages(400, "'" + name + "' must be an array of strings");
            }
            for (String part : item.asText().split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
        }
        return values;
    }
}
