package org.redress.sandbox.jira;

/**
 * How one webhook delivery ended, so a test can assert on what the sandbox sent without running
 * its own receiver, and can tell "never sent" apart from "sent and refused".
 *
 * @param identifier   the {@code X-Atlassian-Webhook-Identifier}, the same on every attempt
 * @param webhookEvent e.g. {@code comment_created}
 * @param body         the exact JSON bytes posted (and signed), as UTF-8 text
 * @param attempts     1 when the first POST was accepted
 * @param lastStatus   the receiver's last HTTP status, or -1 when the last attempt could not connect
 * @param delivered    false when the sandbox gave up after its retries
 */
public record WebhookDelivery(String identifier, String webhookEvent, String body, int attempts, int lastStatus,
                              boolean delivered) {
}
