package org.redress.parsing;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Picks the language to answer a complaint in. A wrong guess is worse than none (a French customer answered in
 * Italian feels ignored; with no guess the inbox's default applies), so the guess is only given when the detector
 * is confident and the language is one the business answers in.
 *
 * <p>A Portuguese or Catalan mail must come out as "not ours" (null), not as the nearest configured language, so
 * every built-in Optimaize profile written in the configured languages' scripts is loaded, not just the configured
 * ones. Profiles in other scripts are not: a Japanese mail is told apart by its letters before any statistics, and
 * the detector's memory grows with the square of the profiles (all 70 cost 77 MB of heap for good, those in Latin
 * script 11 MB). Tika's own {@code OptimaizeLangDetector} is not used because loading the class builds all 70.
 *
 * <p>Loading is slow, so build one instance and share it; Optimaize's detector is immutable, so guesses run in parallel.
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
    /** A script counts as a profile's when this share of the letters it was trained on are written in it. */
    private static final double SCRIPT_SHARE = 0.10;

    private final Set<String> languages;
    private final Set<Character.UnicodeScript> scripts;
    private final LanguageDetector detector;

    public LanguageGuesser(Set<String> languages) {
        this.languages = languages.stream()
                .map(l -> l.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        List<LanguageProfile> builtIn;
        try {
            builtIn = new LanguageProfileReader().readAllBuiltIn();
        } catch (IOException e) {
            throw new UncheckedIOException("Optimaize's built-in language profiles cannot be read", e);
        }
        Set<Character.UnicodeScript> ours = EnumSet.noneOf(Character.UnicodeScript.class);
        builtIn.stream().filter(p -> this.languages.contains(p.getLocale().getLanguage()))
                .forEach(p -> ours.addAll(scripts(p)));
        this.scripts = ours;
        List<LanguageProfile> kept = builtIn.stream()
                .filter(p -> scripts(p).stream().anyMatch(ours::contains))
                .toList();
        // no configured language Optimaize knows: no guess ever, each inbox answers in its own language
        this.detector = kept.isEmpty() ? null : LanguageDetectorBuilder.create(NgramExtractors.standard())
                .shortTextAlgorithm(30)
                .withProfiles(kept)
                .build();
    }

    /** ISO 639-1 code from the configured set, or null when not confident or the text is too short. */
    public String guess(String text) {
        if (detector == null || text == null || letters(text) < MIN_LETTERS) {
            return null;
        }
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        if (!mostlyInOurScripts(sample)) {
            return null;
        }
        List<DetectedLanguage> results = detector.getProbabilities(sample);
        if (results.isEmpty()) {
            return null;
        }
        DetectedLanguage best = results.get(0);
        String language = best.getLocale().getLanguage().toLowerCase(Locale.ROOT);
        return languages.contains(language) && best.getProbability() >= MIN_PROBABILITY ? language : null;
    }

    private boolean mostlyInOurScripts(String text) {
        int letters = 0;
        int ours = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetter(c)) {
                letters++;
                if (scripts.contains(Character.UnicodeScript.of(c))) {
                    ours++;
                }
            }
        }
        return ours * 2 > letters;
    }

    /** The scripts a profile was trained on, read off its single letters weighted by how often they occur. */
    private static Set<Character.UnicodeScript> scripts(LanguageProfile profile) {
        Map<Character.UnicodeScript, Long> weight = new EnumMap<>(Character.UnicodeScript.class);
        long total = 0;
        for (Map.Entry<String, Integer> gram : profile.iterateGrams(1)) {
            int c = gram.getKey().codePointAt(0);
            if (Character.isLetter(c)) {
                weight.merge(Character.UnicodeScript.of(c), (long) gram.getValue(), Long::sum);
                total += gram.getValue();
            }
        }
        long all = total;
        Set<Character.UnicodeScript> scripts = EnumSet.noneOf(Character.UnicodeScript.class);
        weight.forEach((script, w) -> {
            if (w >= all * SCRIPT_SHARE) {
                scripts.add(script);
            }
        });
        return scripts;
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
