package org.redress.camel.imap;

import java.time.Duration;

/**
 * Told what an inbox's reader sees, for health and metrics: that the server answered or not, how long each look for
 * new mail took (its cost must not grow with the mailbox), how much mail is waiting, and how late mail is picked up.
 */
public interface PollObserver {
    PollObserver NONE = new PollObserver() {
    };

    /**
     * One look for new mail (a NOOP and a UID SEARCH above the last UID looked at) took this long, of which the
     * looking thread spent {@code cpuNanos} on the CPU; the rest was the server's answer and the network.
     */
    default void polled(String inbox, long nanos, long cpuNanos) {
    }

    /** One search of the whole folder for unseen mail (a NOOP and a SEARCH UNSEEN, every few seconds) took this long. */
    default void swept(String inbox, long nanos) {
    }

    /** A round with the server went through. */
    default void reached(String inbox) {
    }

    /** The server could not be reached, refused the login, or broke off; the reader tries again. */
    default void failed(String inbox, String reason) {
    }

    /** Mails found and not finished yet: in the lanes, waiting for room, or to be tried again. */
    default void backlog(String inbox, int mails) {
    }

    /** From the server taking the mail in (INTERNALDATE) to the gateway handing it to a lane. */
    default void pickedUp(String inbox, Duration lag) {
    }
}
