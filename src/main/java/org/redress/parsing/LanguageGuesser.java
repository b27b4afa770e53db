package org.redress.parsing;

import org.apache.tika.langdetect.optimaize.OptimaizeLangDetector;
import org.apache.tika.language.detect.LanguageResult;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Picks the language to answer a complaint in. A wrong guess is worse than none (a French customer answered in
 * Italian feels ignored; with no guess the inbox's default applies), so the guess is only given when the detector
 * is confident and the language is one the business answers in.
 *
 * <p>All of Optimaize's language models are loaded, not just the configured ones: a Portuguese or Japanese mail
 * must come out as "not ours" (null), not as the nearest configured language. Loading is slow, so build one
 * instance and share it; {@link #guess} is synchronized because Tika's detector keeps per-call state.
 */
public final class LanguageGuesser {

    /**
     * Below this many letters the detector's statistics are noise: "plain text / A plain text email" comes out
     * French with probability 1.0, "Die Lampe ist kaputt angekommen" Afrikaans.
     */
    static final int MIN_LETTERS = 30;
    /** Optimaize's probability for the top language; it reports 0.99+ on any real paragraph. */
    static final double MIN_PROBABILITY = 0.80;
    private static final int MAX_CHARS = 10_000;

    private final Set<String> languages;
    private final OptimaizeLangDetector detector;

    public LanguageGuesser(Set<String> languages) {
        this.languages = languages.stream()
                .map(l -> l.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.detector = new OptimaizeLangDetector();
        this.detector.loadModels();
    }

    /** ISO 639-1 code from the configured set, or null when not confident or the text is too short. */
    public synchronized String guess(String text) {
        if (text == null || letters(text) < MIN_LETTERS) {
            return null;
        }
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        detector.reset();
        detector.addText(sample);
        List<LanguageResult> results = detector.detectAll();
        if (results.isEmpty()) {
            return null;
        }
        LanguageResult best = results.get(0);
        String language = best.getLanguage().toLowerCase(Locale.ROOT);
        int dash = language.indexOf('-');
        if (dash > 0) {
            language = language.substring(0, dash);
        }
        return languages.contains(language) && best.getRawScore() >= MIN_PROBABILITY ? language : null;
    }

    private static int letters(String text) {
        int count = 0;
        for (int i = 0; i < text.length() && count < MIN_LETTERS; i++) {
            if (Character.isLetter(text.charAt(i))) {
                count++;
            }
        }
        return count;
    }
}
