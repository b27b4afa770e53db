package org.redress.intake;

import java.util.ArrayList;
import java.util.List;
import org.redress.complaint.FileSize;
import org.redress.jira.JiraRejectedException;
import org.redress.jira.Upload;

/**
 * The files of one mail Jira would not take, and what agents are told of them. The ticket lists every file the
 * customer sent, so a file missing from it without a word would look lost, or as if it had never been sent, and the
 * customer would be asked for it again.
 */
final class RefusedFiles {
    private final List<String> files = new ArrayList<>();

    void add(Upload upload, JiraRejectedException why) {
        files.add(upload.filename() + " (" + FileSize.human(upload.content().length) + "): " + why.getMessage());
    }

    boolean isEmpty() {
        return files.isEmpty();
    }

    /** @param complaintId the mail's register id, under which the register keeps it whole */
    String note(long complaintId) {
        return (files.size() == 1 ? "Jira refused a file of mail #" + complaintId + ", so it is not on this ticket: "
                : "Jira refused " + files.size() + " files of mail #" + complaintId + ", so they are not on this ticket: ")
                + String.join("; ", files) + ". " + (files.size() == 1 ? "It is" : "They are")
                + " in the original mail, kept in the register (/api/complaints/" + complaintId + "/raw).";
    }
}
