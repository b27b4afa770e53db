package org.redress.channel;

/**
 * One thing wrong with a submission, for the customer or the integrator to fix.
 *
 * @param field   the field at fault, as the contract names it ({@code customer.email}, {@code files[1]})
 * @param message what is wrong, in English (the web form shows its own words for the common cases)
 * @param code    a stable code for the kind of problem ({@code required}, {@code invalid}, {@code too-long},
 *                {@code too-large}, {@code type}, {@code too-many}, {@code unknown})
 */
public record SubmissionProblem(String field, String message, String code) {
}
