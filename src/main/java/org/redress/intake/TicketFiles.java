package org.redress.intake;

import java.time.Clock;
import java.util.List;
import org.redress.jira.JiraApi;
import org.redress.jira.Upload;
import org.redress.store.ComplaintRegister;

/**
 * Uploads a mail's files to its ticket one by one, counting each in the register: Jira has no idempotent upload, so
 * a retry after an interrupted attempt starts at the first file not yet counted.
 */
final class TicketFiles {
    private TicketFiles() {
    }

    static void upload(JiraApi jira, ComplaintRegister register, Clock clock, MailInProgress mail, List<Upload> uploads) {
        if (mail.entry().attachmentsAt() != null) {
            return;
        }
        for (int i = mail.entry().uploadsDone(); i < uploads.size() - 1; i++) {
            jira.attach(mail.ticketKey(), uploads.get(i));
            register.uploadDone(mail.entry().id(), i + 1);
        }
        if (mail.entry().uploadsDone() < uploads.size()) {
            jira.attach(mail.ticketKey(), uploads.get(uploads.size() - 1));
        }
        // the last file's count and "all uploaded" in one write: one commit less for every complaint
        register.attachmentsUploaded(mail.entry().id(), uploads.size(), clock.instant());
        mail.entry(register.byId(mail.entry().id()).orElseThrow());
    }
}
