package org.redress.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WordListTest {

    @Test
    void termsMatchWholeWordsWhateverTheCaseOfTheirFirstLetter() {
        WordList list = new WordList(List.of("endommagé*", "ärger", "money back", "Mitarbeiter*", "1er envoi"));

        String text = "ENDOMMAGÉE, Ärger, MONEY \n back, mitarbeiterin, 1ER  envoi; xendommagé, ärgerlich, moneyback";

        assertThat(list.find(text)).containsExactly("ENDOMMAGÉE", "Ärger", "MONEY back", "mitarbeiterin", "1ER envoi");
        assertThat(list.count(text)).isEqualTo(5);
    }

    @Test
    void termsWhoseFirstWordIsNotInTheTextAreLeftOutWithoutChangingWhatIsFound() {
        List<WordList> lists = new ArrayList<>(List.of(HintDetector.LEGAL, HintDetector.HOSTILE,
                new WordList(List.of("endommagé*", "ärger", "money back", "Mitarbeiter*", "1er envoi", "ufc-que choisir",
                        "legal action", "action en justice", "-vs-", "sue you"))));
        CategoryClassifier.DEFAULTS.values().forEach(terms -> lists.add(new WordList(terms)));
        Random random = new Random(20261206);
        int found = 0;
        for (WordList list : lists) {
            Pattern all = list.allTerms();
            for (int i = 0; i < 400; i++) {
                String text = text(random, list.terms());
                Set<String> expected = new LinkedHashSet<>();
                Matcher matcher = all.matcher(text);
                int count = 0;
                while (matcher.find()) {
                    expected.add(matcher.group().replaceAll("\\s+", " "));
                    count++;
                }
                assertThat(list.find(text)).as(text).containsExactlyElementsOf(expected);
                assertThat(list.count(text)).as(text).isEqualTo(count);
                found += count;
            }
        }
        assertThat(found).as("the texts hold terms, not only near misses").isGreaterThan(1000);
    }

    /**
     * Terms in every case, cut short, run on, glued to letters, digits and marks (some outside the BMP: 𐐀, 𝐀, 𝟎),
     * among other words.
     */
    private static String text(Random random, List<String> terms) {
        StringBuilder text = new StringBuilder();
        String[] separators = {" ", ", ", "\n", "  ", "-", "'", "!", "\u00A0", "(", "1", "x", "\u0301", "é",
                "\uD801\uDC00", "\uD835\uDC00", "\uD835\uDFCE"};
        String[] fillers = {"the", "Le", "42", "€", "très", "ORDER", "İst", "Kelvin", "ſo", ""};
        for (int piece = 0, pieces = 1 + random.nextInt(8); piece < pieces; piece++) {
            text.append(separators[random.nextInt(separators.length)]);
            if (random.nextInt(3) == 0) {
                text.append(fillers[random.nextInt(fillers.length)]);
                continue;
            }
            String term = terms.get(random.nextInt(terms.size()));
            String word = term.endsWith("*") ? term.substring(0, term.length() - 1)
                    + List.of("", "e", "i", "ung", "s1").get(random.nextInt(5)) : term;
            if (random.nextInt(4) == 0 && word.length() > 2) {
                word = word.substring(0, 1 + random.nextInt(word.length() - 1));
            }
            word = switch (random.nextInt(5)) {
                case 0 -> word.toUpperCase(Locale.ROOT);
                case 1 -> word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
                case 2 -> word.replace(" ", random.nextBoolean() ? "\n  " : "\t")
                        .replace('s', 'ſ').replace('i', 'İ').replace('k', '\u212A');
                default -> word;
            };
            text.append(word);
        }
        return text.toString();
    }
}
