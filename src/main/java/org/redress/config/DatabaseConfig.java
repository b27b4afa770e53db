package org.redress.config;

/**
 * The gateway's own state. H2 in a file under the data folder needs nothing installed; PostgreSQL is what several
 * nodes share.
 *
 * @param schema the schema the tables live in (PostgreSQL), or null for the default
 */
public record DatabaseConfig(String url, String user, String password, String schema) {

    @Override
    public String toString() {
        return "Database[" + url + " user=" + user + " schema=" + schema + "]";
    }
}
