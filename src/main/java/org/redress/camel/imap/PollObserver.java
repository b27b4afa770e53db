package org.redress.camel.imap;

/** Told how long each look for new mail took, so that its cost can be watched as a mailbox grows. */
@FunctionalInterface
public interface PollObserver {
    PollObserver NONE = (inbox, nanos) -> { };

    void polled(String inbox, long nanos);
}
