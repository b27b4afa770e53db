package org.redress.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.config.DatabaseConfig;
import org.redress.testing.TestDatabase;

/**
 * The embedded H2 file does not keep every commit's chunk: with {@code WRITE_DELAY=0} H2 itself never compacts, and
 * a file of small records grew with each commit. Two databases take the same commits, a complaint's worth at a time
 * (one insert, then six updates, each its own transaction, as a complaint's steps are); one has rounds of
 * housekeeping in between. Retention is 0 here so that chunks are rewritable at once, as they are 45 s later in use.
 */
class H2HousekeepingTest {
    private static final int COMPLAINTS = 600;

    @TempDir
    Path tempDir;

    @Test
    void housekeptFileKeepsFewerChunksAndLessSpaceThanOneLeftAlone() throws Exception {
        Measured leftAlone = run("alone", false);
        Measured housekept = run("kept", true);
        assertThat(housekept.chunkRecords).as("chunks H2 records (left alone: %d)", leftAlone.chunkRecords)
                .isLessThan(leftAlone.chunkRecords / 3);
        assertThat(housekept.fileBytes).as("file bytes (left alone: %d)", leftAlone.fileBytes)
                .isLessThan(leftAlone.fileBytes / 2);
        assertThat(housekept.rows).isEqualTo(COMPLAINTS);
        assertThat(housekept.lastStep).isEqualTo("step-6");
    }

    @Test
    void onlyAnEmbeddedH2FileThatH2DoesNotCompactItselfIsHousekept() {
        assertThat(housekept("jdbc:h2:" + tempDir.resolve("plain").toAbsolutePath())).isTrue();
        assertThat(housekept("jdbc:h2:mem:housekeeping-" + System.nanoTime())).isFalse();
        // a write delay the URL sets starts H2's own background writer, which compacts
        assertThat(housekept("jdbc:h2:file:" + tempDir.resolve("delayed").toAbsolutePath() + ";WRITE_DELAY=500"))
                .isFalse();
        try (TestDatabase.Provisioned pg = TestDatabase.POSTGRESQL.create(tempDir);
             Database database = new Database(pg.config(), 2, 0)) {
            assertThat(database.housekeeping()).isNull();
        }
    }

    @Test
    void embeddedFileCountsOneWritePerCommitThatChangedSomethingAndNoneForAQuery() {
        try (Database database = new Database(new DatabaseConfig("jdbc:h2:" + tempDir.resolve("counted")
                .toAbsolutePath(), "sa", "", null), 2, 0)) {
            database.inTransaction(c -> c.createStatement().execute("CREATE TABLE counted (id INT PRIMARY KEY)"));
            RegisterFileCounts before = database.fileCounts().orElseThrow();
            for (int i = 0; i < 5; i++) {
                int id = i;
                database.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO counted VALUES (" + id + ")"));
                database.inTransaction(c -> c.createStatement().executeQuery("SELECT COUNT(*) FROM counted").next());
            }
            RegisterFileCounts after = database.fileCounts().orElseThrow();
            // H2 also rewrites its file's header now and then (every 20 versions at the latest): one write more
            assertThat(after.writes() - before.writes()).isBetween(5L, 6L);
            assertThat(after.writtenBytes()).isGreaterThan(before.writtenBytes());
        }
        try (Database memory = new Database(new DatabaseConfig("jdbc:h2:mem:counted-" + System.nanoTime(), "sa", "",
                null), 2, 0)) {
            assertThat(memory.fileCounts()).isEmpty();
        }
    }

    @Test
    void fileCountsGoOnFromTheLastReadingWhenH2OpensTheFileAgain() throws Exception {
        try (Database database = new Database(new DatabaseConfig("jdbc:h2:" + tempDir.resolve("reopened")
                .toAbsolutePath(), "sa", "", null), 2, 0)) {
            database.inTransaction(c -> c.createStatement().execute("CREATE TABLE counted (id INT PRIMARY KEY)"));
            for (int i = 0; i < 5; i++) {
                int id = i;
                database.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO counted VALUES (" + id + ")"));
            }
            RegisterFileCounts beforeShutdown = database.fileCounts().orElseThrow();
            java.sql.Connection connection = database.dataSource().getConnection();
            connection.createStatement().execute("SHUTDOWN");
            try {
                connection.close();
            } catch (java.sql.SQLException closedByTheShutdown) {
                // the pool's tidying of a connection H2 has closed; the pool replaces it
            }
            // past the pool's window for handing out a connection unchecked: the closed ones are replaced
            Thread.sleep(600);
            database.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO counted VALUES (5)"));
            RegisterFileCounts afterReopening = database.fileCounts().orElseThrow();
            assertThat(afterReopening.writes()).as("the counts never go down: a reset would read as negative work")
                    .isGreaterThan(beforeShutdown.writes());
            assertThat(afterReopening.writtenBytes()).isGreaterThan(beforeShutdown.writtenBytes());
        }
    }

    private static boolean housekept(String url) {
        try (Database database = new Database(new DatabaseConfig(url, "sa", "", null), 2, 0)) {
            return database.housekeeping() != null;
        }
    }

    private record Measured(int chunkRecords, long fileBytes, int rows, String lastStep) {
    }

    private Measured run(String name, boolean housekeeping) throws Exception {
        Path file = tempDir.resolve(name);
        String url = "jdbc:h2:file:" + file.toAbsolutePath() + ";RETENTION_TIME=0";
        int chunks;
        long bytes;
        try (Database database = new Database(new DatabaseConfig(url, "sa", "", null), 2, 0)) {
            database.inTransaction(connection -> {
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE TABLE step_row (id INT PRIMARY KEY, step VARCHAR(100), "
                            + "note VARCHAR(1000))");
                }
                return null;
            });
            for (int i = 0; i < COMPLAINTS; i++) {
                int id = i;
                database.inTransaction(connection -> {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO step_row (id, step, note) VALUES (?, 'received', ?)")) {
                        insert.setInt(1, id);
                        insert.setString(2, "complaint " + id + " ".repeat(200));
                        return insert.executeUpdate();
                    }
                });
                for (int step = 1; step <= 6; step++) {
                    String value = "step-" + step;
                    database.inTransaction(connection -> {
                        try (PreparedStatement update = connection.prepareStatement(
                                "UPDATE step_row SET step = ? WHERE id = ?")) {
                            update.setString(1, value);
                            update.setInt(2, id);
                            return update.executeUpdate();
                        }
                    });
                }
                if (housekeeping && i % 20 == 19) {
                    database.housekeeping().round();
                }
            }
            chunks = database.housekeeping().chunkRecords();
            // measured open: closing compacts for a moment, whatever ran before
            bytes = Files.size(tempDir.resolve(name + ".mv.db"));
        }
        try (Database reopened = new Database(new DatabaseConfig(url, "sa", "", null), 2, 0)) {
            return reopened.inTransaction(connection -> {
                try (Statement select = connection.createStatement();
                     var rs = select.executeQuery("SELECT COUNT(*), MIN(step) FROM step_row")) {
                    rs.next();
                    return new Measured(chunks, bytes, rs.getInt(1), rs.getString(2));
                }
            });
        }
    }
}
