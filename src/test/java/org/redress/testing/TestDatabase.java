package org.redress.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A database of the test's own: an H2 file in the test's temporary folder, or a fresh schema in the PostgreSQL on
 * this machine (127.0.0.1:5432, database {@code test}; override with REDRESS_TEST_PG_URL/USER). A missing
 * PostgreSQL skips the test with a message, except under CI, where it fails: CI must exercise PostgreSQL.
 */
public enum TestDatabase {
    H2, POSTGRESQL;

    public static final String PG_URL = System.getenv().getOrDefault("REDRESS_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = System.getenv().getOrDefault("REDRESS_TEST_PG_USER", "postgres");

    /** A new, empty database; closing it drops what the test created in PostgreSQL. */
    public Provisioned create(Path tempDir) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (this == H2) {
            settings.put("redress.db.url", "jdbc:h2:file:" + tempDir.resolve("db").toAbsolutePath());
            return new Provisioned(settings, null);
        }
        requirePostgres();
        String schema = "redress_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        settings.put("redress.db.url", PG_URL);
        settings.put("redress.db.user", PG_USER);
        settings.put("redress.db.password", "");
        settings.put("redress.db.schema", schema);
        return new Provisioned(settings, schema);
    }

    /** The redress.db.* settings of a test's database. */
    public record Provisioned(Map<String, String> settings, String schema) implements AutoCloseable {

        public org.redress.config.DatabaseConfig config() {
            return new org.redress.config.DatabaseConfig(settings.get("redress.db.url"),
                    settings.getOrDefault("redress.db.user", "sa"), settings.getOrDefault("redress.db.password", ""),
                    schema);
        }

        @Override
        public void close() {
            if (schema == null) {
                return;
            }
            try (Connection connection = DriverManager.getConnection(PG_URL, PG_USER, "");
                 java.sql.Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException e) {
                // a test schema left behind is untidy, not wrong
            }
        }
    }

    public static void requirePostgres() {
        try (Connection ignored = DriverManager.getConnection(PG_URL, PG_USER, "")) {
            // reachable
        } catch (SQLException e) {
            String message = "PostgreSQL not reachable at " + PG_URL + " as " + PG_USER + ": " + e.getMessage();
            if (System.getenv("CI") != null) {
                throw new AssertionError(message + " (CI requires PostgreSQL)");
            }
            Assumptions.abort(message + " - skipping the PostgreSQL variant");
        }
    }
}
