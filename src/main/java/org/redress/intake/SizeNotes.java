package org.redress.intake;

import org.redress.complaint.FileSize;

/**
 * What an agent must be told when a mail was too large to be carried whole into Jira, and where the rest of it is:
 * nothing a customer sent may silently go missing from a ticket.
 */
final class SizeNotes {
    private SizeNotes() {
    }

    /** @return the note, or null when the whole mail and every file reached the ticket */
    static String of(MailInProgress mail, long maxFileBytes, String oversizedFolder) {
        String raw = "/api/complaints/" + mail.entry().id() + "/raw";
        if (mail.cut()) {
            String whereWhole = mail.inbox().protocol().hasFolders()
                    ? "in the folder '" + oversizedFolder + "' of " + mail.inbox().address()
                    : "on the mail server of " + mail.inbox().address() + " (POP3: left there, not deleted)";
            return "This mail is " + FileSize.human(mail.size()) + ", more than the " + FileSize.human(mail.raw().length)
                    + " Redress reads of one mail (redress.intake.max-message-size): this ticket holds what its first "
                    + FileSize.human(mail.raw().length) + " contain, and text or files after that are missing here. The "
                    + "whole mail is kept " + whereWhole + "; the part read is in the register (" + raw + ").";
        }
        if (mail.raw().length > maxFileBytes) {
            return "The original message (" + FileSize.human(mail.raw().length) + ") is not attached: it is larger than the "
                    + FileSize.human(maxFileBytes) + " allowed per file (redress.intake.max-attachment-size). It is kept "
                    + "in the register (" + raw + ").";
        }
        return null;
    }
}
