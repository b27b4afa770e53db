package org.redress.conversation;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.redress.complaint.Complaint;

/**
 * Finds the ticket a mail continues, in the order the headers are trustworthy: In-Reply-To names the very message
 * answered; References the thread (newest first); the key in the subject is last, because anyone can type it.
 */
public final class ThreadMatcher {
    private final Function<String, Optional<String>> ticketOfMessage;
    private final SubjectKey subjectKey;

    /**
     * @param ticketOfMessage the ticket a message id belongs to (the complaint, our acknowledgement, any mail we
     *                        sent or took in about it)
     */
    public ThreadMatcher(Function<String, Optional<String>> ticketOfMessage, SubjectKey subjectKey) {
        this.ticketOfMessage = ticketOfMessage;
        this.subjectKey = subjectKey;
    }

    public Optional<ThreadMatch> match(Complaint mail) {
        if (mail.inReplyTo() != null) {
            Optional<String> ticket = ticketOfMessage.apply(mail.inReplyTo());
            if (ticket.isPresent()) {
                return Optional.of(new ThreadMatch(ticket.get(), ThreadMatch.Rule.IN_REPLY_TO));
            }
        }
        List<String> references = mail.references();
        for (int i = references.size() - 1; i >= 0; i--) {
            Optional<String> ticket = ticketOfMessage.apply(references.get(i));
            if (ticket.isPresent()) {
                return Optional.of(new ThreadMatch(ticket.get(), ThreadMatch.Rule.REFERENCES));
            }
        }
        return subjectKey.find(mail.subject()).map(key -> new ThreadMatch(key, ThreadMatch.Rule.SUBJECT_KEY));
    }
}
