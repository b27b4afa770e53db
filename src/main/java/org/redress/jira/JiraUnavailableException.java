package org.redress.jira;

/**
 * Jira could not be reached, answered 5xx or 429, or refused our credentials: nothing is wrong with the complaint,
 * so it stays in its inbox and does not count towards quarantine.
 */
public final class JiraUnavailableException extends RuntimeException {
    private final int status;

    public JiraUnavailableException(String message, Throwable cause) {
        this(0, message, cause);
    }

    /** @param status Jira's HTTP status, 0 when it gave none (unreachable, breaker open, unreadable answer) */
    public JiraUnavailableException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** Jira's HTTP status, or 0 when it gave none. */
    public int status() {
        return status;
    }
}
