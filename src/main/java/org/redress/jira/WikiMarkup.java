package org.redress.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jira Data Center's text format, wiki markup, both ways. The gateway writes every description and comment as ADF
 * (Jira Cloud's format, {@link Adf}); for Data Center each ADF document is turned into wiki markup here, at the edge.
 * Customers' words become wiki source, so every character that means something in wiki markup is escaped: a
 * customer who writes {@code *urgent*}, {@code {code}} or {@code [click|http://…]} is shown as they wrote it, never
 * formatted, linked or turned into a macro. Agents' comments come back as wiki source and are read as plain text.
 */
public final class WikiMarkup {
    /**
     * Characters with a meaning somewhere in wiki markup (formatting, macros, links, tables, images, lists, and the
     * emoticons such as {@code :)}, {@code ;)} and {@code (y)}), escaped with a backslash wherever they appear.
     */
    private static final String SPECIAL = "*_-+^~?{}[]|!#:;(";
    private static final Pattern LINE_START_BLOCK = Pattern.compile("^(h[1-6]|bq)\\.", Pattern.MULTILINE);
    private static final Pattern LINK = Pattern.compile("\\[([^\\[\\]|]*)\\|([^\\[\\]]+)]");
    private static final Pattern MENTION = Pattern.compile("\\[~(?:accountid:)?([^\\]]+)]");
    private static final Pattern MONOSPACE = Pattern.compile("\\{\\{(.+?)}}");
    private static final Pattern MACRO = Pattern.compile("\\{(?:quote|noformat|code|panel|color)(?::[^}]*)?}");
    private static final Pattern HEADING = Pattern.compile("^(?:h[1-6]|bq)\\.\\s*", Pattern.MULTILINE);
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w\\\\])([*_+])(?=\\S)(.+?)(?<=\\S)\\1(?!\\w)");
    private static final Pattern ESCAPED = Pattern.compile("\\\\(.)");
    private static final Map<String, String> ENTITIES = Map.of("&#92;", "\\", "&#46;", ".", "&amp;", "&");

    private WikiMarkup() {
    }

    /** Plain text as wiki source that renders exactly as that text. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                out.append("&#92;");
            } else if (c == '&') {
                out.append("&amp;");
            } else if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        // "h1." or "bq." opening a line would make it a heading or a quote
        return LINE_START_BLOCK.matcher(out).replaceAll("$1&#46;");
    }

    /** An ADF document as wiki markup. */
    public static String fromAdf(JsonNode doc) {
        StringBuilder out = new StringBuilder();
        blocks(doc.path("content"), out, "");
        return out.toString().strip();
    }

    /**
     * A request body for Jira Data Center: a copy in which every ADF document (an object of type "doc") is wiki
     * markup instead; nothing else changes.
     */
    public static JsonNode documentsAsWiki(JsonNode request) {
        if (request == null) {
            return null;
        }
        if (isAdf(request)) {
            return JsonNodeFactory.instance.textNode(fromAdf(request));
        }
        if (request.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = request.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), documentsAsWiki(field.getValue()));
            }
            return copy;
        }
        if (request.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            request.forEach(item -> copy.add(documentsAsWiki(item)));
            return copy;
        }
        return request;
    }

    /** Wiki source as the text a reader sees: markup and escapes removed, links as "text (url)". */
    public static String toPlain(String wiki) {
        String text = MACRO.matcher(wiki).replaceAll("");
        text = HEADING.matcher(text).replaceAll("");
        text = MENTION.matcher(text).replaceAll("@$1");
        text = LINK.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1).isBlank() ? m.group(2)
                : m.group(1) + " (" + m.group(2) + ")"));
        text = MONOSPACE.matcher(text).replaceAll("$1");
        text = EMPHASIS.matcher(text).replaceAll("$2");
        text = text.replace("\\\\\n", "\n").replace("\\\\", "\n");
        text = ESCAPED.matcher(text).replaceAll("$1");
        for (Map.Entry<String, String> entity : ENTITIES.entrySet()) {
            text = text.replace(entity.getKey(), entity.getValue());
        }
        return text.strip();
    }

    private static boolean isAdf(JsonNode node) {
        return node.isObject() && "doc".equals(node.path("type").asText()) && node.has("version")
                && node.path("content").isArray();
    }

    private static void blocks(JsonNode blocks, StringBuilder out, String prefix) {
        for (JsonNode block : blocks) {
            String type = block.path("type").asText();
            switch (type) {
                case "paragraph" -> out.append(inline(block.path("content"))).append("\n\n");
                case "heading" -> out.append("h").append(Math.max(1, Math.min(6, block.path("attrs").path("level")
                        .asInt(1)))).append(". ").append(inline(block.path("content")).replace("\n", " ")).append("\n\n");
                case "bulletList", "orderedList" -> {
                    String marker = prefix + (type.equals("bulletList") ? "*" : "#");
                    for (JsonNode item : block.path("content")) {
                        StringBuilder text = new StringBuilder();
                        for (JsonNode part : item.path("content")) {
                            if (part.path("type").asText().endsWith("List")) {
                                out.append(marker).append(' ').append(text.toString().strip()).append('\n');
                                text.setLength(0);
                                StringBuilder nested = new StringBuilder();
                                blocks(JsonNodeFactory.instance.arrayNode().add(part),
                                        nested, marker);
                                out.append(nested.toString().strip()).append('\n');
                            } else {
                                text.append(inline(part.path("content")).replace("\n", " ")).append(' ');
                            }
                        }
                        if (!text.isEmpty()) {
                            out.append(marker).append(' ').append(text.toString().strip()).append('\n');
                        }
                    }
                    out.append('\n');
                }
                case "blockquote" -> {
                    StringBuilder inner = new StringBuilder();
                    blocks(block.path("content"), inner, "");
                    out.append("{quote}\n").append(inner.toString().strip()).append("\n{quote}\n\n");
                }
                case "codeBlock" -> {
                    StringBuilder code = new StringBuilder();
                    block.path("content").forEach(t -> code.append(t.path("text").asText()));
                    // the only thing that ends a {noformat} block is its closing tag
                    out.append("{noformat}\n").append(code.toString().replace("{noformat}", "{noformat\u200b}"))
                            .append("\n{noformat}\n\n");
                }
                case "rule" -> out.append("----\n\n");
                case "panel" -> {
                    StringBuilder inner = new StringBuilder();
                    blocks(block.path("content"), inner, "");
                    out.append("{panel}\n").append(inner.toString().strip()).append("\n{panel}\n\n");
                }
                default -> {
                    if (block.has("content")) {
                        blocks(block.path("content"), out, prefix);
                    }
                }
            }
        }
    }

    private static String inline(JsonNode nodes) {
        StringBuilder out = new StringBuilder();
        for (JsonNode node : nodes) {
            switch (node.path("type").asText()) {
                case "text" -> out.append(marked(node));
                case "hardBreak" -> out.append("\n");
                case "mention" -> out.append("[~").append(node.path("attrs").path("id").asText()
                        .replaceAll("[\\]\\[|]", "")).append(']');
                case "emoji" -> out.append(escape(node.path("attrs").path("text").asText(
                        node.path("attrs").path("shortName").asText())));
                case "inlineCard" -> out.append(link(node.path("attrs").path("url").asText(), null));
                default -> out.append(inline(node.path("content")));
            }
        }
        return out.toString();
    }

    private static String marked(JsonNode node) {
        String raw = node.path("text").asText();
        String core = raw.strip();
        if (core.isEmpty() || !node.path("marks").isArray() || node.path("marks").isEmpty()) {
            return escape(raw);
        }
        // wiki markup formats only when the markers touch the words: "*From:* " is bold, "*From: *" is not
        int start = raw.indexOf(core);
        return escape(raw.substring(0, start)) + markedCore(node, core) + escape(raw.substring(start + core.length()));
    }

    private static String markedCore(JsonNode node, String core) {
        String text = escape(core);
        String link = null;
        for (JsonNode mark : node.path("marks")) {
            switch (mark.path("type").asText()) {
                case "strong" -> text = "*" + text + "*";
                case "em" -> text = "_" + text + "_";
                case "strike" -> text = "-" + text + "-";
                case "underline" -> text = "+" + text + "+";
                case "code" -> text = "{{" + text + "}}";
                case "link" -> link = mark.path("attrs").path("href").asText();
                default -> {
                }
            }
        }
        return link == null ? text : link(link, text);
    }

    private static String link(String url, String text) {
        String safe = url.replace("|", "%7C").replace("]", "%5D").replace("[", "%5B").replace(" ", "%20");
        if (!safe.matches("(?i)(https?|mailto):.*")) {
            return escape(url) + (text == null ? "" : " " + text);
        }
        return "[" + (text == null ? "" : text + "|") + safe + "]";
    }
}
