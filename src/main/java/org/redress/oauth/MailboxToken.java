package org.redress.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.redress.config.OAuthConfig;

/**
 * The access token of one mailbox login, fetched again {@code refresh-before} ahead of its expiry, so that no
 * connection ever meets an expired token. A failed refresh is not silent (the incumbents' known failure: a mailbox
 * that quietly stops being read): it is counted, logged, and shown by /q/health and /q/metrics while the old token
 * still works; the next attempt waits a little longer each time (5 s doubling to a minute), so that an identity
 * provider that is down is not hammered by every login.
 */
public final class MailboxToken {
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    /** Told of every refresh, for the log, health and metrics. */
    public interface Observer {
        void refreshed(String account, AccessToken token);

        void refreshFailed(String account, String reason, AccessToken stillValid);
    }

    /** What health and metrics read, replaced whole at each refresh: reading it never waits for a token endpoint. */
    private record State(AccessToken token, String lastError, long failures, int failuresInARow, Instant nextAttempt) {
    }

    private final OAuthConfig config;
    private final TokenEndpoint endpoint;
    private final Clock clock;
    private final Observer observer;
    private final Object refreshing = new Object();
    private volatile State state = new State(null, null, 0, 0, Instant.MIN);
    /** The refresh token to present: the configured one until the endpoint rotates it. */
    private volatile String refreshToken;

    public MailboxToken(OAuthConfig config, TokenEndpoint endpoint, Clock clock, Observer observer) {
        this.config = config;
        this.endpoint = endpoint;
        this.clock = clock;
        this.observer = observer;
        this.refreshToken = config.refreshToken();
    }

    public String account() {
        return config.account();
    }

    /**
     * A token valid now, fetched first when there is none or it is due (unless a failed attempt asks to wait).
     *
     * @throws TokenRefreshException when there is no valid token and none can be had now
     */
    public String accessToken() {
        refreshIfDue();
        State now = state;
        if (now.token() == null || !now.token().validAt(clock.instant())) {
            throw new TokenRefreshException("no valid OAuth2 token for " + config.account() + ": " + now.lastError(),
                    null);
        }
        return now.token().value();
    }

    /** Fetches a new token when the current one is due; a failure is recorded, not thrown. */
    public void refreshIfDue() {
        if (!due(state)) {
            return;
        }
        synchronized (refreshing) {
            State current = state;
            if (!due(current)) {
                return; // another thread refreshed meanwhile
            }
            try {
                TokenEndpoint.Issued issued = endpoint.fetch(config, refreshToken);
                if (issued.rotatedRefreshToken() != null) {
                    refreshToken = issued.rotatedRefreshToken();
                }
                state = new State(issued.token(), null, current.failures(), 0, Instant.MIN);
                observer.refreshed(config.account(), issued.token());
            } catch (TokenRefreshException e) {
                Instant now = clock.instant();
                int inARow = current.failuresInARow() + 1;
                Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(10, inARow - 1));
                state = new State(current.token(), e.getMessage(), current.failures() + 1, inARow,
                        now.plus(wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait));
                AccessToken stillValid = current.token() != null && current.token().validAt(now) ? current.token() : null;
                observer.refreshFailed(config.account(), e.getMessage(), stillValid);
            }
        }
    }

    private boolean due(State current) {
        Instant now = clock.instant();
        if (now.isBefore(current.nextAttempt())) {
            return false;
        }
        return current.token() == null || !now.isBefore(current.token().expiresAt().minus(config.refreshBefore()));
    }

    /** How long the current token still works (zero when there is none). */
    public Duration validFor() {
        AccessToken token = state.token();
        Instant now = clock.instant();
        return token == null || !token.validAt(now) ? Duration.ZERO : Duration.between(now, token.expiresAt());
    }

    public long failures() {
        return state.failures();
    }

    /** The last refresh's failure, or null when it worked. */
    public String lastError() {
        return state.lastError();
    }
}
