package org.redress.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Jira issue that tells agents a mail could not be handled: customers only ever write e-mail and agents only
 * ever look at Jira, so a quarantined mail nobody reads about in Jira is a complaint nobody answers. It says what
 * arrived, why it stopped and where the raw mail is, and carries a label of its own so that a retry finds it
 * instead of opening a second one.
 */
public final class QuarantineAlert {
    public static final String LABEL = "redress-quarantine";

    private final ObjectMapper json;

    public QuarantineAlert(ObjectMapper json) {
        this.json = json;
    }

    /** The label naming this quarantined mail's alert, from the mail's identity in the register. */
    public static String label(String dedupKey) {
        return MailLabel.of("quarantine:" + dedupKey).replace("redress-mail-", "redress-quarantine-");
    }

    /**
     * @param rawMailPath where the raw mail can be fetched (the gateway's {@code /q/quarantine/<id>})
     */
    public JsonNode request(String project, String issueType, long complaintId, String dedupKey, String inbox,
                            String sender, String subject, String reason, String folder, String rawMailPath) {
        Adf adf = new Adf();
        adf.paragraph("A mail to " + inbox + " could not be handled and was quarantined: no ticket was opened for it "
                + "and the sender has had no answer. Please read it and handle it by hand.");
        adf.labelled("From", sender == null || sender.isBlank() ? "(not known)" : sender);
        adf.labelled("Subject", subject == null || subject.isBlank() ? "(none)" : subject);
        adf.labelled("Why", reason == null ? "(no reason recorded)" : reason);
        adf.labelled("Register", "mail #" + complaintId);
        adf.labelled("The raw mail", rawMailPath + (folder == null ? "" : "; on the mail server in the folder '"
                + folder + "'"));
        ObjectNode request = json.createObjectNode();
        ObjectNode fields = request.putObject("fields");
        fields.putObject("project").put("key", project);
        fields.putObject("issuetype").put("name", issueType);
        fields.put("summary", JiraLimits.summary("Quarantined mail from " + (sender == null || sender.isBlank()
                ? inbox : sender) + (subject == null || subject.isBlank() ? "" : ": " + subject), "Quarantined mail"));
        fields.set("description", adf.document());
        fields.putArray("labels").add("redress").add(LABEL).add(label(dedupKey));
        return request;
    }
}
