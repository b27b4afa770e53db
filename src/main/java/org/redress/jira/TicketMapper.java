package org.redress.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.redress.complaint.Attachment;
import org.redress.complaint.Complaint;
import org.redress.triage.Assessment;

/**
 * Turns a complaint into a Jira Cloud create-issue request. Everything the agent needs is in the description, so
 * they never have to open the .eml; the customer's address is also kept as an issue property so the gateway can
 * find the customer's tickets again. Jira's size limits are met here: text that does not fit is cut in the
 * description and attached in full.
 */
public final class TicketMapper {
    static final String FULL_TEXT_FILE = "complaint-full-text.txt";
    private static final int EXCERPT_CHARS = 6_000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final ObjectMapper json;
    private final String customerProperty;
    private final java.util.Set<String> vipTiers;
    private final boolean priorityField;

    public TicketMapper(ObjectMapper json, String customerProperty) {
        this(json, customerProperty, java.util.Set.of(), true);
    }

    /**
     * @param vipTiers      CRM tiers whose tickets are labelled {@code vip}
     * @param priorityField whether to set Jira's priority field (the description shows the priority either way)
     */
    public TicketMapper(ObjectMapper json, String customerProperty, java.util.Set<String> vipTiers,
                        boolean priorityField) {
        this.json = json;
        this.customerProperty = customerProperty;
        this.vipTiers = java.util.Set.copyOf(vipTiers);
        this.priorityField = priorityField;
    }

    /**
     * @param complaintId the register id, kept on the issue so a ticket always leads back to its record
     * @param inboxAddress where the customer wrote to
     * @param rawMime      the original message, attached as-is; null when it is not to be attached (too large)
     */
    public NewTicket map(Complaint complaint, long complaintId, String inboxAddress, String project, String issueType,
                         byte[] rawMime) {
        return map(complaint, complaintId, inboxAddress, project, issueType, rawMime, null, null);
    }

    /**
     * @param note a line for the agent about how this ticket relates to another one (a stranger naming a ticket
     *             key, a follow-up of a resolved ticket), or null
     * @param assessment the customer's history, the hints and the priority, or null when enrichment did not run
     */
    public NewTicket map(Complaint complaint, long complaintId, String inboxAddress, String project, String issueType,
                         byte[] rawMime, String note, Assessment assessment) {
        List<Upload> uploads = new ArrayList<>();
        if (rawMime != null) {
            uploads.add(new Upload("original-message-" + complaintId + ".eml", "message/rfc822", rawMime));
        }
        for (Attachment attachment : complaint.attachments()) {
            if (!attachment.isWithheld()) {
                uploads.add(new Upload(attachment.filename(), attachment.mediaType(), attachment.content()));
            }
        }

        int textBudget = complaint.text().length();
        int excerptBudget = EXCERPT_CHARS;
        JsonNode description = description(complaint, complaintId, inboxAddress, textBudget, excerptBudget, note,
                assessment);
        while (size(description) > JiraLimits.TEXT_FIELD_MAX - 512) {
            textBudget = textBudget / 2;
            excerptBudget = excerptBudget / 2;
            description = description(complaint, complaintId, inboxAddress, textBudget, excerptBudget, note, assessment);
        }
        if (textBudget < complaint.text().length()) {
            uploads.add(new Upload(FULL_TEXT_FILE, "text/plain; charset=UTF-8",
                    complaint.text().getBytes(StandardCharsets.UTF_8)));
        }

        ObjectNode request = json.createObjectNode();
        ObjectNode fields = request.putObject("fields");
        fields.putObject("project").put("key", project);
        fields.putObject("issuetype").put("name", issueType);
        fields.put("summary", JiraLimits.summary(complaint.subject(), "Complaint from " + complaint.sender().address()));
        fields.set("description", description);
        ArrayNode labels = fields.putArray("labels");
        labels.add("redress");
        labels.add(JiraLimits.label("channel-" + complaint.channel()));
        labels.add(JiraLimits.label("lang-" + (complaint.language() == null ? "unknown" : complaint.language())));
        if (assessment != null) {
            AssessmentSection.labels(assessment, vipTiers).forEach(labels::add);
            if (priorityField) {
                fields.putObject("priority").put("name", assessment.priority().priority());
            }
        }
        ObjectNode property = request.putArray("properties").addObject();
        property.put("key", customerProperty);
        ObjectNode value = property.putObject("value");
        value.put("email", complaint.sender().address());
        if (complaint.sender().displayName() != null) {
            value.put("name", complaint.sender().displayName());
        }
        value.put("inbox", complaint.inbox());
        value.put("channel", complaint.channel());
        value.put("complaintId", complaintId);
        if (complaint.messageId() != null) {
            value.put("messageId", complaint.messageId());
        }
        return new NewTicket(request, uploads);
    }

    private JsonNode description(Complaint complaint, long complaintId, String inboxAddress, int textBudget,
                                 int excerptBudget,
                                 String note, Assessment assessment) {
        Adf adf = new Adf();
        if (note != null) {
            adf.labelled("Note", note);
        }
        adf.labelled("From", complaint.sender().toString());
        adf.labelled("To", inboxAddress + " (" + complaint.channel() + ")");
        adf.labelled("Received", WHEN.format(complaint.receivedAt()));
        adf.labelled("Language", complaint.language() == null ? "not detected" : complaint.language());
        if (complaint.recipients().size() > 1) {
            adf.labelled("Also addressed to", String.join(", ", complaint.recipients()));
        }
        if (assessment != null) {
            AssessmentSection.describe(adf, assessment);
        }
        adf.rule();
        adf.heading(3, "Message");
        String text = complaint.text();
        if (text.isBlank()) {
            adf.paragraph("(The message has no text.)");
        } else if (textBudget < text.length()) {
            adf.prose(text.substring(0, Math.max(0, textBudget)));
            adf.paragraph("[… the message is longer than Jira allows in a description; the full text is attached as "
                    + FULL_TEXT_FILE + "]");
        } else {
            adf.prose(text);
        }
        if (!complaint.attachments().isEmpty()) {
            adf.heading(3, "Attachments");
            List<String> items = new ArrayList<>();
            for (Attachment attachment : complaint.attachments()) {
                items.add(attachment.filename() + " (" + attachment.mediaType() + ", " + org.redress.complaint.FileSize.human(attachment.size()) + ")"
                        + (attachment.isWithheld() ? " — not attached: " + attachment.withheld()
                        + "; it is in the original mail, kept in the register (/api/complaints/" + complaintId
                        + "/raw)" : ""));
            }
            adf.bulletList(items);
            for (Attachment attachment : complaint.attachments()) {
                if (!attachment.extractedText().isBlank()) {
                    adf.heading(4, "Text of " + attachment.filename());
                    String extracted = attachment.extractedText().strip();
                    adf.quote(extracted.length() > excerptBudget
                            ? extracted.substring(0, excerptBudget) + " […]" : extracted);
                }
            }
        }
        return adf.document();
    }

    private int size(JsonNode node) {
        try {
            return json.writeValueAsString(node).length();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
