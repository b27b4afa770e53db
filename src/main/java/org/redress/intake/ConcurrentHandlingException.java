package org.redress.intake;

/**
 * Another handler is at the same step of the same complaint right now: nothing is wrong with the complaint, and
 * trying again later (when the other handler has finished) is the cure. Counts as a transient failure.
 */
public final class ConcurrentHandlingException extends RuntimeException {
    public ConcurrentHandlingException(String message) {
        super(message);
    }
}
