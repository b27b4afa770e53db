package org.redress.oauth;

import java.time.Instant;

/** An OAuth2 access token and when it stops working. {@link #toString()} never shows the token. */
public record AccessToken(String value, Instant expiresAt) {
    public boolean validAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken[expires " + expiresAt + "]";
    }
}
