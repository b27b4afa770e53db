package org.redress.oauth;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says in the log what becomes of each mailbox's token: a failed refresh is an ERROR, with how long is left. */
public final class TokenLog implements MailboxToken.Observer {
    private static final Logger LOG = LoggerFactory.getLogger(TokenLog.class);
    private final Clock clock;

    public TokenLog(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void refreshed(String account, AccessToken token) {
        LOG.info("OAuth2 token for {} refreshed, valid until {}", account, token.expiresAt());
    }

    @Override
    public void refreshFailed(String account, String reason, AccessToken stillValid) {
        if (stillValid == null) {
            LOG.error("OAuth2 token refresh for {} failed and no valid token is left: the mailbox cannot log in until "
                    + "it works ({}); see /q/health oauth.{}", account, reason, account);
        } else {
            LOG.error("OAuth2 token refresh for {} failed ({}); the current token works for {} more seconds, tried "
                    + "again at the next look", account, reason,
                    Duration.between(clock.instant(), stillValid.expiresAt()).toSeconds());
        }
    }
}
