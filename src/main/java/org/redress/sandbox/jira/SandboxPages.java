package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The two HTML pages a newcomer looks at during the demo: the issue list and one issue. They
 * render the same JSON the REST API returns. Everything shown is customer-controlled, so every
 * value is escaped and links are only ever built by the sandbox itself (pages are also served
 * with a CSP that forbids scripts).
 */
final class SandboxPages {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem;color:#172b4d}
            table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}
            .note{color:#6b778c;font-size:.9rem}.label{background:#dfe1e6;border-radius:3px;padding:0 .3rem;margin-right:.2rem}
            .internal{background:#fffae6;border-left:4px solid #ffab00;padding:.5rem}.public{border-left:4px solid #36b37e;padding:.5rem}
            pre{background:#f4f5f7;padding:.5rem;white-space:pre-wrap}.comment{margin:.8rem 0}
            """;

    private static final Set<String> SAFE_LINK_SCHEMES = Set.of("http", "https", "mailto");

    private SandboxPages() {
    }

    static String index(List<? extends JsonNode> issuesNewestFirst) {
        StringBuilder html = page("Redress Jira sandbox");
        html.append("<h1>Redress Jira sandbox</h1><p class=\"note\">A local stand-in for Jira Cloud used by Redress demos and tests. ")
                .append("Not Jira; not affiliated with Atlassian.</p>");
        if (issuesNewestFirst.isEmpty()) {
            html.append("<p>No issues yet.</p>");
        } else {
            html.append("<table><thead><tr><th>Key</th><th>Summary</th><th>Labels</th><th>Status</th><th>Created</th><th>Attachments</th></tr></thead><tbody>");
            for (JsonNode issue : issuesNewestFirst) {
                JsonNode fields = issue.path("fields");
                String key = issue.path("key").asText();
                html.append("<tr><td><a href=\"/browse/").append(escape(urlSegment(key))).append("\">").append(escape(key)).append("</a></td>")
                        .append("<td>").append(escape(fields.path("summary").asText())).append("</td><td>");
                labels(html, fields);
                html.append("</td><td>").append(escape(fields.path("status").path("name").asText())).append("</td>")
                        .append("<td>").append(escape(fields.path("created").asText())).append("</td><td>");
                attachmentLinks(html, fields);
                html.append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        return html.append("</body></html>").toString();
    }

    static String issue(JsonNode issue) {
        JsonNode fields = issue.path("fields");
        String key = issue.path("key").asText();
        StringBuilder html = page(key + " - Redress Jira sandbox");
        html.append("<p class=\"note\"><a href=\"/\">Redress Jira sandbox</a> / ").append(escape(key)).append("</p>")
                .append("<h1>").append(escape(key)).append(": ").append(escape(fields.path("summary").asText())).append("</h1>")
                .append("<table>");
        row(html, "Status", fields.path("status").path("name").asText()
                + " (" + fields.path("status").path("statusCategory").path("name").asText() + ")");
        row(html, "Resolution", fields.path("resolution").path("name").asText("Unresolved"));
        row(html, "Type", fields.path("issuetype").path("name").asText());
        row(html, "Priority", fields.path("priority").path("name").asText());
        row(html, "Project", fields.path("project").path("key").asText());
        row(html, "Reporter", fields.path("reporter").path("displayName").asText());
        row(html, "Created", fields.path("created").asText());
        row(html, "Updated", fields.path("updated").asText());
        html.append("<tr><th>Labels</th><td>");
        labels(html, fields);
        html.append("</td></tr></table><h2>Description</h2>");
        JsonNode description = fields.path("description");
        if (description.isObject() || description.isTextual()) {
            adf(html, description);
        } else {
            html.append("<p class=\"note\">No description.</p>");
        }
        html.append("<h2>Attachments</h2>");
        if (fields.path("attachment").isEmpty()) {
            html.append("<p class=\"note\">None.</p>");
        } else {
            html.append("<ul>");
            for (JsonNode attachment : fields.path("attachment")) {
                html.append("<li>");
                attachmentLink(html, attachment);
                html.append(" <span class=\"note\">").append(escape(attachment.path("mimeType").asText())).append(", ")
                        .append(attachment.path("size").asLong()).append(" bytes</span></li>");
            }
            html.append("</ul>");
        }
        html.append("<h2>Comments</h2>");
        JsonNode comments = fields.path("comment").path("comments");
        if (comments.isEmpty()) {
            html.append("<p class=\"note\">None.</p>");
        }
        for (JsonNode comment : comments) {
            boolean internal = !comment.path("jsdPublic").asBoolean(true);
            html.append("<div class=\"comment ").append(internal ? "internal" : "public").append("\"><p class=\"note\">")
                    .append(escape(comment.path("author").path("displayName").asText())).append(" - ")
                    .append(escape(comment.path("created").asText())).append(" - ")
                    .append(internal ? "<strong>Internal note</strong>" : "Shared with the customer");
            if (comment.has("visibility")) {
                html.append(" (visible to ").append(escape(comment.path("visibility").path("type").asText())).append(" ")
                        .append(escape(comment.path("visibility").path("value").asText())).append(")");
            }
            html.append("</p>");
            adf(html, comment.path("body"));
            html.append("</div>");
        }
        return html.append("</body></html>").toString();
    }

    static String notFound(String key) {
        return page("Not found - Redress Jira sandbox").append("<h1>Not found</h1><p>No issue ")
                .append(escape(key)).append(" in this Redress Jira sandbox. <a href=\"/\">All issues</a></p></body></html>").toString();
    }

    private static StringBuilder page(String title) {
        return new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title><style>").append(STYLE).append("</style></head><body>");
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th>").append(escape(name)).append("</th><td>").append(escape(value)).append("</td></tr>");
    }

    private static void labels(StringBuilder html, JsonNode fields) {
        for (JsonNode label : fields.path("labels")) {
            html.append("<span class=\"label\">").append(escape(label.asText())).append("</span>");
        }
    }

    private static void attachmentLinks(StringBuilder html, JsonNode fields) {
        boolean first = true;
        for (JsonNode attachment : fields.path("attachment")) {
            if (!first) {
                html.append("<br>");
            }
            first = false;
            attachmentLink(html, attachment);
        }
    }

    /** Links to the unauthenticated download path; the REST content URL would ask the browser for credentials. */
    private static void attachmentLink(StringBuilder html, JsonNode attachment) {
        String id = attachment.path("id").asText();
        String filename = attachment.path("filename").asText();
        html.append("<a href=\"/secure/attachment/").append(escape(urlSegment(id))).append("/")
                .append(escape(urlSegment(filename))).append("\" download>").append(escape(filename)).append("</a>");
    }

    /** ADF to HTML for reading: structure kept, every text escaped, unknown nodes reduced to their text. */
    static void adf(StringBuilder html, JsonNode node) {
        if (node.isTextual()) {
            // Data Center: wiki markup, shown as written (the sandbox renders no wiki)
            html.append("<pre class=\"wiki\">").append(escape(node.asText())).append("</pre>");
            return;
        }
        String type = node.path("type").asText("");
        switch (type) {
            case "doc" -> children(html, node);
            case "paragraph" -> wrap(html, "p", node);
            case "heading" -> {
                int level = Math.min(6, Math.max(1, node.path("attrs").path("level").asInt(1)));
                // page headings use h1/h2, so ADF headings start one level lower
                wrap(html, "h" + Math.min(6, level + 2), node);
            }
            case "bulletList" -> wrap(html, "ul", node);
            case "orderedList" -> wrap(html, "ol", node);
            case "listItem" -> wrap(html, "li", node);
            case "blockquote" -> wrap(html, "blockquote", node);
            case "codeBlock" -> {
                html.append("<pre><code>");
                children(html, node);
                html.append("</code></pre>");
            }
            case "rule" -> html.append("<hr>");
            case "hardBreak" -> html.append("<br>");
            case "text" -> text(html, node);
            case "mention", "emoji", "status" -> html.append(escape(node.path("attrs").path("text").asText(
                    node.path("attrs").path("shortName").asText(""))));
            case "inlineCard", "blockCard" -> link(html, node.path("attrs").path("url").asText(""), node.path("attrs").path("url").asText(""));
            case "table" -> wrap(html, "table", node);
            case "tableRow" -> wrap(html, "tr", node);
            case "tableHeader" -> wrap(html, "th", node);
            case "tableCell" -> wrap(html, "td", node);
            case "media", "mediaInline" -> html.append("<span class=\"note\">[media ")
                    .append(escape(node.path("attrs").path("alt").asText(node.path("attrs").path("id").asText("")))).append("]</span>");
            default -> {
                html.append("<div>");
                children(html, node);
                html.append("</div>");
            }
        }
    }

    private static void wrap(StringBuilder html, String tag, JsonNode node) {
        html.append('<').append(tag).append('>');
        children(html, node);
        html.append("</").append(tag).append('>');
    }

    private static void children(StringBuilder html, JsonNode node) {
        for (JsonNode child : node.path("content")) {
            adf(html, child);
        }
    }

    private static void text(StringBuilder html, JsonNode node) {
        String text = escape(node.path("text").asText(""));
        String href = null;
        for (JsonNode mark : node.path("marks")) {
            switch (mark.path("type").asText("")) {
                case "strong" -> text = "<strong>" + text + "</strong>";
                case "em" -> text = "<em>" + text + "</em>";
                case "code" -> text = "<code>" + text + "</code>";
                case "strike" -> text = "<s>" + text + "</s>";
                case "underline" -> text = "<u>" + text + "</u>";
                case "link" -> href = mark.path("attrs").path("href").asText(null);
                default -> {
                }
            }
        }
        if (href != null) {
            linkHtml(html, href, text);
        } else {
            html.append(text);
        }
    }

    private static void link(StringBuilder html, String href, String text) {
        linkHtml(html, href, escape(text));
    }

    private static void linkHtml(StringBuilder html, String href, String innerHtml) {
        int colon = href.indexOf(':');
        String scheme = colon > 0 ? href.substring(0, colon).toLowerCase(java.util.Locale.ROOT) : "";
        if (SAFE_LINK_SCHEMES.contains(scheme)) {
            html.append("<a rel=\"noopener noreferrer nofollow\" href=\"").append(escape(href)).append("\">").append(innerHtml).append("</a>");
        } else {
            html.append(innerHtml);
        }
    }

    static String urlSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
