package org.redress.acknowledgement;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.redress.complaint.Complaint;
import org.redress.history.CustomerHistory;
import org.redress.history.PastComplaint;

/**
 * Writes the first answer a customer gets: thanks, an apology that does not argue, the ticket reference, what
 * happens next and by when, and that replying adds to the same ticket. The words are the templates'; this class
 * decides the language, the threading and what the templates may use.
 */
public final class AcknowledgementComposer {
    public static final String TEMPLATE = "acknowledgement";

    private final TemplateRenderer templates;
    private final Duration firstResponse;

    public AcknowledgementComposer(TemplateRenderer templates, Duration firstResponse) {
        this.templates = templates;
        this.firstResponse = firstResponse;
    }

    /**
     * @param language the language to answer in: the detected one, else the inbox's
     * @param history  what is known of the customer's earlier complaints, or null; a returning customer is told
     *                 their earlier cases are linked, so they know they need not tell the story again
     */
    public ReplyMail compose(Complaint complaint, long complaintId, String ticketKey, String inboxAddress,
                             String language, CustomerHistory history, Instant now) {
        Map<String, Object> model = new HashMap<>();
        model.put("customerName", complaint.sender().displayName() == null ? "" : complaint.sender().displayName());
        model.put("ticketKey", ticketKey);
        model.put("subject", complaint.subject());
        model.put("firstResponseHours", Math.max(1, (firstResponse.toMinutes() + 59) / 60));
        model.put("attachmentCount", complaint.attachments().size());
        model.put("inboxAddress", inboxAddress);
        model.put("earlierTickets", history == null ? java.util.List.of()
                : history.earlier().stream().map(PastComplaint::ticketKey).toList());
        model.put("openEarlierTickets", history == null ? java.util.List.of()
                : history.open().stream().map(PastComplaint::ticketKey).toList());
        TemplateRenderer.Rendered rendered = templates.render(TEMPLATE, language, model);
        String domain = inboxAddress.substring(inboxAddress.indexOf('@') + 1);
        String messageId = "<redress.ack." + ticketKey.toLowerCase(Locale.ROOT) + "." + complaintId + "."
                + java.util.UUID.randomUUID() + "@" + domain + ">";
        return new ReplyMail(messageId, inboxAddress, null, complaint.sender().address(),
                complaint.sender().displayName(), ReplyMail.replySubject(complaint.subject(), ticketKey),
                complaint.messageId(), complaint.references(), rendered.language(), rendered.text(), ticketKey, now,
                "auto-replied", java.util.List.of());
    }
}
