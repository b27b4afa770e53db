package org.redress.intake;

/**
 * What to do with a mail whose processing failed.
 *
 * @param quarantine true: move it out of the inbox and record the reason; false: leave it for the next poll
 * @param reason     the failure as an agent or operator should read it
 */
public record FailureDecision(boolean quarantine, String reason) {
}
