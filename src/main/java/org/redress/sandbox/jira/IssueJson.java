package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Renders stored state in Jira Cloud's v3 response shapes. Kept apart from the store so the REST
 * answers, {@link JiraSandbox#issue(String)} and the HTML pages all show exactly the same JSON.
 */
final class IssueJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String baseUrl;
    /** The REST base of self links: Data Center's v2 or Cloud's v3. */
    private final String api;
    private final boolean dataCenter;
    private final Function<String, SandboxProject> projects;
    private final Function<StoredIssue, List<IssueLinks.Seen>> links;

    /** For rendering without a store (users, server info): issues show no links. */
    IssueJson(String baseUrl, Function<String, SandboxProject> projects) {
        this(baseUrl, projects, issue -> List.of(), false);
    }

    /** @param links an issue's links as seen from it; called with the store's lock held */
    IssueJson(String baseUrl, Function<String, SandboxProject> projects, Function<StoredIssue, List<IssueLinks.Seen>> links,
              boolean dataCenter) {
        this.api = dataCenter ? "/rest/api/2" : "/rest/api/3";
        this.dataCenter = dataCenter;
        this.baseUrl = baseUrl;
        this.projects = projects;
        this.links = links;
    }

    String issueSelf(StoredIssue issue) {
        return baseUrl + api + "/issue/" + issue.id;
    }

    ObjectNode created(StoredIssue issue) {
        ObjectNode node = NODES.objectNode();
        node.put("id", String.valueOf(issue.id));
        node.put("key", issue.key);
        node.put("self", issueSelf(issue));
        return node;
    }

    ObjectNode issue(StoredIssue issue, FieldSelection selection, Collection<String> propertyKeys) {
        ObjectNode node = NODES.objectNode();
        node.put("expand", "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations");
        node.put("id", String.valueOf(issue.id));
        node.put("self", issueSelf(issue));
        node.put("key", issue.key);
        if (!propertyKeys.isEmpty()) {
            ObjectNode props = node.putObject("properties");
            for (String key : propertyKeys) {
                JsonNode value = issue.properties.get(key);
                if (value != null) {
                    props.set(key, value.deepCopy());
                }
            }
        }
        if (!selection.includesAnyField()) {
            return node;
        }
        ObjectNode fields = node.putObject("fields");
        if (selection.includes("summary")) {
            fields.put("summary", issue.summary);
        }
        if (selection.includes("description")) {
            fields.set("description", issue.description == null ? NODES.nullNode() : issue.description.deepCopy());
        }
        if (selection.includes("labels")) {
            ArrayNode labels = fields.putArray("labels");
            issue.labels.forEach(labels::add);
        }
        if (selection.includes("status")) {
            fields.set("status", status(Workflow.statusById(issue.statusId)));
        }
        if (selection.includes("project")) {
            fields.set("project", project(projects.apply(issue.projectKey)));
        }
        if (selection.includes("issuetype")) {
            fields.set("issuetype", issueType(issue));
        }
        if (selection.includes("created")) {
            fields.put("created", JiraTime.format(issue.created));
        }
        if (selection.includes("updated")) {
            fields.put("updated", JiraTime.format(issue.updated));
        }
        if (selection.includes("resolution")) {
            if (issue.resolutionId == null) {
                fields.putNull("resolution");
            } else {
                FieldCatalog.Option resolution = FieldCatalog.byId(FieldCatalog.RESOLUTIONS, issue.resolutionId);
                ObjectNode res = fields.putObject("resolution");
                res.put("self", baseUrl + api + "/resolution/" + resolution.id());
                res.put("id", resolution.id());
                res.put("name", resolution.name());
            }
        }
        if (selection.includes("resolutiondate")) {
            if (issue.resolutionDate == null) {
                fields.putNull("resolutiondate");
            } else {
                fields.put("resolutiondate", JiraTime.format(issue.resolutionDate));
            }
        }
        if (selection.includes("priority")) {
            fields.set("priority", priority(issue));
        }
        if (selection.includes("attachment")) {
            ArrayNode attachments = fields.putArray("attachment");
            issue.attachments.forEach(a -> attachments.add(attachment(a)));
        }
        if (selection.includes("comment")) {
            ObjectNode comment = fields.putObject("comment");
            ArrayNode comments = comment.putArray("comments");
            issue.comments.forEach(c -> comments.add(comment(issue, c)));
            comment.put("self", issueSelf(issue) + "/comment");
            comment.put("maxResults", issue.comments.size());
            comment.put("total", issue.comments.size());
            comment.put("startAt", 0);
        }
        if (selection.includes("issuelinks")) {
            ArrayNode issueLinks = fields.putArray("issuelinks");
            links.apply(issue).forEach(seen -> issueLinks.add(issueLink(seen)));
        }
        if (selection.includes("reporter")) {
            fields.set("reporter", user(issue.reporterAccountId, issue.reporterEmail, issue.reporterName));
        }
        if (selection.includes("creator")) {
            fields.set("creator", user(issue.reporterAccountId, issue.reporterEmail, issue.reporterName));
        }
        return node;
    }

    private ObjectNode issueType(StoredIssue issue) {
        FieldCatalog.Option type = FieldCatalog.byId(FieldCatalog.ISSUE_TYPES, issue.issueTypeId);
        ObjectNode node = NODES.objectNode();
        node.put("self", baseUrl + api + "/issuetype/" + type.id());
        node.put("id", type.id());
        node.put("name", type.name());
        node.put("subtask", false);
        return node;
    }

    private ObjectNode priority(StoredIssue issue) {
        FieldCatalog.Option priority = FieldCatalog.byId(FieldCatalog.PRIORITIES, issue.priorityId);
        ObjectNode node = NODES.objectNode();
        node.put("self", baseUrl + api + "/priority/" + priority.id());
        node.put("id", priority.id());
        node.put("name", priority.name());
        return node;
    }

    String issueLinkSelf(StoredIssueLink link) {
        return baseUrl + api + "/issueLink/" + link.id;
    }

    /** The "IssueLinkType" shape, in GET /issueLinkType and inside every link. */
    ObjectNode linkType(LinkTypes.Type type) {
        ObjectNode node = NODES.objectNode();
        node.put("id", type.id());
        node.put("name", type.name());
        node.put("inward", type.inward());
        node.put("outward", type.outward());
        node.put("self", baseUrl + api + "/issueLinkType/" + type.id());
        return node;
    }

    /**
     * One entry of the {@code issuelinks} field: the link as seen from the issue being rendered,
     * so only the other end appears, under {@code outwardIssue} or {@code inwardIssue}, with the
     * few fields Jira shows for a linked issue.
     */
    private ObjectNode issueLink(IssueLinks.Seen seen) {
        ObjectNode node = NODES.objectNode();
        node.put("id", String.valueOf(seen.link().id));
        node.put("self", issueLinkSelf(seen.link()));
        node.set("type", linkType(seen.type()));
        ObjectNode other = node.putObject(seen.otherIsOutward() ? "outwardIssue" : "inwardIssue");
        other.put("id", String.valueOf(seen.other().id));
        other.put("key", seen.other().key);
        other.put("self", issueSelf(seen.other()));
        ObjectNode fields = other.putObject("fields");
        fields.put("summary", seen.other().summary);
        fields.set("status", status(Workflow.statusById(seen.other().statusId)));
        fields.set("priority", priority(seen.other()));
        fields.set("issuetype", issueType(seen.other()));
        return node;
    }

    ObjectNode comment(StoredIssue issue, StoredComment comment) {
        ObjectNode node = NODES.objectNode();
        node.put("self", issueSelf(issue) + "/comment/" + comment.id);
        node.put("id", String.valueOf(comment.id));
        node.set("author", user(comment.authorAccountId, comment.authorEmail, comment.authorName));
        node.set("body", comment.body.deepCopy());
        node.set("updateAuthor", user(comment.authorAccountId, comment.authorEmail, comment.authorName));
        node.put("created", JiraTime.format(comment.created));
        node.put("updated", JiraTime.format(comment.updated));
        if (comment.visibility != null && !comment.visibility.isNull()) {
            node.set("visibility", comment.visibility.deepCopy());
        }
        node.put("jsdPublic", !comment.internal());
        return node;
    }

    /** The "Attachment" shape used in issue fields and upload answers (id as a string). */
    ObjectNode attachment(StoredAttachment attachment) {
        ObjectNode node = NODES.objectNode();
        node.put("self", baseUrl + api + "/attachment/" + attachment.id);
        node.put("id", String.valueOf(attachment.id));
        node.put("filename", attachment.filename);
        node.set("author", user(attachment.authorAccountId, attachment.authorEmail, attachment.authorName));
        node.put("created", JiraTime.format(attachment.created));
        node.put("size", attachment.size);
        node.put("mimeType", attachment.mimeType);
        node.put("content", contentUrl(attachment));
        return node;
    }

    /** The "AttachmentMetadata" shape of GET /attachment/{id}, where the spec makes the id a number. */
    ObjectNode attachmentMetadata(StoredAttachment attachment) {
        ObjectNode node = NODES.objectNode();
        node.put("id", attachment.id);
        node.put("self", baseUrl + api + "/attachment/" + attachment.id);
        node.put("filename", attachment.filename);
        node.set("author", user(attachment.authorAccountId, attachment.authorEmail, attachment.authorName));
        node.put("created", JiraTime.format(attachment.created));
        node.put("size", attachment.size);
        node.put("mimeType", attachment.mimeType);
        node.putObject("properties");
        node.put("content", contentUrl(attachment));
        return node;
    }

    /** Cloud serves a file at /attachment/content/{id}; Data Center only at /secure/attachment/{id}/{filename}. */
    String contentUrl(StoredAttachment attachment) {
        if (dataCenter) {
            return baseUrl + "/secure/attachment/" + attachment.id + "/"
                    + URLEncoder.encode(attachment.filename, StandardCharsets.UTF_8).replace("+", "%20");
        }
        return baseUrl + api + "/attachment/content/" + attachment.id;
    }

    ObjectNode user(String accountId, String email, String displayName) {
        ObjectNode node = NODES.objectNode();
        node.put("self", baseUrl + api + "/user?accountId=" + URLEncoder.encode(accountId, StandardCharsets.UTF_8));
        node.put("accountId", accountId);
        node.put("emailAddress", email);
        node.put("displayName", displayName);
        node.put("active", true);
        node.put("timeZone", "UTC");
        node.put("accountType", "atlassian");
        return node;
    }

    ObjectNode status(Workflow.Status status) {
        ObjectNode node = NODES.objectNode();
        node.put("self", baseUrl + api + "/status/" + status.id());
        node.put("id", status.id());
        node.put("name", status.name());
        node.put("description", "");
        ObjectNode category = node.putObject("statusCategory");
        category.put("self", baseUrl + api + "/statuscategory/" + status.category().id());
        category.put("id", status.category().id());
        category.put("key", status.category().key());
        category.put("colorName", status.category().colorName());
        category.put("name", status.category().name());
        return node;
    }

    ObjectNode transition(Workflow.Transition transition) {
        ObjectNode node = NODES.objectNode();
        node.put("id", transition.id());
        node.put("name", transition.name());
        node.set("to", status(transition.to()));
        node.put("hasScreen", transition == Workflow.RESOLVE);
        node.put("isGlobal", transition == Workflow.WAIT_FOR_CUSTOMER);
        node.put("isInitial", false);
        node.put("isAvailable", true);
        node.put("isConditional", false);
        node.put("isLooped", false);
        return node;
    }

    ObjectNode project(SandboxProject project) {
        ObjectNode node = NODES.objectNode();
        node.put("self", baseUrl + api + "/project/" + project.id());
        node.put("id", project.id());
        node.put("key", project.key());
        node.put("name", project.name());
        node.put("projectTypeKey", "service_desk");
        node.put("simplified", false);
        return node;
    }
}
