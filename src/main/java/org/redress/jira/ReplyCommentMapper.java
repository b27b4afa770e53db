package org.redress.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.redress.complaint.Attachment;
import org.redress.complaint.Complaint;

/**
 * A customer's reply as a Jira comment: who wrote, when, and only their new words (quoted history and signatures
 * are in the attached .eml, not in the agent's way); the files of the reply go on the ticket with it.
 */
public final class ReplyCommentMapper {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String FULL_TEXT = "reply-full-text.txt";

    /** The comment body and the files to upload for a reply. */
    public record ReplyComment(JsonNode body, List<Upload> uploads) {
    }

    /**
     * @param newWords the reply without quoted history and signature
     * @param note     a line for the agent about how the reply arrived (a reopened ticket), or null
     * @param rawMime  the whole reply, attached as an .eml; null when it is too large to attach
     */
    public ReplyComment map(Complaint reply, long complaintId, String newWords, String note, byte[] rawMime) {
        String emlName = "reply-" + complaintId + ".eml";
        List<Upload> uploads = new ArrayList<>();
        if (rawMime != null) {
            uploads.add(new Upload(emlName, "message/rfc822", rawMime));
        }
        reply.attachments().stream().filter(a -> !a.isWithheld())
                .forEach(a -> uploads.add(new Upload(a.filename(), a.mediaType(), a.content())));
        int budget = JiraLimits.TEXT_FIELD_MAX - 2048;
        String words = newWords;
        if (words.length() > budget) {
            uploads.add(new Upload(FULL_TEXT, "text/plain; charset=UTF-8", newWords.getBytes(StandardCharsets.UTF_8)));
            words = words.substring(0, budget) + "\n[… longer than Jira allows in a comment; the full text is attached as "
                    + FULL_TEXT + "]";
        }
        Adf adf = new Adf();
        adf.paragraph("Reply from " + reply.sender() + " by e-mail, " + WHEN.format(reply.receivedAt()));
        if (note != null) {
            adf.paragraph(note);
        }
        adf.prose(words.isBlank() ? "(The reply has no text.)" : words);
        if (!reply.attachments().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (Attachment attachment : reply.attachments()) {
                names.add(attachment.filename() + " (" + attachment.mediaType() + ")" + (attachment.isWithheld()
                        ? " — not attached: " + attachment.withheld() + "; it is in the register's copy of the mail (/api/"
                        + "complaints/" + complaintId + "/raw)" : ""));
            }
            adf.labelled("Files", String.join(", ", names));
        }
        adf.labelled("Whole mail", rawMime != null ? emlName : "not attached (too large): in the register, /api/complaints/"
                + complaintId + "/raw");
        return new ReplyComment(adf.document(), uploads);
    }
}
