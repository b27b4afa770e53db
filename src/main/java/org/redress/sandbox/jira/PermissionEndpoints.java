package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET mypermissions}: which project permissions the caller has, globally, in a project or on an issue. The
 * sandbox grants every permission it knows but Create Attachments, which follows {@link AttachmentSettings}. It knows
 * the permissions the gateway needs, with Jira's ids and names, and refuses any other key with 400, saying that it
 * does not model it: a guess would hide a client's mistake. Jira lets anonymous callers ask; the sandbox, like every
 * one of its REST routes, wants credentials, which the gateway always sends.
 */
final class PermissionEndpoints {
    private record Permission(String id, String name, String description) {
    }

    private static final Map<String, Permission> KNOWN = known();

    private final SandboxIssues issues;
    private final AttachmentSettings attachments;

    PermissionEndpoints(SandboxIssues issues, AttachmentSettings attachments) {
        this.issues = issues;
        this.attachments = attachments;
    }

    void mine(HttpCall call, SandboxUser user) {
        List<String> keys = call.queryList("permissions");
        if (keys.isEmpty()) {
            throw JiraErrors.messages(400, "The 'permissions' query parameter is required: a comma-separated list of "
                    + "permission keys, such as BROWSE_PROJECTS,CREATE_ATTACHMENTS.");
        }
        for (String key : keys) {
            if (!KNOWN.containsKey(key)) {
                throw JiraErrors.messages(400, "The Redress Jira sandbox does not model the permission '" + key
                        + "': it models " + String.join(", ", KNOWN.keySet()) + ". (Jira itself answers 400 only for "
                        + "a key that is not one of its permissions.)");
            }
        }
        // as Jira: an id given wins over a key given beside it
        String issue = call.queryValue("issueId") != null ? call.queryValue("issueId") : call.queryValue("issueKey");
        if (issue != null) {
            issues.get(issue, FieldSelection.IDS_ONLY, List.of());
        }
        boolean byId = call.queryValue("projectId") != null;
        String project = byId ? call.queryValue("projectId") : call.queryValue("projectKey");
        if (project != null && issues.projectByKeyOrId(project) == null) {
            throw JiraErrors.messages(404, "No project could be found with " + (byId ? "id" : "key") + " '" + project
                    + "'.");
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode permissions = body.putObject("permissions");
        for (String key : keys) {
            Permission known = KNOWN.get(key);
            ObjectNode permission = permissions.putObject(key);
            permission.put("id", known.id());
            permission.put("key", key);
            permission.put("name", known.name());
            permission.put("type", "PROJECT");
            permission.put("description", known.description());
            permission.put("havePermission", !key.equals("CREATE_ATTACHMENTS") || attachments.permitted());
        }
        call.json(200, body);
    }

    private static Map<String, Permission> known() {
        Map<String, Permission> known = new LinkedHashMap<>();
        known.put("BROWSE_PROJECTS", new Permission("10", "Browse Projects",
                "Ability to browse projects and the issues within them."));
        known.put("CREATE_ISSUES", new Permission("11", "Create Issues", "Ability to create issues."));
        known.put("EDIT_ISSUES", new Permission("12", "Edit Issues", "Ability to edit issues."));
        known.put("ADD_COMMENTS", new Permission("15", "Add Comments", "Ability to comment on issues."));
        known.put("CREATE_ATTACHMENTS", new Permission("19", "Create Attachments",
                "Users with this permission may create attachments."));
        known.put("LINK_ISSUES", new Permission("21", "Link Issues",
                "Ability to link issues together and create linked issues."));
        known.put("TRANSITION_ISSUES", new Permission("46", "Transition Issues", "Ability to transition issues."));
        return Collections.unmodifiableMap(known);
    }
}
