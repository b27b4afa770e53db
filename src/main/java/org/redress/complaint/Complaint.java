package org.redress.complaint;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A complaint as every later step sees it, whatever channel it came in on. Nothing after intake reads the raw
 * message again: what an agent or a template needs must be here.
 *
 * @param channel     the channel it arrived on ("email")
 * @param inbox       the id of the configured inbox that received it
 * @param sender      the customer
 * @param recipients  every To and Cc address (lower case), ours included
 * @param subject     the decoded subject, possibly empty, never null
 * @param text        the customer's words as readable text (from text/plain, or from HTML through jsoup),
 *                    with forwarded messages appended
 * @param language    ISO 639-1 code of the detected language, or null when detection was not confident
 * @param attachments every attached file, forwarded messages included as .eml files
 * @param messageId   the Message-ID header with its angle brackets, or null when the mail had none
 * @param inReplyTo   the In-Reply-To message id, or null
 * @param references  the References message ids in order, possibly empty
 * @param sentAt      the Date header, or null when missing or unreadable
 * @param receivedAt  when the gateway took the mail
 * @param headers     every header, names in lower case, values decoded (RFC 2047); for screening and agents
 */
public record Complaint(String channel, String inbox, Party sender, List<String> recipients, String subject,
                        String text, String language, List<Attachment> attachments, String messageId,
                        String inReplyTo, List<String> references, Instant sentAt, Instant receivedAt,
                        Map<String, List<String>> headers) {

    public Complaint {
        recipients = List.copyOf(recipients);
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
        attachments = List.copyOf(attachments);
        references = List.copyOf(references);
        headers = Map.copyOf(headers);
    }

    /** The first value of a header (name in any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
