package org.redress.intake;

/**
 * Marks failures that say nothing about the mail itself (Jira, the database or the mail server unavailable):
 * the mail waits in its inbox and such failures never count towards quarantine.
 */
public final class TransientFailure {
    private TransientFailure() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.redress.jira.JiraUnavailableException
                    || t instanceof org.redress.store.StoreException
                    || t instanceof java.sql.SQLTransientException
                    || t instanceof java.net.ConnectException
                    || t instanceof jakarta.mail.FolderClosedException
                    || t instanceof jakarta.mail.StoreClosedException) {
                return true;
            }
        }
        return false;
    }
}
