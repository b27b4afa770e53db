package org.redress.config;

import java.time.Duration;

/**
 * How a mailbox gets its OAuth2 access token for XOAUTH2 (IMAP and SMTP): Microsoft 365 with an app's client
 * credentials, Gmail with a refresh token, or any token endpoint. Secrets never appear in {@link #toString()}.
 *
 * @param account       which login it is for: {@code inbox.<id>} or {@code smtp}
 * @param prefix        the keys' prefix ({@code redress.inbox.<id>.oauth.}), for messages naming a key
 * @param refreshBefore how long before the token expires a new one is fetched
 */
public record OAuthConfig(String account, String prefix, String tokenUrl, Grant grant, String clientId,
                          String clientSecret, String refreshToken, String scope, Duration refreshBefore) {

    /** client-credentials: Microsoft 365 app-only access; refresh-token: Gmail (and delegated Microsoft) access. */
    public enum Grant { CLIENT_CREDENTIALS, REFRESH_TOKEN }

    @Override
    public String toString() {
        return "OAuth[" + account + " " + grant + " " + tokenUrl + " client=" + clientId + " secret=****]";
    }
}
