package org.redress.conversation;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises the lines a mail program writes above the message it quotes: an attribution ("On … wrote:",
 * "Le … a écrit :", "Il giorno … ha scritto:", "Am … schrieb …:", "El … escribió:"), Outlook's "-----Original
 * Message-----" separator and Outlook's "From: / Sent: / To: / Subject:" block. Each rule asks for more than a
 * familiar first word, because a customer's own sentence ("On Monday I called you twice.", "Le colis est arrivé
 * cassé.", "De plus, …") must never be taken for the start of the history and cut away.
 */
final class QuoteHeader {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** A mail client's attribution opens with one of these, followed by a date. */
    private static final Pattern INTRO = Pattern.compile("^(on|le|il giorno|il|in data|am|el)\\s", FLAGS);
    /** The verb ends the attribution; an apostrophe before it ("m'a écrit") means a sentence, not a header. */
    private static final Pattern ENDING_VERB = Pattern.compile(
            "(?<!['’])\\b(wrote|a écrit|ha scritto|escribió|escribio)\\s?:$", FLAGS);
    /** German puts the sender after the verb: "Am … schrieb Customer Care <…>:" or "… schrieb am …:". */
    private static final Pattern GERMAN_VERB = Pattern.compile("\\bschrieb\\b.*:$", FLAGS);
    /**
     * A real attribution carries the sender's address, or (Thunderbird) a date right after the opening word, a time
     * and a capitalised sender name; a customer quoting someone in a sentence ("Le 20/11 à 18:40, le livreur a
     * écrit :", "Il pacco è arrivato il 23/11/2026 alle 10:30 e il corriere ha scritto:") lacks one of them.
     */
    private static final Pattern DATE_FIRST = Pattern.compile(
            "^(on|le|il giorno|il|in data|am|el)\\s+(\\S+\\s+)?\\S*\\d", FLAGS);
    private static final Pattern NAMED_SENDER = Pattern.compile(
            ",\\s*\\p{Lu}[^,]*\\s(?iu:wrote|a écrit|ha scritto|escribió|escribio)\\s?:$"
                    + "|\\b(?iu:schrieb)\\s+\\p{Lu}[^,]*:$");
    private static final Pattern TIME = Pattern.compile("\\b\\d{1,2}[:h]\\d{2}\\b");
    private static final Pattern DATE = Pattern.compile("\\b(\\d{4}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4})\\b");
    private static final Pattern ADDRESS = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]$");
    private static final int LONGEST_ATTRIBUTION = 300;

    private static final Pattern OUTLOOK_SEPARATOR = Pattern.compile(
            "^-{2,}\\s*(original message|message d['’]origine|messaggio originale|ursprüngliche nachricht"
                    + "|mensaje original|mensagem original)\\s*-{2,}$", FLAGS);
    private static final Pattern UNDERSCORE_LINE = Pattern.compile("^_{5,}$");
    private static final Pattern FROM_HEADER = Pattern.compile(
            "^\\*?(from|de|da|von|expéditeur)\\*?\\s?:.*", FLAGS);
    private static final Pattern OTHER_HEADER = Pattern.compile(
            "^\\*?(sent|date|to|cc|bcc|subject|envoyé|à|a|objet|inviato|data|oggetto|gesendet|datum|an|betreff"
                    + "|enviado el|enviado|fecha|para|asunto|importance|priorité|priorità|wichtigkeit|importancia)"
                    + "\\*?\\s?:.*", FLAGS);
    /** Outlook always says when the quoted message was sent; prose that happens to start with "De :" does not. */
    private static final Pattern DATED_HEADER = Pattern.compile(
            "^\\*?(sent|date|envoyé|inviato|data|gesendet|datum|enviado el|enviado|fecha)\\*?\\s?:.*\\d.*", FLAGS);
    private static final int HEADER_WINDOW = 8;
    private static final Pattern FORWARD_MARKER = Pattern.compile(
            "(forwarded message|message transféré|messaggio inoltrato|weitergeleitete nachricht|mensaje reenviado"
                    + "|begin forwarded message|début du message réexpédié|inizio messaggio inoltrato"
                    + "|anfang der weitergeleiteten nachricht|comienzo del mensaje reenviado)", FLAGS);

    private static final Pattern QUOTED = Pattern.compile("^[ \\t]*>");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u2007\\u2009\\u202f]+");

    private QuoteHeader() {
    }

    static boolean isQuoted(String line) {
        return QUOTED.matcher(line).find();
    }

    static boolean isBlank(String line) {
        return normalized(line).isEmpty();
    }

    /**
     * Non-breaking and narrow spaces (French typography before ':') count as ordinary spaces here. Most lines have
     * nothing to replace, only single ordinary spaces, and are only stripped: the rules ask for every line's normal
     * form several times, and the replacing pattern was most of what telling a mail's own words from its quotes cost.
     */
    static String normalized(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (isSpace(c) && (c != ' ' || i + 1 < line.length() && isSpace(line.charAt(i + 1)))) {
                return SPACES.matcher(line).replaceAll(" ").strip();
            }
        }
        return line.strip();
    }

    /** The characters {@link #SPACES} stands for. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == '\u00a0'
                || c == '\u2007' || c == '\u2009' || c == '\u202f';
    }

    /**
     * How many lines the attribution starting at {@code index} spans: 0 when there is none, 2 when a client
     * wrapped it (the verb then sits on the second line).
     */
    static int attributionLength(List<String> lines, int index) {
        String line = lines.get(index);
        if (isQuoted(line) || isBlank(line)) {
            return 0;
        }
        if (isAttribution(normalized(line))) {
            return 1;
        }
        return isWrappedAttribution(lines, index) ? 2 : 0;
    }

    private static boolean isWrappedAttribution(List<String> lines, int index) {
        if (index + 1 >= lines.size()) {
            return false;
        }
        String first = normalized(lines.get(index));
        String second = lines.get(index + 1);
        if (isQuoted(second) || isBlank(second) || SENTENCE_END.matcher(first).find()) {
            return false;
        }
        String secondText = normalized(second);
        if (isAttribution(secondText) || INTRO.matcher(secondText).find()) {
            return false;
        }
        return isAttribution(first + " " + secondText);
    }

    private static boolean isAttribution(String text) {
        if (text.length() > LONGEST_ATTRIBUTION || !endsWithVerb(text)) {
            return false;
        }
        boolean addressed = ADDRESS.matcher(text).find();
        boolean timed = TIME.matcher(text).find();
        boolean dated = DATE.matcher(text).find();
        if (INTRO.matcher(text).find()) {
            return addressed || (timed && dated && isThunderbirdStyle(text));
        }
        return addressed && (timed || dated);
    }

    private static boolean endsWithVerb(String text) {
        return ENDING_VERB.matcher(text).find() || GERMAN_VERB.matcher(text).find();
    }

    private static boolean isThunderbirdStyle(String text) {
        return DATE_FIRST.matcher(text).find() && NAMED_SENDER.matcher(text).find();
    }

    /**
     * Where Outlook's quoted history begins if it begins at {@code index}, else -1: at a separator line, or at a
     * From line followed by Outlook's other headers (moved up to the underscore rule Outlook draws above them).
     * A header block right after "Forwarded message" is something the customer chose to pass on, not history.
     */
    static int outlookHistoryStart(List<String> lines, int index) {
        String line = normalized(lines.get(index));
        if (OUTLOOK_SEPARATOR.matcher(line).matches()) {
            return index;
        }
        if (!startsHeaderBlock(lines, index)) {
            return -1;
        }
        int start = underscoreRuleAbove(lines, index);
        int before = previousNonBlank(lines, start);
        if (before >= 0 && FORWARD_MARKER.matcher(lines.get(before)).find()) {
            return -1;
        }
        return start;
    }

    private static boolean startsHeaderBlock(List<String> lines, int index) {
        if (!FROM_HEADER.matcher(normalized(lines.get(index))).matches()) {
            return false;
        }
        int headers = 0;
        boolean dated = false;
        int end = Math.min(lines.size(), index + 1 + HEADER_WINDOW);
        for (int i = index + 1; i < end; i++) {
            String next = normalized(lines.get(i));
            if (OTHER_HEADER.matcher(next).matches()) {
                headers++;
                dated |= DATED_HEADER.matcher(next).matches();
            }
        }
        return headers >= 2 && dated;
    }

    private static int underscoreRuleAbove(List<String> lines, int index) {
        int above = previousNonBlank(lines, index);
        if (above >= 0 && UNDERSCORE_LINE.matcher(normalized(lines.get(above))).matches()) {
            return above;
        }
        return index;
    }

    private static int previousNonBlank(List<String> lines, int index) {
        int i = index - 1;
        while (i >= 0 && isBlank(lines.get(i))) {
            i--;
        }
        return i;
    }
}
