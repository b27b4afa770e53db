package org.redress.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.redress.config.OAuthConfig;

/**
 * The access token of one mailbox login, fetched again {@code refresh-before} ahead of its expiry, so that no
 * connection ever meets an expired token. A failed refresh is not silent (the incumbents' known failure: a mailbox
 * that quietly stops being read): it is counted, logged, and shown by /q/health and /q/metrics while the old token
 * still works, and the next look tries again.
 */
public final class MailboxToken {
    /** Told of every refresh, for the log, health and metrics. */
    public interface Observer {
        void refreshed(String account, AccessToken token);

        void refreshFailed(String account, String reason, AccessToken stillValid);
    }

    private final OAuthConfig config;
    private final TokenEndpoint endpoint;
    private final Clock clock;
    private final Observer observer;
    private AccessToken token;
    private String lastError;
    private long failures;

    public MailboxToken(OAuthConfig config, TokenEndpoint endpoint, Clock clock, Observer observer) {
        this.config = config;
        this.endpoint = endpoint;
        this.clock = clock;
        this.observer = observer;
    }

    public String account() {
        return config.account();
    }

    /**
     * A token valid now, fetched first when there is none or it is due.
     *
     * @throws TokenRefreshException when there is no valid token and none can be had
     */
    public synchronized String accessToken() {
        Instant now = clock.instant();
        if (token == null || due(now)) {
            refresh();
        }
        if (token == null || !token.validAt(clock.instant())) {
            throw new TokenRefreshException("no valid OAuth2 token for " + config.account() + ": " + lastError, null);
        }
        return token.value();
    }

    /** Fetches a new token when the current one is due; a failure is recorded, not thrown. */
    public synchronized void refreshIfDue() {
        if (token == null || due(clock.instant())) {
            refresh();
        }
    }

    private boolean due(Instant now) {
        return !now.isBefore(token.expiresAt().minus(config.refreshBefore()));
    }

    private void refresh() {
        try {
            token = endpoint.fetch(config);
            lastError = null;
            observer.refreshed(config.account(), token);
        } catch (TokenRefreshException e) {
            failures++;
            lastError = e.getMessage();
            AccessToken stillValid = token != null && token.validAt(clock.instant()) ? token : null;
            observer.refreshFailed(config.account(), e.getMessage(), stillValid);
        }
    }

    /** How long the current token still works (zero when there is none). */
    public synchronized Duration validFor() {
        return token == null || !token.validAt(clock.instant()) ? Duration.ZERO
                : Duration.between(clock.instant(), token.expiresAt());
    }

    public synchronized long failures() {
        return failures;
    }

    /** The last refresh's failure, or null when it worked. */
    public synchronized String lastError() {
        return lastError;
    }
}
