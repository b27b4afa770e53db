package org.redress.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An agent's comment (Atlassian Document Format) as the plain text a customer reads by mail: paragraphs, list items
 * with bullets, mentions and links as their text; media nodes become the names of the files sent along.
 */
public final class AdfText {
    private AdfText() {
    }

    public static String plain(JsonNode document) {
        if (document == null || document.isNull()) {
            return "";
        }
        if (document.isTextual()) {
            // Jira Data Center (and old webhooks) carry wiki markup instead of ADF
            return WikiMarkup.toPlain(document.asText());
        }
        StringBuilder out = new StringBuilder();
        block(document, out, "");
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    /** The media nodes' attributes (id, alt/filename) of a comment: the files an agent attached in it. */
    public static List<JsonNode> media(JsonNode document) {
        List<JsonNode> media = new ArrayList<>();
        collectMedia(document, media);
        return media;
    }

    private static void collectMedia(JsonNode node, List<JsonNode> media) {
        if (node == null) {
            return;
        }
        if ("media".equals(node.path("type").asText())) {
            media.add(node.path("attrs"));
        }
        node.path("content").forEach(child -> collectMedia(child, media));
    }

    private static void block(JsonNode node, StringBuilder out, String indent) {
        String type = node.path("type").asText();
        switch (type) {
            case "paragraph", "heading" -> {
                out.append(indent);
                inline(node, out);
                out.append("\n\n");
            }
            case "bulletList", "orderedList" -> {
                int number = 1;
                for (JsonNode item : node.path("content")) {
                    String bullet = type.equals("bulletList") ? "- " : (number++) + ". ";
                    StringBuilder inner = new StringBuilder();
                    item.path("content").forEach(child -> block(child, inner, ""));
                    out.append(indent).append(bullet)
                            .append(inner.toString().strip().replace("\n", "\n" + indent + "  ")).append("\n");
                }
                out.append("\n");
            }
            case "blockquote" -> {
                StringBuilder inner = new StringBuilder();
                node.path("content").forEach(child -> block(child, inner, ""));
                for (String line : inner.toString().strip().split("\n", -1)) {
                    out.append(indent).append("> ").append(line).append("\n");
                }
                out.append("\n");
            }
            case "codeBlock" -> {
                inline(node, out);
                out.append("\n\n");
            }
            case "rule" -> out.append(indent).append("----\n\n");
            case "mediaSingle", "mediaGroup", "media" -> {
                // files are sent as attachments of the mail
            }
            default -> node.path("content").forEach(child -> block(child, out, indent));
        }
    }

    private static void inline(JsonNode node, StringBuilder out) {
        for (JsonNode child : node.path("content")) {
            switch (child.path("type").asText()) {
                case "text" -> out.append(child.path("text").asText());
                case "hardBreak" -> out.append("\n");
                case "mention" -> out.append(child.path("attrs").path("text").asText());
                case "emoji" -> out.append(child.path("attrs").path("text").asText(child.path("attrs").path("shortName").asText()));
                case "inlineCard" -> out.append(child.path("attrs").path("url").asText());
                default -> inline(child, out);
            }
        }
    }
}
