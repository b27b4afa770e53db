package org.redress.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Tells whether a delivery report is about a mail the gateway sent, and so which ticket it belongs to. Only our own
 * outgoing mail counts — a report about a customer's mail is none of our business — looked up by the returned
 * message's Message-ID first (the report's own evidence), then by the report's In-Reply-To and References, which
 * some servers point at the bounced mail. A report with no failed recipient (a delay, a success) is no bounce.
 */
public final class BounceMatcher {
    private final Function<String, Optional<String>> ticketOfOurMail;
    private final Function<String, Optional<String>> subjectOfOurMail;

    /**
     * @param ticketOfOurMail  the ticket of a mail we sent, by its Message-ID; empty for any other message
     * @param subjectOfOurMail the subject of a mail we sent, by its Message-ID
     */
    public BounceMatcher(Function<String, Optional<String>> ticketOfOurMail,
                         Function<String, Optional<String>> subjectOfOurMail) {
        this.ticketOfOurMail = ticketOfOurMail;
        this.subjectOfOurMail = subjectOfOurMail;
    }

    /**
     * @param inReplyTo  the report's own In-Reply-To, or null
     * @param references the report's own References, oldest first
     */
    public Optional<OwnMailBounce> match(DeliveryReport report, String inReplyTo, List<String> references) {
        if (report.failed().isEmpty()) {
            return Optional.empty();
        }
        List<String> candidates = new ArrayList<>();
        candidates.add(report.returnedMessageId());
        candidates.add(inReplyTo);
        for (int i = references.size() - 1; i >= 0; i--) {
            candidates.add(references.get(i));
        }
        for (String messageId : candidates) {
            if (messageId == null) {
                continue;
            }
            Optional<String> ticket = ticketOfOurMail.apply(messageId);
            if (ticket.isPresent()) {
                return Optional.of(new OwnMailBounce(ticket.get(), messageId,
                        subjectOfOurMail.apply(messageId).orElse(null), report.failed()));
            }
        }
        return Optional.empty();
    }
}
