package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Webhook bodies in the shape Jira Cloud posts them. The issue and comment inside are
 * {@link IssueJson}'s own renderings, so a receiver sees exactly what GET /issue would show at the
 * moment of the change, and code written against the sandbox's events also reads Jira's.
 */
final class WebhookPayloads {

    static final String ISSUE_CREATED = "jira:issue_created";
    static final String ISSUE_UPDATED = "jira:issue_updated";
    static final String COMMENT_CREATED = "comment_created";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final IssueJson json;

    WebhookPayloads(IssueJson json) {
        this.json = json;
    }

    ObjectNode issueCreated(StoredIssue issue, SandboxUser user) {
        ObjectNode event = envelope(issue.created, ISSUE_CREATED);
        event.put("issue_event_type_name", "issue_created");
        event.set("user", user(user));
        event.set("issue", issue(issue));
        return event;
    }

    /**
     * Jira reports a workflow transition as a generic update whose changelog carries the status
     * move and, when the resolution changed with it, the resolution move first (as in Jira's own
     * payloads). Receivers key on these items, not on the event name, to see a case closed.
     */
    ObjectNode issueTransitioned(StoredIssue issue, SandboxUser user, long changelogId,
                                 Workflow.Status fromStatus, String fromResolutionId) {
        List<ObjectNode> items = new ArrayList<>();
        if (!Objects.equals(fromResolutionId, issue.resolutionId)) {
            FieldCatalog.Option from = resolution(fromResolutionId);
            FieldCatalog.Option to = resolution(issue.resolutionId);
            items.add(item("resolution", fromResolutionId, from == null ? null : from.name(),
                    issue.resolutionId, to == null ? null : to.name()));
        }
        Workflow.Status toStatus = Workflow.statusById(issue.statusId);
        items.add(item("status", fromStatus.id(), fromStatus.name(), toStatus.id(), toStatus.name()));
        return updated(issue, user, changelogId, "issue_generic", items);
    }

    /**
     * A field edited, or files added, as Jira reports them to a webhook registered for issue updates: an update
     * whose changelog names each change (an added file as an {@code Attachment} item holding its id and name). A
     * receiver listening for comments and status moves sees one and lets it go.
     */
    ObjectNode issueUpdated(StoredIssue issue, SandboxUser user, long changelogId, List<ObjectNode> items) {
        return updated(issue, user, changelogId, "issue_updated", items);
    }

    private ObjectNode updated(StoredIssue issue, SandboxUser user, long changelogId, String typeName,
                               List<ObjectNode> items) {
        ObjectNode event = envelope(issue.updated, ISSUE_UPDATED);
        event.put("issue_event_type_name", typeName);
        event.set("user", user(user));
        event.set("issue", issue(issue));
        ObjectNode changelog = event.putObject("changelog");
        changelog.put("id", String.valueOf(changelogId));
        changelog.putArray("items").addAll(items);
        return event;
    }

    static ObjectNode attachmentAdded(StoredAttachment attachment) {
        return item("Attachment", null, null, String.valueOf(attachment.id), attachment.filename)
                .put("fieldId", "attachment");
    }

    static ObjectNode fieldChanged(String field, String from, String fromString, String to, String toString) {
        return item(field, from, fromString, to, toString);
    }

    /** Jira Cloud sends no {@code user} with comment events; the comment's author says who. */
    ObjectNode commentCreated(StoredIssue issue, StoredComment comment) {
        ObjectNode event = envelope(comment.created, COMMENT_CREATED);
        ObjectNode rendered = json.comment(issue, comment);
        rendered.remove("jsdPublic");
        event.set("comment", rendered);
        event.set("issue", issue(issue));
        return event;
    }

    private static ObjectNode envelope(long timestamp, String webhookEvent) {
        ObjectNode event = NODES.objectNode();
        event.put("timestamp", timestamp);
        event.put("webhookEvent", webhookEvent);
        return event;
    }

    private ObjectNode issue(StoredIssue issue) {
        ObjectNode node = json.issue(issue, FieldSelection.ALL, List.of());
        node.remove("expand");
        return node;
    }

    private ObjectNode user(SandboxUser user) {
        return json.user(user.accountId(), user.emailAddress(), user.displayName());
    }

    private static FieldCatalog.Option resolution(String id) {
        return id == null ? null : FieldCatalog.byId(FieldCatalog.RESOLUTIONS, id);
    }

    private static ObjectNode item(String field, String from, String fromString, String to, String toString) {
        ObjectNode item = NODES.objectNode();
        item.put("field", field);
        item.put("fieldtype", "jira");
        item.put("fieldId", field);
        item.put("from", from);
        item.put("fromString", fromString);
        item.put("to", to);
        item.put("toString", toString);
        return item;
    }
}
