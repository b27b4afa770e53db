package org.redress.store;

/** Where a mail stands in the register. */
public enum Outcome {
    /** Taken in; the later steps have not all finished yet. */
    RECEIVED,
    /** Ticket open and acknowledgement handed to the outbox. */
    TICKETED,
    /** A customer's reply added to their existing ticket as a comment (with its files). */
    COMMENTED,
    /** Not a complaint (auto-reply, bounce, list mail, our own mail); the reason says which. */
    IGNORED,
    /** Could not be handled after the allowed attempts; the reason says why and the raw mail is kept. */
    QUARANTINED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Outcome of(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
