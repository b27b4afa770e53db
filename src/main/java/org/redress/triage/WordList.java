package org.redress.triage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Terms in several languages matched as whole words, case-insensitively. A term ending in {@code *} also matches
 * longer words ("avvocat*" finds avvocato and avvocati); a term with spaces matches across any whitespace.
 */
final class WordList {
    private final Pattern pattern;

    WordList(List<String> terms) {
        List<String> alternatives = new ArrayList<>();
        for (String term : terms) {
            boolean stem = term.endsWith("*");
            String word = stem ? term.substring(0, term.length() - 1) : term;
            String quoted = Pattern.quote(word).replace(" ", "\\E\\s+\\Q");
            alternatives.add(quoted + (stem ? "[\\p{L}\\p{M}]*" : ""));
        }
        pattern = Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}])(?:" + String.join("|", alternatives)
                + ")(?![\\p{L}\\p{M}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** How many times any term occurs in the text. */
    int count(String text) {
        return (int) pattern.matcher(text).results().count();
    }

    /** The distinct matches as written in the text, in order of appearance. */
    Set<String> find(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group().replaceAll("\\s+", " "));
        }
        return found;
    }
}
