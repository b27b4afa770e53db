package org.redress.oauth;

/** No access token could be had: the mailbox cannot log in until one can. */
public final class TokenRefreshException extends RuntimeException {
    public TokenRefreshException(String message, Throwable cause) {
        super(message, cause);
    }
}
