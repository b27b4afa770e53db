package org.redress.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sketch only filters: it must never rule out a word the text holds, and should rule out most it lacks. */
class TrigramSketchTest {

    @Test
    void neverRulesOutAWordTheSummaryOrDescriptionHolds() {
        Random random = new Random(42);
        for (int round = 0; round < 2_000; round++) {
            String summary = text(random, 1 + random.nextInt(80));
            String description = text(random, random.nextInt(4_000));
            String source = random.nextBoolean() || description.isEmpty() ? summary : description;
            int start = random.nextInt(source.length());
            String word = source.substring(start, Math.min(source.length(), start + 1 + random.nextInt(30)));
            assertThat(TrigramSketch.of(summary, description).mayContain(TrigramSketch.of(word)))
                    .as("'%s' in %s", word, source.equals(summary) ? "the summary" : "the description").isTrue();
        }
    }

    @Test
    void rulesOutAnAddressThatIsNotInTheText() {
        TrigramSketch ticket = TrigramSketch.of("parcel arrived damaged", "from: anna.rossi@example.org\nthe lid "
                + "was broken and the box wet. order 10045, delivered on monday. please replace it.");
        assertThat(ticket.mayContain(TrigramSketch.of("anna.rossi@example.org"))).isTrue();
        assertThat(ticket.mayContain(TrigramSketch.of("marc.dupont@example.fr"))).isFalse();
    }

    private static String text(Random random, int length) {
        String letters = "abcdefghijklmnopqrstuvwxyz@.-0123456789 éàü\n";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(letters.charAt(random.nextInt(letters.length())));
        }
        return text.toString();
    }
}
