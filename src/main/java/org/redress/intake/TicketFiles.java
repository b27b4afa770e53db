package org.redress.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redress.jira.JiraApi;
import org.redress.jira.Upload;

/**
 * Uploads a mail's files to its ticket. Jira has no idempotent upload, and a file's upload can succeed with its
 * answer lost, so the register cannot know for sure what an interrupted attempt uploaded; the ticket does. An attempt
 * that opened the ticket (or added the comment) itself uploads every file; any other asks the ticket which files it
 * already has and uploads only the rest. The register learns "all uploaded" in the same transaction as the step after
 * (the acknowledgement, or the reply's end): one commit per mail, not one per file.
 */
final class TicketFiles {
    private TicketFiles() {
    }

    static void upload(JiraApi jira, MailInProgress mail, List<Upload> uploads) {
        if (mail.entry().attachmentsAt() != null || mail.filesUploaded() >= 0) {
            return;
        }
        List<Upload> missing = mail.earlierAttemptMayHaveUploaded() ? notYetOn(jira, mail.ticketKey(), uploads) : uploads;
        for (Upload upload : missing) {
            jira.attach(mail.ticketKey(), upload);
        }
        mail.filesUploaded(uploads.size());
    }

    /**
     * The uploads the ticket does not have yet, told by name and size: a file the ticket holds once stands for one
     * upload of that name and size, so a mail carrying the same file twice still gets both.
     */
    static List<Upload> notYetOn(JiraApi jira, String ticketKey, List<Upload> uploads) {
        JsonNode issue = jira.issue(ticketKey, List.of("attachment"));
        Map<String, Integer> onTicket = new HashMap<>();
        if (issue != null) {
            for (JsonNode attachment : issue.path("fields").path("attachment")) {
                onTicket.merge(key(attachment.path("filename").asText(), attachment.path("size").asLong()), 1,
                        Integer::sum);
            }
        }
        List<Upload> missing = new ArrayList<>();
        for (Upload upload : uploads) {
            String key = key(upload.filename(), upload.content().length);
            if (onTicket.getOrDefault(key, 0) > 0) {
                onTicket.merge(key, -1, Integer::sum);
            } else {
                missing.add(upload);
            }
        }
        return missing;
    }

    private static String key(String filename, long size) {
        return size + "/" + filename;
    }
}
