package org.redress.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
        uploadAll(jira, mail.ticketKey(), missing, maxRequestBytes, refused);
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
     * Uploads the files in {@link #requests}, counting in {@code refused} each one Jira will not take: one refused on
     * its own (a 4xx), or, when Jira takes no files on the ticket at all, every one not yet up.
     */
    static void uploadAll(JiraApi jira, String ticketKey, List<Upload> uploads, long maxRequestBytes,
                          RefusedFiles refused) {
        Set<Upload> settled = Collections.newSetFromMap(new IdentityHashMap<>());
        try {
            for (List<Upload> request : requests(uploads, maxRequestBytes)) {
                attach(jira, ticketKey, request, refused, settled);
            }
        } catch (NoFilesTaken denied) {
            String reason = "Jira takes no files on this ticket (403): " + denied.getMessage();
            uploads.stream().filter(upload -> !settled.contains(upload)).forEach(upload -> refused.add(upload, reason));
        }
    }

    /**
     * One request; when Jira refuses it (a 4xx: a file over Jira's own size limit, 413), the files one by one, so
     * that one file Jira will not take does not keep the others off the ticket. Each file up or refused on its own
     * joins {@code settled}. Jira unable to answer (5xx, 429) fails the attempt, and so does a 403, unless Jira's
     * settings say it takes no files on this ticket at all ({@link AttachmentAccess}): then {@link NoFilesTaken}.
     */
    private static void attach(JiraApi jira, String ticketKey, List<Upload> request, RefusedFiles refused,
                               Set<Upload> settled) {
        try {
            jira.attach(ticketKey, request);
            settled.addAll(request);
        } catch (JiraUnavailableException unavailable) {
            throw unavailable.status() == 403 ? denialOr(jira, ticketKey, unavailable) : unavailable;
        } catch (JiraRejectedException refusedTogether) {
            if (request.size() == 1) {
                refused.add(request.get(0), refusedTogether.getMessage());
                settled.add(request.get(0));
                return;
            }
            for (Upload upload : request) {
                attach(jira, ticketKey, List.of(upload), refused, settled);
            }
        }
    }

    /**
     * What a 403 on an upload means: {@link NoFilesTaken} when Jira's settings say so, else Jira not letting the
     * gateway in, tried again later; also when Jira cannot say (the look-up failing or refused), since nothing shows
     * then that the files will never be taken.
     */
    private static RuntimeException denialOr(JiraApi jira, String ticketKey, JiraUnavailableException forbidden) {
        Optional<String> denied;
        try {
            denied = AttachmentAccess.deniedOn(jira, ticketKey);
        } catch (JiraUnavailableException | JiraRejectedException cannotSay) {
            forbidden.addSuppressed(cannotSay);
            return forbidden;
        }
        return denied.<RuntimeException>map(NoFilesTaken::new).orElseGet(() -> new JiraUnavailableException(403,
                forbidden.getMessage() + " (attachments are on and the account holds Create Attachments on "
                        + ticketKey + ": taken as Jira not letting the gateway in, tried again later)", forbidden));
    }

    /** Jira takes no files on the ticket; the message says why. */
    private static final class NoFilesTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoFilesTaken(String why) {
            super(why, null, false, false);
        }
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
