package org.redress.acknowledgement;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.redress.complaint.Complaint;
import org.redress.conversation.TicketConversation;

/**
 * The mails of a conversation after the first answer: the acknowledgement of a reply that reopened a case, an
 * agent's public comment, news while the case is open, and the resolution with the satisfaction question. Each goes from the ticket's inbox to its customer, in the ticket's
 * language, threaded under the original complaint with the key in the subject, so that any answer comes back.
 */
public final class CustomerMailComposer {
    public static final String REPLY_RECEIVED = "reply_received";
    public static final String AGENT_COMMENT = "agent_comment";
    public static final String RESOLVED = "resolved";
    public static final String PROGRESS = "progress";
    public static final List<String> TEMPLATES = List.of(REPLY_RECEIVED, AGENT_COMMENT, RESOLVED, PROGRESS);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG);

    private final TemplateRenderer templates;
    private final Duration firstResponse;

    public CustomerMailComposer(TemplateRenderer templates, Duration firstResponse) {
        this.templates = templates;
        this.firstResponse = firstResponse;
    }

    public ReplyMail replyReceived(TicketConversation ticket, Complaint reply, long replyId, Instant now) {
        Map<String, Object> model = model(ticket, reply.sender().displayName());
        model.put("firstResponseHours", Math.max(1, (firstResponse.toMinutes() + 59) / 60));
        TemplateRenderer.Rendered text = templates.render(REPLY_RECEIVED, ticket.language(), model);
        // answers the reply itself, so the customer's program shows it right under what they sent
        return new ReplyMail(messageId("reply", ticket, replyId), ticket.inboxAddress(), null,
                reply.sender().address(), reply.sender().displayName(),
                ReplyMail.replySubject(ticket.subject(), ticket.ticketKey()), reply.messageId(),
                reply.references(), text.language(), text.text(), ticket.ticketKey(), now, "auto-replied", List.of());
    }

    /**
     * @param agentName the agent's display name as Jira gives it (customers see who answers them)
     */
    public ReplyMail agentComment(TicketConversation ticket, String agentName, String commentText, String commentId,
                                  List<ReplyMail.MailFile> files, Instant now) {
        Map<String, Object> model = model(ticket, null);
        model.put("agentName", agentName == null ? "" : agentName);
        model.put("commentText", commentText);
        model.put("fileNames", files.stream().map(ReplyMail.MailFile::filename).toList());
        TemplateRenderer.Rendered text = templates.render(AGENT_COMMENT, ticket.language(), model);
        return toCustomer(ticket, messageId("comment-" + commentId, ticket, ticket.complaintId()), text,
                null, files, now);
    }

    /**
     * @param resolutionText the last public comment, or the resolution's name when there is none
     * @param scoreLinks     the one-click links answering the satisfaction question with 1 to 5, or empty when the
     *                       question is not asked
     */
    public ReplyMail resolved(TicketConversation ticket, String resolutionText, List<String> scoreLinks,
                              String eventId, Instant now) {
        Map<String, Object> model = model(ticket, null);
        model.put("resolutionText", resolutionText == null ? "" : resolutionText);
        model.put("scoreLinks", scoreLinks);
        TemplateRenderer.Rendered text = templates.render(RESOLVED, ticket.language(), model);
        return toCustomer(ticket, messageId("resolved-" + eventId, ticket, ticket.complaintId()), text,
                "auto-generated", List.of(), now);
    }

    /**
     * News for a customer who has heard nothing for a while: where the case stands, what happens next and when they
     * will hear from us again.
     *
     * @param inProgress   whether an agent has started on it (else it waits its turn)
     * @param nextUpdate   the latest date of the next news, in the inbox's time zone
     * @param resolveBy    the date the case should be resolved by, or null when there is no such target (or it passed)
     * @param updateKey    what makes this update this update (a resend is the same mail)
     */
    public ReplyMail progress(TicketConversation ticket, boolean inProgress, LocalDate nextUpdate, LocalDate resolveBy,
                              String updateKey, Instant now) {
        Map<String, Object> model = model(ticket, null);
        Locale locale = Locale.forLanguageTag(ticket.language());
        model.put("inProgress", inProgress);
        model.put("nextUpdate", DATE.withLocale(locale).format(nextUpdate));
        model.put("resolveBy", resolveBy == null ? "" : DATE.withLocale(locale).format(resolveBy));
        TemplateRenderer.Rendered text = templates.render(PROGRESS, ticket.language(), model);
        return toCustomer(ticket, messageId("progress-" + updateKey, ticket, ticket.complaintId()), text,
                "auto-generated", List.of(), now);
    }

    private ReplyMail toCustomer(TicketConversation ticket, String messageId, TemplateRenderer.Rendered text,
                                 String autoSubmitted, List<ReplyMail.MailFile> files, Instant now) {
        List<String> references = ticket.rootMessageId() == null ? List.of() : List.of(ticket.rootMessageId());
        return new ReplyMail(messageId, ticket.inboxAddress(), null, ticket.customer(), null,
                ReplyMail.replySubject(ticket.subject(), ticket.ticketKey()), ticket.rootMessageId(), references,
                text.language(), text.text(), ticket.ticketKey(), now, autoSubmitted, files);
    }

    private static Map<String, Object> model(TicketConversation ticket, String customerName) {
        Map<String, Object> model = new HashMap<>();
        model.put("customerName", customerName == null ? "" : customerName);
        model.put("ticketKey", ticket.ticketKey());
        model.put("subject", ticket.subject());
        model.put("inboxAddress", ticket.inboxAddress());
        return model;
    }

    private static String messageId(String kind, TicketConversation ticket, long id) {
        String address = ticket.inboxAddress();
        String domain = address.substring(address.indexOf('@') + 1);
        return "<redress." + kind + "." + ticket.ticketKey().toLowerCase(Locale.ROOT) + "." + id + "." + UUID.randomUUID()
                + "@" + domain + ">";
    }
}
