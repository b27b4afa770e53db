package org.redress.store;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.Random;
import org.redress.config.DatabaseConfig;

/**
 * A measurement, not a test (BENCHMARKS.md, "The embedded H2 file"): how the embedded H2 file, H2's chunk records and
 * the CPU per complaint grow as complaints accumulate, with and without {@link H2Housekeeping}. Each complaint is
 * one transaction storing a raw mail of {@code --raw-bytes} and a row, then six transactions updating the row, as
 * the gateway's steps do, all on one thread.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.redress.store.H2FileGrowth \
 *     --complaints=20000 --raw-bytes=80000 --housekeeping=true --period-ms=1000 --retention-ms=1000</pre>
 *
 * A retention of 1 s instead of H2's 45 s lets chunks become rewritable within a run of a minute, as they do within
 * 45 s at the pace of a real inbox.
 */
public final class H2FileGrowth {
    private H2FileGrowth() {
    }

    public static void main(String[] args) throws Exception {
        int complaints = 20_000;
        int rawBytes = 80_000;
        boolean housekeeping = true;
        long periodMillis = Database.HOUSEKEEPING_MILLIS;
        int retentionMillis = 1000;
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String value = arg.substring(equals + 1);
            switch (equals < 0 ? arg : arg.substring(0, equals)) {
                case "--complaints" -> complaints = Integer.parseInt(value);
                case "--raw-bytes" -> rawBytes = Integer.parseInt(value);
                case "--housekeeping" -> housekeeping = Boolean.parseBoolean(value);
                case "--period-ms" -> periodMillis = Long.parseLong(value);
                case "--retention-ms" -> retentionMillis = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option '" + arg + "': options are "
                        + "--complaints=N --raw-bytes=N --housekeeping=true|false --period-ms=N --retention-ms=N");
            }
        }
        Path dir = Files.createTempDirectory("redress-h2-growth-");
        Path file = dir.resolve("db.mv.db");
        String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";RETENTION_TIME=" + retentionMillis;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "%d complaints, raw mail %d bytes, housekeeping %s, retention %d ms%n",
                complaints, rawBytes, housekeeping ? "every " + periodMillis + " ms" : "none", retentionMillis);
        try (Database database = new Database(new DatabaseConfig(url, "sa", "", null), 2,
                housekeeping ? periodMillis : 0)) {
            database.inTransaction(connection -> {
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE TABLE growth_raw (id BIGINT PRIMARY KEY, content BLOB NOT NULL)");
                    create.execute("CREATE TABLE growth_row (id BIGINT PRIMARY KEY, dedup_key VARCHAR(1000) NOT NULL "
                            + "UNIQUE, sender VARCHAR(320), subject VARCHAR(1000), step VARCHAR(32) NOT NULL, "
                            + "raw_id BIGINT NOT NULL)");
                    create.execute("CREATE INDEX growth_row_sender ON growth_row (sender)");
                    create.execute("CREATE INDEX growth_row_step ON growth_row (step)");
                }
                return null;
            });
            Random random = new Random(20261204);
            byte[] raw = new byte[rawBytes];
            long cpu = os.getProcessCpuTime();
            for (int i = 1; i <= complaints; i++) {
                random.nextBytes(raw);
                long id = i;
                String sender = "customer" + random.nextInt(5000) + "@example.org";
                database.inTransaction(connection -> {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO growth_raw (id, content) VALUES (?, ?)")) {
                        insert.setLong(1, id);
                        insert.setBinaryStream(2, new ByteArrayInputStream(raw), raw.length);
                        insert.executeUpdate();
                    }
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO growth_row "
                            + "(id, dedup_key, sender, subject, step, raw_id) VALUES (?, ?, ?, ?, 'received', ?)")) {
                        insert.setLong(1, id);
                        insert.setString(2, "mid:<" + id + "." + Long.toHexString(random.nextLong()) + "@mail.example>");
                        insert.setString(3, sender);
                        insert.setString(4, "Commande " + id + " : livraison en retard");
                        insert.setLong(5, id);
                        return insert.executeUpdate();
                    }
                });
                for (int step = 1; step <= 6; step++) {
                    String value = "step-" + step;
                    database.inTransaction(connection -> {
                        try (PreparedStatement update = connection.prepareStatement(
                                "UPDATE growth_row SET step = ? WHERE id = ?")) {
                            update.setString(1, value);
                            update.setLong(2, id);
                            return update.executeUpdate();
                        }
                    });
                }
                if (i % 2000 == 0) {
                    long now = os.getProcessCpuTime();
                    H2Housekeeping chunks = database.housekeeping();
                    System.out.printf(Locale.ROOT, "%6d complaints: %.2f ms CPU per complaint (last 2000), file %d MB,"
                                    + " chunk records %d, chunks %d%% live%n", i, (now - cpu) / 2000 / 1e6,
                            Files.size(file) >> 20, chunks.chunkRecords(), chunks.chunksFillRate());
                    cpu = now;
                }
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }
}
