package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/**
 * Jira Cloud v3 only takes rich text as Atlassian Document Format and rejects documents its
 * editor could not load, such as empty text nodes. The gateway builds ADF from customer e-mail, so
 * the sandbox checks the same structural rules to surface such bugs before they reach a real site,
 * and it flattens ADF to plain text for {@code text ~} searches.
 */
final class Adf {

    /** Serialized ADF larger than this is refused; Jira's limit for a rich-text field value. */
    static final int MAX_SERIALIZED_LENGTH = 32_767;

    private static final Set<String> NODE_TYPES = Set.of(
            "doc", "paragraph", "text", "heading", "bulletList", "orderedList", "listItem", "codeBlock",
            "blockquote", "rule", "hardBreak", "mention", "emoji", "date", "status", "inlineCard",
            "blockCard", "embedCard", "panel", "table", "tableRow", "tableHeader", "tableCell",
            "mediaSingle", "mediaGroup", "media", "mediaInline", "expand", "nestedExpand", "taskList",
            "taskItem", "decisionList", "decisionItem", "layoutSection", "layoutColumn", "extension",
            "bodiedExtension", "inlineExtension", "placeholder", "caption", "multiBodiedExtension",
            "extensionFrame");

    private static final Set<String> MARK_TYPES = Set.of(
            "strong", "em", "code", "link", "strike", "underline", "subsup", "textColor",
            "backgroundColor", "border", "alignment", "indentation", "annotation", "breakout",
            "dataConsumer", "fragment");

    private static final Set<String> BLOCKS = Set.of(
            "paragraph", "heading", "codeBlock", "blockquote", "listItem", "tableRow", "panel",
            "rule", "mediaSingle", "expand", "nestedExpand", "taskItem", "decisionItem");

    private Adf() {
    }

    /** Why the value is not an acceptable ADF document, or null when it is. */
    static String problem(JsonNode value) {
        if (value == null || !value.isObject() || !"doc".equals(value.path("type").asText(null))
                || !value.path("version").isIntegralNumber() || value.path("version").asInt() != 1
                || !value.path("content").isArray()) {
            return JiraErrors.NOT_ADF;
        }
        String nested = nodeProblem(value, "");
        return nested == null ? null : "INVALID_INPUT (Redress Jira sandbox: " + nested + ")";
    }

    private static String nodeProblem(JsonNode node, String pointer) {
        if (!node.isObject()) {
            return "node at '" + pointer + "' is not an object";
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual() || !NODE_TYPES.contains(type.asText())) {
            return "node at '" + pointer + "' has unknown type " + type;
        }
        if (!pointer.isEmpty() && "doc".equals(type.asText())) {
            return "node at '" + pointer + "' is a nested doc";
        }
        if ("text".equals(type.asText())) {
            JsonNode text = node.get("text");
            if (text == null || !text.isTextual() || text.asText().isEmpty()) {
                return "text node at '" + pointer + "' must have non-empty text";
            }
        }
        JsonNode attrs = node.get("attrs");
        if (attrs != null && !attrs.isObject()) {
            return "attrs at '" + pointer + "' is not an object";
        }
        JsonNode marks = node.get("marks");
        if (marks != null) {
            if (!marks.isArray()) {
                return "marks at '" + pointer + "' is not an array";
            }
            for (JsonNode mark : marks) {
                if (!mark.isObject() || !MARK_TYPES.contains(mark.path("type").asText(""))) {
                    return "unknown mark " + mark + " at '" + pointer + "'";
                }
            }
        }
        JsonNode content = node.get("content");
        if (content != null) {
            if (!content.isArray()) {
                return "content at '" + pointer + "' is not an array";
            }
            for (int i = 0; i < content.size(); i++) {
                String problem = nodeProblem(content.get(i), pointer + "/content/" + i);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    /** Readable plain text: blocks on their own lines, hard breaks as newlines. */
    static String plainText(JsonNode doc) {
        if (doc == null || doc.isNull()) {
            return "";
        }
        if (doc.isTextual()) {
            return doc.asText().strip(); // Data Center's wiki markup, searched as it is written
        }
        StringBuilder out = new StringBuilder();
        appendText(doc, out);
        return out.toString().strip();
    }

    private static void appendText(JsonNode node, StringBuilder out) {
        String type = node.path("type").asText("");
        switch (type) {
            case "text" -> out.append(node.path("text").asText(""));
            case "hardBreak" -> out.append('\n');
            case "mention", "emoji", "status", "date" -> out.append(node.path("attrs").path("text").asText(
                    node.path("attrs").path("shortName").asText("")));
            case "inlineCard", "blockCard" -> out.append(node.path("attrs").path("url").asText(""));
            default -> {
            }
        }
        for (JsonNode child : node.path("content")) {
            appendText(child, out);
        }
        if (BLOCKS.contains(type) && (out.isEmpty() || out.charAt(out.length() - 1) != '\n')) {
            out.append('\n');
        }
    }
}
