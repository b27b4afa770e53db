package org.redress.store;

import java.sql.SQLException;

/** The database failed; the mail stays in its inbox and is tried again on the next poll. */
public final class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super("database error: " + cause.getMessage(), cause);
    }
}
