package org.redress.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.config.DatabaseConfig;

/** An embedded database from before raw mail moved out of H2's table pages keeps every mail, byte for byte. */
class RawMailUpgradeTest {
    @TempDir
    Path tempDir;

    @Test
    void mailStoredBeforeTheMoveToH2sLobStoreIsStillReadWhole() throws Exception {
        String url = "jdbc:h2:" + tempDir.resolve("redress").toAbsolutePath();
        byte[] raw = new byte[3_000_000];
        new Random(7).nextBytes(raw);
        JdbcDataSource old = new JdbcDataSource();
        old.setURL(url + ";DB_CLOSE_ON_EXIT=FALSE");
        old.setUser("sa");
        Flyway.configure().dataSource(old).locations("classpath:db/migration")
                .target(MigrationVersion.fromVersion("7")).load().migrate();
        long id;
        try (Connection connection = old.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO raw_mail (sha256, size_bytes, content, stored_at) VALUES ('x', ?, ?, ?)",
                     new String[] {"ID"})) {
            insert.setLong(1, raw.length);
            insert.setBytes(2, raw);
            insert.setTimestamp(3, Timestamp.from(Instant.parse("2026-11-20T09:00:00Z")));
            insert.executeUpdate();
            try (var keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            connection.createStatement().execute("SHUTDOWN");
        }

        try (Database upgraded = new Database(new DatabaseConfig(url, "sa", "", null), 2)) {
            RawMailStore store = new RawMailStore(upgraded);
            assertThat(store.load(id)).isEqualTo(raw);
            byte[] newer = "Subject: after\r\n\r\nstored after the upgrade".getBytes();
            long next = upgraded.inTransaction(c -> store.store(c, newer, "y", Instant.now()));
            assertThat(store.load(next)).isEqualTo(newer);
        }
    }
}
