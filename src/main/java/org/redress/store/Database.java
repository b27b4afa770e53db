package org.redress.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.redress.config.DatabaseConfig;

/**
 * The connection pool, with the schema brought up to date by Flyway before anything else touches it.
 * A database that cannot be reached stops start-up with the URL in the message.
 */
public final class Database implements AutoCloseable {
    /** How often the embedded H2 file is compacted (see {@link H2Housekeeping}). */
    static final long HOUSEKEEPING_MILLIS = 1000;
    /** Where the embedded H2 file splits a page (see {@link #closedByUs}). */
    static final int PAGE_BYTES = 4096;

    private final HikariDataSource dataSource;
    private final H2Housekeeping housekeeping;

    public Database(DatabaseConfig config) {
        this(config, 8);
    }

    /** @param connections the most connections at once: one per mail handled at once, and a few for the timers */
    public Database(DatabaseConfig config, int connections) {
        this(config, connections, HOUSEKEEPING_MILLIS);
    }

    /** @param housekeepingMillis how often the embedded H2 file is compacted; 0: only when a test asks */
    Database(DatabaseConfig config, int connections, long housekeepingMillis) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(closedByUs(config.url()));
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(connections);
        // opened as lanes need them, not all at start: several gateways share one PostgreSQL's max_connections
        hikari.setMinimumIdle(Math.min(4, connections));
        hikari.setPoolName("redress-db");
        hikari.setInitializationFailTimeout(10_000);
        if (config.schema() != null) {
            hikari.setSchema(config.schema());
        }
        try {
            dataSource = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot connect to the database " + withoutPassword(config.url()) + ": "
                    + withoutPassword(String.valueOf(e.getMessage())), e);
        }
        // db/h2 holds what only H2 needs (its own storage types); versions are shared, so a PostgreSQL database
        // simply has no row for them
        var flyway = Flyway.configure().dataSource(dataSource).locations(config.url().startsWith("jdbc:h2:")
                ? new String[] {"classpath:db/migration", "classpath:db/h2"}
                : new String[] {"classpath:db/migration"});
        if (config.schema() != null) {
            flyway.schemas(config.schema()).createSchemas(true);
        }
        flyway.load().migrate();
        housekeeping = H2Housekeeping.of(dataSource, housekeepingMillis);
    }

    /** The embedded H2 file's housekeeping, or null for any other database: for tests that run rounds themselves. */
    H2Housekeeping housekeeping() {
        return housekeeping;
    }

    /**
     * How much the embedded H2 file has written and read since the gateway opened it (across H2's own reopening of
     * it); empty for any other database (PostgreSQL counts its own, in {@code pg_stat_database}).
     */
    public java.util.Optional<RegisterFileCounts> fileCounts() {
        return housekeeping == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(housekeeping.fileCounts());
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs work in one transaction: all of it is kept, or none of it. */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    @Override
    public void close() {
        if (housekeeping != null) {
            housekeeping.close();
        }
        dataSource.close();
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    /**
     * The H2 URL with the gateway's own settings unless the URL names them: the database is closed by the gateway
     * (after Camel has drained; H2 would close itself when the JVM starts shutting down, under mails in flight), every
     * commit is written out at once (H2's default WRITE_DELAY of 500 ms would let a killed gateway lose its last half
     * second of records, and send an acknowledgement twice), each connection keeps the parsed form of more than
     * H2's default 8 statements (a complaint runs about 30 different ones), and pages are split at 4 KiB rather than
     * H2's 16 KiB: every commit writes out each page it changed whole, and a complaint's steps commit one row at a
     * time, so smaller pages mean fewer bytes serialised per commit (BENCHMARKS.md, "The sandbox's own costs, and
     * smaller H2 pages").
     */
    static String closedByUs(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return url;
        }
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        String tuned = upper.contains("DB_CLOSE_ON_EXIT") ? url : url + ";DB_CLOSE_ON_EXIT=FALSE";
        tuned = upper.contains("QUERY_CACHE_SIZE") ? tuned : tuned + ";QUERY_CACHE_SIZE=100";
        boolean embeddedFile = !upper.startsWith("JDBC:H2:MEM:") && !upper.startsWith("JDBC:H2:TCP:")
                && !upper.startsWith("JDBC:H2:SSL:");
        if (!embeddedFile) {
            return tuned;
        }
        tuned = upper.contains("PAGE_SIZE") ? tuned : tuned + ";PAGE_SIZE=" + PAGE_BYTES;
        return upper.contains("WRITE_DELAY") ? tuned : tuned + ";WRITE_DELAY=0";
    }

    /** A URL or message fit for a log: a password given as a URL parameter is blanked out. */
    static String withoutPassword(String text) {
        return text.replaceAll("(?i)(password=)[^&;\\s]*", "$1***");
    }
}
