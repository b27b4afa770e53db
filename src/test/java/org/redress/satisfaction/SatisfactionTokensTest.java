package org.redress.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SatisfactionTokensTest {
    private final SatisfactionTokens tokens = new SatisfactionTokens("a-secret-of-sixteen+");

    @Test
    void aTokenOfOursNamesItsQuestion() {
        String id = tokens.newId();
        assertThat(tokens.verify(tokens.token(id))).contains(id);
        assertThat(tokens.newId()).isNotEqualTo(id).hasSize(22);
    }

    @Test
    void forgedAlteredOrForeignTokensAreRefused() {
        String id = tokens.newId();
        String token = tokens.token(id);
        String otherId = tokens.newId();
        assertThat(tokens.verify(otherId + token.substring(token.indexOf('.')))).isEmpty();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (char c : alphabet.toCharArray()) {
            String altered = token.substring(0, token.length() - 1) + c;
            if (!altered.equals(token)) {
                assertThat(tokens.verify(altered)).as("every other last character, unused bits too").isEmpty();
            }
        }
        assertThat(tokens.verify(new SatisfactionTokens("another-secret-16ch").token(id))).isEmpty();
        assertThat(tokens.verify(id)).isEmpty();
        assertThat(tokens.verify("x.%%%")).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
    }
}
