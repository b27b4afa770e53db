package org.redress.conversation;

import java.util.ArrayList;
import java.util.List;

/**
 * What a customer newly wrote in a reply, for the Jira comment that records it. Agents already have the earlier
 * messages in the ticket, so repeating the quoted history and signatures in every comment buries the new words.
 * The complete mail is attached next to the comment, so this may cut; but a cut that loses the customer's words is
 * worse than a comment that shows too much, so every rule errs towards keeping: history is cut only where a mail
 * program's own header proves it starts, answers written between quoted lines stay, and a mail that would come
 * out empty is returned whole.
 */
public final class ReplyText {

    private ReplyText() {
    }

    /**
     * @param text the decoded plain text of the reply (or the text jsoup made of its HTML); null counts as empty
     * @return the customer's new words with LF line ends, or the whole text trimmed when nothing else would remain
     */
    public static String newWords(String text) {
        String original = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = List.of(original.split("\n", -1));
        List<String> kept = withoutMobileFooters(withoutSignature(withoutQuotes(beforeHistory(lines))));
        String words = tidy(kept);
        return words.isEmpty() ? original.strip() : words;
    }

    /**
     * Cuts where unquoted history begins: Outlook's header, or an attribution followed by unquoted text (how HTML
     * quotes look once converted to text). An attribution followed by '>' lines is not cut here, since the customer
     * may have answered between those lines.
     */
    private static List<String> beforeHistory(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (QuoteHeader.isQuoted(lines.get(i))) {
                continue;
            }
            int outlook = QuoteHeader.outlookHistoryStart(lines, i);
            if (outlook >= 0) {
                return lines.subList(0, outlook);
            }
            int attribution = QuoteHeader.attributionLength(lines, i);
            if (attribution > 0 && introducesUnquotedText(lines, i + attribution)) {
                return lines.subList(0, i);
            }
        }
        return lines;
    }

    /** Drops '>' lines and the attributions above them; keeps every unquoted line, so inline answers survive. */
    private static List<String> withoutQuotes(List<String> lines) {
        List<String> kept = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            int attribution = QuoteHeader.attributionLength(lines, i);
            if (attribution > 0) {
                i += attribution;
            } else {
                if (!QuoteHeader.isQuoted(line)) {
                    kept.add(line);
                }
                i++;
            }
        }
        return kept;
    }

    private static List<String> withoutSignature(List<String> lines) {
        return lines.subList(0, SignOff.signatureStart(lines));
    }

    private static List<String> withoutMobileFooters(List<String> lines) {
        int end = lines.size();
        while (true) {
            end = withoutTrailingBlanks(lines, end);
            if (end == 0 || !SignOff.isMobileFooter(lines.get(end - 1))) {
                return lines.subList(0, end);
            }
            end--;
        }
    }

    private static boolean introducesUnquotedText(List<String> lines, int from) {
        int next = from;
        while (next < lines.size() && QuoteHeader.isBlank(lines.get(next))) {
            next++;
        }
        return next < lines.size() && !QuoteHeader.isQuoted(lines.get(next));
    }

    private static int withoutTrailingBlanks(List<String> lines, int end) {
        int i = end;
        while (i > 0 && QuoteHeader.isBlank(lines.get(i - 1))) {
            i--;
        }
        return i;
    }

    /** Blank edges go, and any run of blank lines left where quotes were becomes a single blank line. */
    private static String tidy(List<String> lines) {
        StringBuilder out = new StringBuilder();
        boolean pendingBlank = false;
        for (String line : lines) {
            if (QuoteHeader.isBlank(line)) {
                pendingBlank = out.length() > 0;
                continue;
            }
            if (pendingBlank) {
                out.append('\n');
                pendingBlank = false;
            }
            out.append(line.stripTrailing()).append('\n');
        }
        return out.toString().strip();
    }
}
