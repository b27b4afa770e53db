package org.redress.parsing;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.Set;

/**
 * HTML-only mail to the text an agent reads in a ticket. Jsoup's own {@code text()} runs everything into one line;
 * a complaint's paragraphs, line breaks and listed grievances carry meaning, so block elements become line breaks
 * and list items get lines of their own. Style, script and other invisible content is dropped.
 */
final class HtmlText {

    private static final String INVISIBLE = "head, style, script, noscript, template, title, meta, link, object, embed";
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
            "pre", "table", "ul", "ol", "dl", "hr", "address", "figure");
    private static final Set<String> LINES = Set.of("div", "tr", "dt", "dd", "section", "article", "header",
            "footer", "main", "nav", "aside", "form", "fieldset", "caption", "center", "body", "html");
    private static final Set<String> CELLS = Set.of("td", "th");

    private HtmlText() {
    }

    static String toText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select(INVISIBLE).remove();
        TextCollector collector = new TextCollector();
        NodeTraversor.traverse(collector, doc.body() == null ? doc : doc.body());
        return collector.text();
    }

    /** Accumulates text while the traversal walks the tree; one per conversion. */
    private static final class TextCollector implements NodeVisitor {

        private final StringBuilder out = new StringBuilder();
        private int preDepth;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
                appendText(preDepth > 0 ? textNode.getWholeText() : textNode.text());
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("pre")) {
                    preDepth++;
                }
                if (tag.equals("br")) {
                    out.append('\n');
                } else if (tag.equals("li")) {
                    newLine();
                    out.append("- ");
                } else if (PARAGRAPHS.contains(tag)) {
                    blankLine();
                } else if (LINES.contains(tag)) {
                    newLine();
                } else if (CELLS.contains(tag) && !endsWithLineStart()) {
                    out.append('\t');
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("pre")) {
                    preDepth--;
                }
                if (PARAGRAPHS.contains(tag)) {
                    blankLine();
                } else if (LINES.contains(tag) || tag.equals("li")) {
                    newLine();
                }
            }
        }

        private void appendText(String text) {
            String t = text.replace('\u00a0', ' ');
            if (preDepth == 0 && (endsWithLineStart() || endsWith(' ') || endsWith('\t'))) {
                t = t.stripLeading();
            }
            out.append(t);
        }

        private void newLine() {
            if (!endsWithLineStart()) {
                out.append('\n');
            }
        }

        private void blankLine() {
            newLine();
            if (out.length() > 0 && !(out.length() >= 2 && out.charAt(out.length() - 2) == '\n')) {
                out.append('\n');
            }
        }

        private boolean endsWithLineStart() {
            return out.length() == 0 || out.charAt(out.length() - 1) == '\n';
        }

        private boolean endsWith(char c) {
            return out.length() > 0 && out.charAt(out.length() - 1) == c;
        }

        String text() {
            return out.toString();
        }
    }
}
