package org.redress.triage;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * The distinct words of a text, case-folded as a case-insensitive Unicode regex compares characters, so that a
 * {@link WordList} can tell at once which of its terms cannot occur: a term occurs only where its first word does.
 * A word is a run of letters, marks and digits, as the word lists' boundaries are.
 */
final class TextWords {
    private final String[] sorted;

    private TextWords(String[] sorted) {
        this.sorted = sorted;
    }

    static TextWords of(String text) {
        TreeSet<String> words = new TreeSet<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (isWordChar(c)) {
                word.appendCodePoint(fold(c));
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return new TextWords(words.toArray(String[]::new));
    }

    /** The first word of a term, folded: empty when the term does not start with a word character. */
    static String firstWord(String term) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < term.length(); ) {
            int c = term.codePointAt(i);
            if (!isWordChar(c)) {
                break;
            }
            word.appendCodePoint(fold(c));
            i += Character.charCount(c);
        }
        return word.toString();
    }

    boolean contains(String foldedWord) {
        return Arrays.binarySearch(sorted, foldedWord) >= 0;
    }

    boolean hasWordStartingWith(String foldedPrefix) {
        int at = Arrays.binarySearch(sorted, foldedPrefix);
        return at >= 0 || (-at - 1 < sorted.length && sorted[-at - 1].startsWith(foldedPrefix));
    }

    /** {@code \p{L}}, {@code \p{M}} and {@code \p{N}} of {@link java.util.regex.Pattern}. */
    static boolean isWordChar(int c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                 Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                 Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** The character as {@code CASE_INSENSITIVE | UNICODE_CASE} compares it. */
    private static int fold(int c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }
}
