package org.redress.store;

import java.time.Instant;

/** One row of the complaint register, as far as the pipeline needs it to know what is already done. */
public record RegisterEntry(long id, String dedupKey, String messageId, String inbox, String sender, String subject,
                           String language, String ticketKey, Outcome outcome, String reason, int attempts, int uploadsDone,
                           long rawMailId, Instant receivedAt, Instant ticketedAt, Instant attachmentsAt,
                           Instant acknowledgedAt, Instant completedAt, String kind, String threadRule,
                           String claimedKey, String commentId, String resolvedAction, String channel,
                           String replyChannel) {

    /** The channel a complaint came in on: {@code email} for the inboxes (routes/README.md names the others). */
    public static final String EMAIL = "email";

    public RegisterEntry {
        channel = channel == null ? EMAIL : channel;
        replyChannel = replyChannel == null ? EMAIL : replyChannel;
    }

    /** True when the complaint came from a mailbox, false when a channel route handed it over. */
    public boolean cameByEmail() {
        return EMAIL.equals(channel);
    }

    /** A mail added to an existing ticket rather than a new complaint. */
    public boolean isReply() {
        return "reply".equals(kind);
    }

    /** A report that one of our mails bounced, noted (or about to be noted) on {@link #ticketKey()}. */
    public boolean isBounce() {
        return "bounce".equals(kind);
    }

    /** Nothing is left to do for this mail: a re-delivery of it is only marked handled. */
    public boolean finished() {
        return outcome != Outcome.RECEIVED;
    }
}
