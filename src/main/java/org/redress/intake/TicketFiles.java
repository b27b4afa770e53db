package org.redress.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.redress.jira.AttachmentAccess;
import org.redress.jira.JiraApi;
import org.redress.jira.JiraLimits;
import org.redress.jira.JiraRejectedException;
import org.redress.jira.JiraTimes;
import org.redress.jira.JiraUnavailableException;
import org.redress.jira.Upload;
import org.redress.store.FollowUpStore;

/**
 * Uploads a mail's files to its ticket. Jira has no idempotent upload, and a file's upload can succeed with its
 * answer lost, so the register cannot know for sure what an interrupted attempt uploaded; the ticket does. An attempt
 * that opened the ticket (or added the comment) itself uploads every file; any other asks the ticket which files it
 * already has and uploads only the rest. The register learns "all uploaded" in the same transaction as the step after
 * (the acknowledgement, or the reply's end): one commit per mail, not one per file.
 *
 * <p>A ticket also holds the files of the complaint and of earlier replies, which a reply may carry again (a
 * signature's image001.png, an invoice sent once more). The mail's own .eml, named after its register id, goes up
 * first: without it on the ticket nothing of this mail is there, and with it only files Jira received from then on
 * can be this mail's.
 *
 * <p>A file Jira refuses (a 4xx for that file alone, or every file when Jira takes none on the ticket) is left off the
 * ticket, and agents are told of it in an internal comment naming it and where it is kept. The note is recorded as a
 * ticket event in the transaction that ends the upload, and made in Jira from there ({@code TicketActions}): no Jira
 * call of its own in the attempt, which a Jira hiccup would fail after the files were up, and one note however often
 * the attempt is tried.
 */
final class TicketFiles {
    private TicketFiles() {
    }

    /**
     * @param maxRequestBytes the most bytes of files one request carries, unless one file alone is larger
     *                        ({@code redress.intake.max-attachment-size}: about the largest request a single file
     *                        already makes, which whatever stands between the gateway and Jira must let through)
     */
    static void upload(JiraApi jira, MailInProgress mail, List<Upload> uploads, long maxRequestBytes) {
        if (mail.entry().attachmentsAt() != null || mail.filesUploaded() >= 0) {
            return;
        }
        List<Upload> missing = mail.earlierAttemptMayHaveUploaded()
                ? notYetOn(jira, mail.ticketKey(), uploads, mail.entry().id()) : uploads;
        RefusedFiles refused = new RefusedFiles();
        List<List<Upload>> requests = requests(missing, maxRequestBytes);
        for (int i = 0; i < requests.size(); i++) {
            Optional<String> denied = attach(jira, mail.ticketKey(), requests.get(i), refused);
            if (denied.isPresent()) {
                String reason = "Jira takes no files on this ticket (403): " + denied.get();
                requests.subList(i, requests.size()).forEach(request -> request.forEach(u -> refused.add(u, reason)));
                break;
            }
        }
        mail.refusedFilesNote(refused.isEmpty() ? null : refused.note(mail.entry().id()));
        mail.filesUploaded(uploads.size());
    }

    /**
     * Records the note on files Jira refused, if any, as an event of the ticket, within the transaction that records
     * the mail's files uploaded: the event is one per mail ({@code refused-files:<id>}), so a retry adds no second.
     */
    static void recordRefused(Connection connection, FollowUpStore followUps, MailInProgress mail, Instant now)
            throws SQLException {
        if (mail.refusedFilesNote() != null) {
            followUps.event(connection, FollowUpStore.TicketEvent.of(mail.ticketKey(), "refused-files:"
                    + mail.entry().id(), mail.refusedFilesNote(), null, null, null, null), now);
        }
    }

