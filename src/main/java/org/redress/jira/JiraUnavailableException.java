package org.redress.jira;

/**
 * Jira could not be reached, answered 5xx or 429, or refused our credentials: nothing is wrong with the complaint,
 * so it stays in its inbox and does not count towards quarantine.
 */
public final class JiraUnavailableException extends RuntimeException {
    public JiraUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
