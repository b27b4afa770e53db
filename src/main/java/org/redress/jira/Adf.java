package org.redress.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds Atlassian Document Format, the rich text of Jira Cloud. Customer text only ever becomes the {@code text}
 * of a text node: there is no markup to break out of, which is why the gateway builds ADF rather than wiki text.
 * For Jira Data Center the documents become wiki markup at the edge, escaped there ({@link WikiMarkup}).
 */
public final class Adf {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ObjectNode doc = JSON.objectNode();
    private final ArrayNode content;

    public Adf() {
        doc.put("type", "doc");
        doc.put("version", 1);
        content = doc.putArray("content");
    }

    public JsonNode document() {
        return doc;
    }

    public Adf heading(int level, String text) {
        ObjectNode heading = content.addObject().put("type", "heading");
        heading.putObject("attrs").put("level", level);
        addText(heading.putArray("content"), text, false);
        return this;
    }

    /** A paragraph; line breaks inside it stay line breaks (hardBreak nodes). */
    public Adf paragraph(String text) {
        if (text == null || text.isBlank()) {
            return this;
        }
        ObjectNode paragraph = content.addObject().put("type", "paragraph");
        addText(paragraph.putArray("content"), text, false);
        return this;
    }

    /** A paragraph that mentions a Jira user by account id; Jira notifies them. */
    public Adf mention(String accountId) {
        ObjectNode paragraph = content.addObject().put("type", "paragraph");
        ObjectNode mention = paragraph.putArray("content").addObject().put("type", "mention");
        mention.putObject("attrs").put("id", accountId).put("text", "@" + accountId);
        return this;
    }

    /** A paragraph starting with a bold label, e.g. "From: " followed by the value. */
    public Adf labelled(String label, String value) {
        ObjectNode paragraph = content.addObject().put("type", "paragraph");
        ArrayNode inline = paragraph.putArray("content");
        addText(inline, label + ": ", true);
        addText(inline, value == null || value.isEmpty() ? "—" : value, false);
        return this;
    }

    /** Text split into paragraphs at blank lines, as the customer wrote it. */
    public Adf prose(String text) {
        for (String block : text.split("\\n\\s*\\n")) {
            paragraph(block.strip());
        }
        return this;
    }

    public Adf bulletList(Iterable<String> items) {
        ObjectNode list = JSON.objectNode().put("type", "bulletList");
        ArrayNode listItems = list.putArray("content");
        for (String item : items) {
            ObjectNode paragraph = listItems.addObject().put("type", "listItem").putArray("content").addObject()
                    .put("type", "paragraph");
            addText(paragraph.putArray("content"), item, false);
        }
        if (!listItems.isEmpty()) {
            content.add(list);
        }
        return this;
    }

    /** Text kept verbatim, e.g. what Tika extracted from an attachment. */
    public Adf quote(String text) {
        if (text == null || text.isBlank()) {
            return this;
        }
        ObjectNode quote = content.addObject().put("type", "blockquote");
        ArrayNode paragraphs = quote.putArray("content");
        for (String block : text.split("\\n\\s*\\n")) {
            if (!block.isBlank()) {
                ObjectNode paragraph = paragraphs.addObject().put("type", "paragraph");
                addText(paragraph.putArray("content"), block.strip(), false);
            }
        }
        return this;
    }

    public Adf rule() {
        content.addObject().put("type", "rule");
        return this;
    }

    private static void addText(ArrayNode inline, String text, boolean strong) {
        String[] lines = clean(text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                inline.addObject().put("type", "hardBreak");
            }
            if (!lines[i].isEmpty()) {
                ObjectNode node = inline.addObject().put("type", "text").put("text", lines[i]);
                if (strong) {
                    node.putArray("marks").addObject().put("type", "strong");
                }
            }
        }
    }

    /** Control characters other than line breaks and tabs are not valid in ADF text; they are dropped. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.replace("\r\n", "\n").replace('\r', '\n').codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\t' || (cp >= 0x20 && cp != 0x7f && !(cp >= 0x80 && cp < 0xa0))) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