    /**
     * One request; when Jira refuses it (a 4xx: a file over Jira's own size limit, 413), the
     * files one by one, so that one file Jira will not take does not keep the others off the ticket. A file refused on
     * its own is left off and counted in {@code refused}. Jira unable to answer (5xx, 429) fails the attempt, and so
     * does a 403, unless Jira's settings say it takes no files on this ticket at all ({@link AttachmentAccess}).
     *
     * @return why Jira takes no files on the ticket, when that is what its 403 meant; the request's files are then
     *         left for the caller to count as refused
     */
    static Optional<String> attach(JiraApi jira, String ticketKey, List<Upload> request, RefusedFiles refused) {
        try {
            jira.attach(ticketKey, request);
        } catch (JiraUnavailableException forbidden) {
            if (forbidden.status() != 403) {
                throw forbidden;
            }
            return Optional.of(AttachmentAccess.deniedOn(jira, ticketKey).orElseThrow(() -> forbidden));
        } catch (JiraRejectedException refusedTogether) {
            if (request.size() == 1) {
                refused.add(request.get(0), refusedTogether.getMessage());
                return Optional.empty();
            }
            for (Upload upload : request) {
                try {
                    jira.attach(ticketKey, List.of(upload));
                } catch (JiraRejectedException refusedAlone) {
                    refused.add(upload, refusedAlone.getMessage());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The uploads as requests, in order: files go up together while they add up to at most {@code maxBytes} and are no
     * more than Jira takes at once ({@link JiraLimits#FILES_PER_UPLOAD}), a larger one alone. Each request costs a
     * call against Jira's rate limit and tells a webhook registered for issue updates of one more change, so a
     * complaint's .eml and its invoice go as one.
     */
    static List<List<Upload>> requests(List<Upload> uploads, long maxBytes) {
        List<List<Upload>> requests = new ArrayList<>();
        List<Upload> request = new ArrayList<>();
        long bytes = 0;
        for (Upload upload : uploads) {
            long size = upload.content().length;
            if (!request.isEmpty() && (bytes + size > maxBytes || request.size() == JiraLimits.FILES_PER_UPLOAD)) {
                requests.add(request);
                request = new ArrayList<>();
                bytes = 0;
            }
            request.add(upload);
            bytes += size;
        }
        if (!request.isEmpty()) {
            requests.add(request);
        }
        return requests;
    }

    /**
     * The uploads the ticket does not have yet, told by name and size: a file the ticket holds once stands for one
     * upload of that name and size, so a mail carrying the same file twice still gets both.
     */
    static List<Upload> notYetOn(JiraApi jira, String ticketKey, List<Upload> uploads, long complaintId) {
        if (uploads.isEmpty()) {
            return uploads;
        }
        JsonNode issue = jira.issue(ticketKey, List.of("attachment"));
        List<JsonNode> attachments = new ArrayList<>();
        if (issue != null) {
            issue.path("fields").path("attachment").forEach(attachments::add);
        }
        Upload first = uploads.get(0);
        if (first.filename().endsWith("-" + complaintId + ".eml")) {
            List<JsonNode> ownEml = attachments.stream().filter(a -> key(a).equals(key(first))).toList();
            if (ownEml.isEmpty()) {
                return uploads;
            }
            ownEml.stream().map(a -> JiraTimes.parse(a.path("created").asText())).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).ifPresent(since -> attachments.removeIf(a -> {
                        Instant created = JiraTimes.parse(a.path("created").asText());
                        return created != null && created.isBefore(since);
                    }));
        }
        Map<String, Integer> onTicket = new HashMap<>();
        for (JsonNode attachment : attachments) {
            onTicket.merge(key(attachment), 1, Integer::sum);
        }
        List<Upload> missing = new ArrayList<>();
        for (Upload upload : uploads) {
            String key = key(upload);
            if (onTicket.getOrDefault(key, 0) > 0) {
                onTicket.merge(key, -1, Integer::sum);
            } else {
                missing.add(upload);
            }
        }
        return missing;
    }

    private static String key(JsonNode attachment) {
        return key(attachment.path("filename").asText(), attachment.path("size").asLong());
    }

    private static String key(Upload upload) {
        return key(upload.filename(), upload.content().length);
    }

    private static String key(String filename, long size) {
        return size + "/" + filename;
    }
}
