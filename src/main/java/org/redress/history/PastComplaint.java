package org.redress.history;

import java.time.Instant;

/**
 * An earlier complaint of the same customer, as the register and Jira know it.
 *
 * @param ticketKey    the Jira issue
 * @param receivedAt   when it came in (the creation date for complaints older than the gateway)
 * @param subject      its subject or issue summary
 * @param status       its Jira status, or the register's outcome when Jira was not asked
 * @param resolution   how it was resolved ("Done", "Won't Do"…), or null while open
 * @param resolvedAt   when, or null
 * @param open         whether it still needs work
 * @param satisfaction the customer's score (1–5) for how it was handled, or null when not given
 */
public record PastComplaint(String ticketKey, Instant receivedAt, String subject, String status, String resolution,
                            Instant resolvedAt, boolean open, Integer satisfaction) {

    /** What an agent reads in one line: "open (In Progress)", "resolved: Done". */
    public String outcome() {
        if (open) {
            return status == null ? "open" : "open (" + status + ")";
        }
        return resolution == null ? (status == null ? "resolved" : status) : "resolved: " + resolution;
    }

    /** The same ticket seen by another source: this one's facts first, the other's where this one has none. */
    PastComplaint completedWith(PastComplaint other) {
        return new PastComplaint(ticketKey, earliest(receivedAt, other.receivedAt),
                subject != null ? subject : other.subject, status != null ? status : other.status,
                // a source that knows the status also knows whether it is resolved (a reopened ticket is not)
                status != null ? resolution : other.resolution, status != null ? resolvedAt : other.resolvedAt,
                status != null ? open : other.open, satisfaction != null ? satisfaction : other.satisfaction);
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
