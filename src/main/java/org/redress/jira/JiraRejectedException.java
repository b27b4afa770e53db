package org.redress.jira;

/** Jira refused the request (4xx other than auth and rate limits); the message carries Jira's own error text. */
public final class JiraRejectedException extends RuntimeException {
    private final int status;

    public JiraRejectedException(int status, String message) {
        super("Jira refused the request (" + status + "): " + message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
