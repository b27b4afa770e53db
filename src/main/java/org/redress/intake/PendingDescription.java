package org.redress.intake;

import java.sql.Connection;
import java.sql.SQLException;
import org.redress.complaint.Complaint;
import org.redress.store.ComplaintRegister;

/**
 * A parsed mail's description (sender, subject, language, the hash of its own words) on its way to the register.
 * Parsing does not write it: a new complaint's description goes in the transaction that says its ticket is being
 * asked for, one commit instead of two; every other way a mail can go (a bounce, ignored, a reply, a failure)
 * writes it first. Nothing needs it durable sooner: an attempt that dies before parses the mail again.
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
            mail.described();
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
