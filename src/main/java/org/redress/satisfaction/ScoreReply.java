package org.redress.satisfaction;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a mailed answer to the satisfaction question: a score from 1 to 5 at the start of the customer's new words,
 * alone on its line or followed by a separator and a comment ("4", "5/5", "4 sur 5", "2 - still no refund").
 * "5 days later and still nothing" is not a score: after the digit only the end of the line, "/5"-like forms or a
 * separator followed by words may follow ("5:30 pm", "3-4 days", "4, 5 and 6 are missing" are news), and "1." only
 * alone (else it is a numbered list). A reply that merely starts with a number stays a reply.
 */
public record ScoreReply(int score, String comment) {
    private static final Pattern SCORE = Pattern.compile(
            "\\A\\s*+([1-5])(?:\\h*+(?:/|out of|of|sur|su|von|de|aus)\\h*+5)?+"
                    + "(?:\\h*+(?:stars?|étoiles?|stelle|sterne|estrellas))?+(?:\\h*+[!)]++)?+\\h*+"
                    + "(?:\\.\\s*+\\z|\\z|\\R|[-–—:,;]\\h*+(?!\\d))(.*)", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    public static Optional<ScoreReply> parse(String newWords) {
        if (newWords == null) {
            return Optional.empty();
        }
        Matcher matcher = SCORE.matcher(newWords);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(new ScoreReply(Integer.parseInt(matcher.group(1)), matcher.group(2).strip()));
    }
}
