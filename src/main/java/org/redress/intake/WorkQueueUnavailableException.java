package org.redress.intake;

/**
 * The shared work queue (redress.work.queue=rabbitmq) did not take a complaint: its broker is away or did not confirm.
 * An outage like Jira's: the complaint waits (a mail in its inbox, a submission in the register) and no attempt is
 * counted against it.
 */
public final class WorkQueueUnavailableException extends RuntimeException {
    public WorkQueueUnavailableException(Throwable cause) {
        super("the work queue did not take the complaint: " + (cause == null ? "?" : cause.getMessage()), cause);
    }
}
