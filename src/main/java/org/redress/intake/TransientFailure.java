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
            if (t instanceof org.redress.store.StoreException) {
                return !permanentDatabaseError(t);
            }
            if (t instanceof org.redress.jira.JiraUnavailableException
                    || t instanceof ConcurrentHandlingException
                    || t instanceof WorkQueueUnavailableException
                    || t instanceof java.sql.SQLTransientException
                    || t instanceof java.net.ConnectException
                    || t instanceof jakarta.mail.FolderClosedException
                    || t instanceof jakarta.mail.StoreClosedException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Data (22), constraint (23) and syntax/schema (42) errors fail the same way on every attempt: such a mail must
     * count towards quarantine. Connection, transaction and resource errors (08, 40, 53, 57 …) are the database's.
     */
    private static boolean permanentDatabaseError(Throwable storeException) {
        for (Throwable t = storeException; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String sqlClass = sql.getSQLState().length() >= 2 ? sql.getSQLState().substring(0, 2) : "";
                return sqlClass.equals("22") || sqlClass.equals("23") || sqlClass.equals("42");
            }
        }
        return false;
    }
}
