package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** REST handlers for issues, their comments, transitions and properties: HTTP in, {@link SandboxIssues} calls out. */
final class IssueEndpoints {

    private static final int MAX_COMMENT_PAGE = 5000;

    private final SandboxIssues issues;

    IssueEndpoints(SandboxIssues issues) {
        this.issues = issues;
    }

    void create(HttpCall call, SandboxUser user) {
        call.json(201, issues.create(call.jsonBody(), user));
    }

    void get(HttpCall call, SandboxUser user) {
        FieldSelection fields = FieldSelection.parse(call.queryList("fields"), FieldSelection.ALL);
        call.json(200, issues.get(call.pathParam(0), fields, call.queryList("properties")));
    }

    void edit(HttpCall call, SandboxUser user) {
        JsonNode body = call.jsonBody();
        issues.edit(call.pathParam(0), body, user);
        if (call.queryFlag("returnIssue")) {
            call.json(200, issues.get(call.pathParam(0), FieldSelection.ALL, java.util.List.of()));
        } else {
            call.noContent();
        }
    }

    void comments(HttpCall call, SandboxUser user) {
        Integer startAt = call.queryInt("startAt");
        Integer maxResults = call.queryInt("maxResults");
        String orderBy = call.queryValue("orderBy");
        if (orderBy != null && !orderBy.isEmpty() && !orderBy.equals("created") && !orderBy.equals("+created")
                && !orderBy.equals("-created")) {
            throw JiraErrors.messages(400, "The orderBy value '" + orderBy + "' is not supported; use created, +created or -created.");
        }
        int start = Math.max(0, startAt == null ? 0 : startAt);
        int max = Math.min(MAX_COMMENT_PAGE, Math.max(0, maxResults == null ? 100 : maxResults));
        call.json(200, issues.comments(call.pathParam(0), start, max, "-created".equals(orderBy)));
    }

    void addComment(HttpCall call, SandboxUser user) {
        call.json(201, issues.addComment(call.pathParam(0), call.jsonBody(), user));
    }

    void transitions(HttpCall call, SandboxUser user) {
        call.json(200, issues.transitions(call.pathParam(0), call.queryValue("transitionId")));
    }

    void transition(HttpCall call, SandboxUser user) {
        issues.transition(call.pathParam(0), call.jsonBody(), user);
        call.noContent();
    }

    void propertyKeys(HttpCall call, SandboxUser user) {
        call.json(200, issues.propertyKeys(call.pathParam(0)));
    }

    void property(HttpCall call, SandboxUser user) {
        call.json(200, issues.property(call.pathParam(0), call.pathParam(1)));
    }

    void setProperty(HttpCall call, SandboxUser user) {
        boolean created = issues.setProperty(call.pathParam(0), call.pathParam(1), call.jsonBody());
        call.send(created ? 201 : 200, null, new byte[0], Map.of());
    }

    void deleteProperty(HttpCall call, SandboxUser user) {
        issues.deleteProperty(call.pathParam(0), call.pathParam(1));
        call.noContent();
    }
}
