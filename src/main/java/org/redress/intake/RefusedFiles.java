package org.redress.intake;

import java.util.ArrayList;
import java.util.List;
import org.redress.complaint.FileSize;
import org.redress.jira.Upload;

/**
 * The files of one mail Jira would not take, and what agents are told of them. The ticket lists every file the
 * customer sent, so a file missing from it without a word would look lost, or as if it had never been sent, and the
 * customer would be asked for it again.
 */
final class RefusedFiles {
    private record Refused(String file, String reason) {
    }

    private final List<Refused> files = new ArrayList<>();

    /** @param reason Jira's, as it gave it ({@code Jira refused the request (413): …}) */
    void add(Upload upload, String reason) {
        files.add(new Refused(upload.filename() + " (" + FileSize.human(upload.content().length) + ")", reason));
    }

    boolean isEmpty() {
        return files.isEmpty();
    }

    /**
     * The files with their reasons; one reason shared by all (Jira taking no files on the ticket) is said once.
     *
     * @param complaintId the mail's register id, under which the register keeps it whole
     */
    String note(long complaintId) {
        boolean oneReason = files.stream().map(Refused::reason).distinct().count() == 1;
        String listed = oneReason
                ? String.join(", ", files.stream().map(Refused::file).toList()) + ": " + files.get(0).reason()
                : String.join("; ", files.stream().map(f -> f.file() + ": " + f.reason()).toList());
        return (files.size() == 1 ? "Jira refused a file of mail #" + complaintId + ", so it is not on this ticket: "
                : "Jira refused " + files.size() + " files of mail #" + complaintId + ", so they are not on this ticket: ")
                + listed + ". " + (files.size() == 1 ? "It is" : "They are")
                + " in the original mail, kept in the register (/api/complaints/" + complaintId + "/raw).";
    }
}
