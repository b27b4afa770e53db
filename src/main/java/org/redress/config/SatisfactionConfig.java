package org.redress.config;

import java.time.Duration;

/**
 * The satisfaction check sent with a resolution.
 *
 * @param enabled        whether resolution mails ask for a score
 * @param secret         signs the one-click links; a link whose signature does not match is refused
 * @param validFor       how long a link can be used
 * @param publicUrl      the gateway's address as customers reach it, for the links ({@code redress.http.public-url})
 * @param lowScore       scores at or below it are low (0: none is)
 * @param lowScoreLabel  a label a low score puts on the ticket, or null
 * @param lowScoreMention the account id mentioned in the comment a low score adds, or null
 * @param lowScoreReopen whether a low score reopens the ticket
 */
public record SatisfactionConfig(boolean enabled, String secret, Duration validFor, String publicUrl, int lowScore,
                                 String lowScoreLabel, String lowScoreMention, boolean lowScoreReopen) {

    @Override
    public String toString() {
        return "Satisfaction[enabled=" + enabled + " secret=**** validFor=" + validFor + " url=" + publicUrl
                + " lowScore=" + lowScore + "]";
    }
}
