package org.redress.triage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Terms in several languages matched as whole words, case-insensitively. A term ending in {@code *} also matches
 * longer words ("avvocat*" finds avvocato and avvocati); a term with spaces matches across any whitespace.
 *
 * <p>One pattern of all the terms tries each of them at every word of the text: a hundred terms cost a complaint
 * of a few hundred characters more than 0.1 ms per list. A term can only occur where its first word does, so the
 * text's words are looked up first and the pattern is made of the terms that can occur, in their order: it finds
 * what the pattern of all the terms would, since the others match nowhere in that text.
 */
final class WordList {
    /**
     * A letter, mark or digit. U+10FFFF (a noncharacter) is there only to make the pattern hold a supplementary code
     * point: Java then looks behind by code point, not by UTF-16 unit, so a letter outside the BMP just before a term
     * is a letter, as it is to {@link TextWords}.
     */
    private static final String WORD_CHAR = "[\\p{L}\\p{M}\\p{N}\uDBFF\uDFFF]";
    /** Patterns of the term subsets texts have needed, the most recently used; the subsets a list can need are many. */
    private static final int MAX_CACHED = 256;

    private final List<String> terms;
    private final List<String> alternatives = new ArrayList<>();
    /** Per term: its first word, folded; empty when it starts with no word character (it is always tried). */
    private final List<String> firstWords = new ArrayList<>();
    /** Per term: whether its first word is all of it, as a stem: any word starting with it will do. */
    private final List<Boolean> stemOnly = new ArrayList<>();
    private final Map<String, Pattern> patterns = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Pattern> eldest) {
                    return size() > MAX_CACHED;
                }
            });

    WordList(List<String> terms) {
        this.terms = List.copyOf(terms);
        for (String term : terms) {
            boolean stem = term.endsWith("*");
            String word = stem ? term.substring(0, term.length() - 1) : term;
            String quoted = Pattern.quote(word).replace(" ", "\\E\\s+\\Q");
            alternatives.add(quoted + (stem ? "[\\p{L}\\p{M}]*" : ""));
            String first = TextWords.firstWord(word);
            firstWords.add(first);
            stemOnly.add(stem && first.codePointCount(0, first.length()) == word.codePointCount(0, word.length()));
        }
    }

    /** How many times any term occurs in the text. */
    int count(String text) {
        return count(text, TextWords.of(text));
    }

    /** @param words the text's words, looked up once for all the lists a text is read for */
    int count(String text, TextWords words) {
        Pattern pattern = patternFor(words);
        return pattern == null ? 0 : (int) pattern.matcher(text).results().count();
    }

    /** The distinct matches as written in the text, in order of appearance. */
    Set<String> find(String text) {
        return find(text, TextWords.of(text));
    }

    Set<String> find(String text, TextWords words) {
        Set<String> found = new LinkedHashSet<>();
        Pattern pattern = patternFor(words);
        if (pattern == null) {
            return found;
        }
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group().replaceAll("\\s+", " "));
        }
        return found;
    }

    List<String> terms() {
        return terms;
    }

    /** The pattern of every term, as it was before the text's words were looked up; for tests to compare. */
    Pattern allTerms() {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < alternatives.size(); i++) {
            all.add(i);
        }
        return compile(all);
    }

    /** The pattern of the terms whose first word is in the text, or null when there is none. */
    private Pattern patternFor(TextWords words) {
        List<Integer> possible = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < alternatives.size(); i++) {
            String first = firstWords.get(i);
            if (first.isEmpty() || (stemOnly.get(i) ? words.hasWordStartingWith(first) : words.contains(first))) {
                possible.add(i);
                key.append(i).append(',');
            }
        }
        if (possible.isEmpty()) {
            return null;
        }
        Pattern cached = patterns.get(key.toString());
        if (cached != null) {
            return cached;
        }
        Pattern pattern = compile(possible);
        patterns.put(key.toString(), pattern);
        return pattern;
    }

    private Pattern compile(List<Integer> terms) {
        List<String> chosen = new ArrayList<>();
        terms.forEach(i -> chosen.add(alternatives.get(i)));
        return Pattern.compile("(?<!" + WORD_CHAR + ")(?:" + String.join("|", chosen) + ")(?!" + WORD_CHAR + ")",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
