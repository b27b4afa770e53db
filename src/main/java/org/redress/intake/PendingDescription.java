package org.redress.intake;

import java.sql.Connection;
import java.sql.SQLException;
import org.redress.complaint.Complaint;
import org.redress.store.ComplaintRegister;

/**
 * A parsed mail's description (sender, subject, language, the hash of its own words) on its way to the register.
 * Parsing a mail does not write it (a channel's submission is described as it is parsed, SubmissionIntake): a new
 * complaint's description goes in the transaction that says its ticket is being asked for, one commit instead of
 * two, and so does an ignored mail's with its reason and a reply's with the ticket it continues; a bounce and a
 * counted failure write it first. A failure that is not counted
 * (Jira or the database away) leaves it unwritten; nothing needs it sooner, as every attempt parses the mail again.
 */
final class PendingDescription {
    private PendingDescription() {
    }

    /** Writes the description in a transaction of its own, if parsing left one pending. */
    static void write(ComplaintRegister register, MailInProgress mail) {
        if (mail.descriptionPending()) {
            Complaint complaint = mail.complaint();
            register.describe(mail.entry().id(), complaint.sender().address(), complaint.subject(),
                    complaint.language(), mail.sameWords());
            mail.markDescribed();
        }
    }

    /** Writes the description in the caller's transaction, if parsing left one pending. */
    static void write(Connection connection, ComplaintRegister register, MailInProgress mail) throws SQLException {
        if (mail.descriptionPending()) {
            Complaint complaint = mail.complaint();
            register.describe(connection, mail.entry().id(), complaint.sender().address(), complaint.subject(),
                    complaint.language(), mail.sameWords());
        }
    }
}
