package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET issue/createmeta/{project}/issuetypes}: the issue types one may create in a project, a page at a time,
 * in Jira Cloud's page ({@code issueTypes}) or Data Center's ({@code values}, {@code isLast}). Every sandbox project
 * offers the sandbox's issue types. Jira lets anonymous callers ask; the sandbox, like every one of its REST routes,
 * wants credentials, which the gateway always sends.
 */
final class ProjectEndpoints {
    private static final int MAX_RESULTS = 200;

    private final SandboxIssues issues;
    private final String baseUrl;
    private final String api;
    private final boolean dataCenter;

    ProjectEndpoints(SandboxIssues issues, String baseUrl, boolean dataCenter) {
        this.issues = issues;
        this.baseUrl = baseUrl;
        this.api = dataCenter ? "/rest/api/2" : "/rest/api/3";
        this.dataCenter = dataCenter;
    }

    void issueTypes(HttpCall call, SandboxUser user) {
        String project = call.pathParam(0);
        if (issues.projectByKeyOrId(project) == null) {
            // the spec gives this operation no 404: an unknown project is an invalid request here
            throw JiraErrors.messages(400, "No project could be found with key '" + project + "'.");
        }
        int startAt = Objects.requireNonNullElse(call.queryInt("startAt"), 0);
        int maxResults = Objects.requireNonNullElse(call.queryInt("maxResults"), 50);
        if (maxResults > MAX_RESULTS) {
            throw JiraErrors.messages(400, "Parameter 'maxResults' must not exceed the limit '" + MAX_RESULTS + "'");
        }
        if (startAt < 0 || maxResults < 0) {
            throw JiraErrors.messages(400, "Parameters 'startAt' and 'maxResults' must not be negative.");
        }
        List<FieldCatalog.Option> all = FieldCatalog.ISSUE_TYPES;
        List<FieldCatalog.Option> page = all.subList(Math.min(startAt, all.size()),
                Math.min(all.size(), startAt + maxResults));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode types = body.putArray(dataCenter ? "values" : "issueTypes");
        for (FieldCatalog.Option type : page) {
            ObjectNode node = types.addObject();
            node.put("self", baseUrl + api + "/issuetype/" + type.id());
            node.put("id", type.id());
            node.put("name", type.name());
            node.put("description", "A " + type.name().toLowerCase(java.util.Locale.ROOT) + " (Redress Jira sandbox)");
            node.put("subtask", false);
        }
        body.put("maxResults", maxResults);
        body.put("startAt", startAt);
        body.put("total", all.size());
        if (dataCenter) {
            body.put("isLast", startAt + page.size() >= all.size());
        }
        call.json(200, body);
    }
}
