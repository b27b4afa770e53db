package org.redress.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QuoteHeaderTest {
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u2007\\u2009\\u202f]+");

    /** The shortcut for lines with nothing to replace must give what the replacing pattern gives, for every line. */
    @Test
    void aLineIsNormalisedAsThePatternWouldWhateverItsSpaces() {
        char[] alphabet = {'a', 'b', ':', ' ', ' ', '\t', '\r', '\u000B', '\f', '\u00a0', '\u2007', '\u2009', '\u202f',
            '\u2003', '\u3000'};
        Random random = new Random(20261205);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder line = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                line.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = line.toString();

            assertThat(QuoteHeader.normalized(text)).as("%s", text.chars().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(SPACES.matcher(text).replaceAll(" ").strip());
        }
    }

    @Test
    void frenchSpacesBeforeTheColonCountAsOne() {
        assertThat(QuoteHeader.normalized("  Le 3 déc. 2026 à 10:12, Marie <marie@example.fr> a\u00a0écrit\u202f: "))
                .isEqualTo("Le 3 déc. 2026 à 10:12, Marie <marie@example.fr> a écrit :");
    }
}
