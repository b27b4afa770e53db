package org.redress.authenticity;

/**
 * A mail whose sender's domain failed DMARC at our own mail server: the From address may be forged. Its complaint
 * is still taken (a real customer behind a badly configured domain must not be lost), but agents are warned, it
 * updates no existing ticket, and the answer to it discloses nothing about other cases.
 *
 * @param authservId the server that said so (the configured {@code redress.intake.authserv-id})
 */
public record UnverifiedSender(String authservId) {
    /** The Jira label of a ticket opened from such a mail. */
    public static final String LABEL = "sender-unverified";
    /** What the warning atop the ticket's description is headed. */
    public static final String HEADING = "Sender not verified";

    /** The line at the top of the ticket's description. */
    public String warning() {
        return "the sender's domain failed DMARC at our mail server (" + authservId + ": dmarc=fail), so the From "
                + "address may be forged. Confirm who wrote before acting on this, and tell them nothing about the "
                + "customer's other cases.";
    }

    /** For the ticket of such a mail that named an existing ticket: why it was not added there. */
    public String claimedTicketNote(String claimedKey) {
        return "The sender named " + claimedKey + ", but their domain failed DMARC, so the From address may be forged: "
                + "nothing was added to " + claimedKey + " and nothing about it was disclosed.";
    }

    /** For the log and the register. */
    public String evidence() {
        return "dmarc=fail at " + authservId;
    }
}
