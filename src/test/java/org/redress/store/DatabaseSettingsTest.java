package org.redress.store;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.config.DatabaseConfig;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings the gateway adds to an embedded H2 URL, as H2 itself reports them. */
class DatabaseSettingsTest {

    @TempDir
    Path dataDir;

    @Test
    void embeddedFileSplitsPagesAtFourKibibytes() {
        try (Database database = new Database(new DatabaseConfig(url("shipped"), "sa", "", null))) {
            assertThat(setting(database, "info.PAGE_SIZE")).isEqualTo("4096");
            assertThat(setting(database, "WRITE_DELAY")).isEqualTo("0");
        }
    }

    @Test
    void aPageSizeTheUrlNamesIsKept() {
        try (Database database = new Database(new DatabaseConfig(url("own") + ";PAGE_SIZE=16384", "sa", "", null))) {
            assertThat(setting(database, "info.PAGE_SIZE")).isEqualTo("16384");
        }
    }

    @Test
    void urlsOfAnythingButAnEmbeddedFileGetNeitherSetting() {
        assertThat(Database.closedByUs("jdbc:h2:mem:demo")).doesNotContain("PAGE_SIZE").doesNotContain("WRITE_DELAY");
        assertThat(Database.closedByUs("jdbc:h2:tcp://127.0.0.1:9092/demo")).doesNotContain("PAGE_SIZE");
        assertThat(Database.closedByUs("jdbc:postgresql://127.0.0.1:5432/test"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
    }

    private String url(String name) {
        return "jdbc:h2:file:" + dataDir.resolve(name).toAbsolutePath();
    }

    private static String setting(Database database, String name) {
        return database.inTransaction(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery(
                         "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = '" + name + "'")) {
                return row.next() ? row.getString(1) : null;
            }
        });
    }
}
