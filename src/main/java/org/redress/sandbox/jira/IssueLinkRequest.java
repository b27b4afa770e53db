package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Set;

/**
 * The body of POST /rest/api/3/issueLink (LinkIssueRequestJsonBean), checked for shape before
 * anything is looked up. Shape problems are 400s reported together; whether the type and issues
 * exist is the store's question and a 404 (see {@link SandboxIssues#link}).
 *
 * @param typeId        the link type's id, or null when given by name
 * @param typeName      the link type's name, or null when given by id
 * @param inwardIssue   id or key of the link's source issue
 * @param outwardIssue  id or key of the link's destination issue
 * @param comment       a comment for the inward issue (Comment shape), or null
 */
record IssueLinkRequest(String typeId, String typeName, String inwardIssue, String outwardIssue, JsonNode comment) {

    private static final Set<String> FIELDS = Set.of("type", "inwardIssue", "outwardIssue", "comment");
    private static final Set<String> TYPE_FIELDS = Set.of("id", "name", "inward", "outward", "self");
    private static final Set<String> ISSUE_FIELDS = Set.of("id", "key", "self", "fields");

    static IssueLinkRequest parse(JsonNode body) {
        if (!body.isObject()) {
            throw JiraErrors.messages(400, "Request body must be a JSON object");
        }
        rejectUnknown(body, FIELDS, "LinkIssueRequestJsonBean");
        JiraErrors.FieldProblems problems = new JiraErrors.FieldProblems();
        JsonNode type = body.path("type");
        String typeId = null;
        String typeName = null;
        if (type.isObject()) {
            rejectUnknown(type, TYPE_FIELDS, "IssueLinkType");
            typeId = idText(type.get("id"));
            typeName = typeId == null ? text(type.get("name")) : null;
        }
        if (typeId == null && typeName == null) {
            problems.add("issuelinks", "Issue link type ID or name is required.");
        }
        String inward = issue(body.path("inwardIssue"), "inwardIssue", problems);
        String outward = issue(body.path("outwardIssue"), "outwardIssue", problems);
        JsonNode comment = body.path("comment");
        if (!comment.isMissingNode() && !comment.isNull() && !comment.isObject()) {
            problems.add("comment", "The comment must be a Comment object.");
        }
        problems.throwIfAny();
        return new IssueLinkRequest(typeId, typeName, inward, outward, comment.isObject() ? comment : null);
    }

    /** Jira looks a reference up by a numeric id first, then by key; anything else names no issue. */
    private static String issue(JsonNode reference, String field, JiraErrors.FieldProblems problems) {
        String idOrKey = null;
        if (reference.isObject()) {
            rejectUnknown(reference, ISSUE_FIELDS, "LinkedIssue");
            String id = idText(reference.get("id"));
            idOrKey = id != null && id.matches("[1-9]\\d{0,17}") ? id : text(reference.get("key"));
        }
        if (idOrKey == null) {
            problems.add(field, "Issue id or key is required.");
        }
        return idOrKey;
    }

    private static String idText(JsonNode node) {
        return node != null && node.isIntegralNumber() ? node.asText() : text(node);
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText().trim() : null;
    }

    /** Jira's JSON binding refuses properties its beans do not have instead of silently dropping them. */
    private static void rejectUnknown(JsonNode object, Set<String> known, String bean) {
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            if (!known.contains(property.getKey())) {
                throw JiraErrors.messages(400, "Unrecognized field \"" + property.getKey() + "\" (class " + bean
                        + "), not marked as ignorable");
            }
        }
    }
}
