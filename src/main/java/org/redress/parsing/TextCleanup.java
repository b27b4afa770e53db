package org.redress.parsing;

import java.util.regex.Pattern;

/**
 * The last pass over a complaint's text, so that tickets and acknowledgements quote it consistently whatever the
 * mail program did with line endings and padding.
 */
final class TextCleanup {

    private static final Pattern LINE_END = Pattern.compile("\r\n?");
    private static final Pattern TRAILING_WHITESPACE = Pattern.compile("[ \\t\\x0B\\f\\u00a0]+$", Pattern.MULTILINE);
    private static final Pattern THREE_OR_MORE_BLANK_LINES = Pattern.compile("\n{4,}");

    private TextCleanup() {
    }

    static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String t = LINE_END.matcher(text).replaceAll("\n");
        t = t.replace("\u0000", "");
        t = TRAILING_WHITESPACE.matcher(t).replaceAll("");
        t = THREE_OR_MORE_BLANK_LINES.matcher(t).replaceAll("\n\n\n");
        return t.strip();
    }
}
