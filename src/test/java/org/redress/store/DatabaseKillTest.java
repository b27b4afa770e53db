package org.redress.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.redress.config.DatabaseConfig;

/**
 * The promise the embedded H2 makes with the gateway's settings ({@link Database#closedByUs}): what a caller went on
 * with survives the process being killed, so a restarted gateway never asks Jira or acknowledges twice for lack of a
 * record. A child process commits rows from eight threads at once and prints each row once its transaction has
 * returned; it is killed with SIGKILL in mid-flow, and every printed row must be in the database opened afterwards.
 * (The crash test proves the same for the whole gateway on PostgreSQL.)
 */
class DatabaseKillTest {
    private static final int THREADS = 8;

    @TempDir
    Path tempDir;

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyTransactionThatReturnedSurvivesTheProcessBeingKilled() throws Exception {
        killMidFlowAndCheck("jdbc:h2:file:" + tempDir.resolve("db").toAbsolutePath(), Database.HOUSEKEEPING_MILLIS);
    }

    /**
     * The same while {@link H2Housekeeping} rewrites chunks under the writers: retention 0 makes every chunk
     * rewritable at once, and the child runs a round every 10 ms, reporting each that copied anything.
     */
    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyTransactionThatReturnedSurvivesAKillDuringHousekeeping() throws Exception {
        int rewrites = killMidFlowAndCheck("jdbc:h2:file:" + tempDir.resolve("db").toAbsolutePath()
                + ";RETENTION_TIME=0", Committer.OWN_ROUNDS);
        assertThat(rewrites).as("rounds that rewrote chunks before the kill").isPositive();
    }

    /** Kills a committing child mid-flow and checks what it reported; returns the rounds it said rewrote chunks. */
    private int killMidFlowAndCheck(String url, long housekeepingMillis) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Committer.class.getName(), url,
                String.valueOf(housekeepingMillis))
                .redirectError(tempDir.resolve("child.log").toFile()).start();
        Set<String> returned = new HashSet<>();
        int rewrites = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while (returned.size() < 3000 && (line = out.readLine()) != null) {
                if (line.equals(Committer.REWRITE)) {
                    rewrites++;
                } else {
                    returned.add(line);
                }
            }
        } finally {
            // SIGKILL: no shutdown hook, nothing flushed on the way out
            child.destroyForcibly();
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(returned).as("rows the child reported before it was killed (its log: child.log)").hasSize(3000);

        try (Database database = new Database(new DatabaseConfig(url, "sa", "", null), 2)) {
            Map<String, String> kept = database.inTransaction(connection -> {
                Map<String, String> rows = new HashMap<>();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT name, filler FROM committed_row");
                     ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows.put(result.getString(1), result.getString(2));
                    }
                }
                return rows;
            });
            assertThat(kept.keySet()).containsAll(returned);
            for (String name : returned) {
                String next = name.substring(0, name.indexOf('-') + 1)
                        + (Integer.parseInt(name.substring(name.indexOf('-') + 1)) + 1);
                if (returned.contains(next)) {
                    assertThat(kept.get(name)).as("row %s, rewritten by the transaction of %s", name, next)
                            .isEqualTo(Committer.REWRITTEN);
                }
            }
        }
        return rewrites;
    }

    /**
     * The child: inserts rows from several threads until it is killed, printing each one its commit returned. Each
     * transaction also rewrites the thread's previous row, so that chunks hold dead pages for housekeeping to find.
     */
    public static final class Committer {
        /** As the housekeeping period: no scheduled rounds, the child's own every 10 ms, each that rewrote reported. */
        static final long OWN_ROUNDS = -1;
        static final String REWRITE = "#rewrite";
        static final String REWRITTEN = "y".repeat(300);

        public static void main(String[] args) throws Exception {
            long period = Long.parseLong(args[1]);
            Database database = new Database(new DatabaseConfig(args[0], "sa", "", null), THREADS + 1,
                    Math.max(period, 0));
            if (period == OWN_ROUNDS) {
                Thread rounds = new Thread(() -> {
                    while (true) {
                        if (database.housekeeping().round()) {
                            synchronized (System.out) {
                                System.out.println(REWRITE);
                                System.out.flush();
                            }
                        }
                        try {
                            Thread.sleep(10);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                rounds.setDaemon(true);
                rounds.start();
            }
            database.inTransaction(connection -> connection.createStatement().execute(
                    "CREATE TABLE committed_row (name VARCHAR(40) PRIMARY KEY, filler VARCHAR(2000))"));
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            List<Runnable> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                writers.add(() -> {
                    for (int i = 0; ; i++) {
                        String name = thread + "-" + i;
                        String previous = thread + "-" + (i - 1);
                        String filler = "x".repeat(500 + i % 1000);
                        database.inTransaction(connection -> {
                            try (PreparedStatement insert = connection.prepareStatement(
                                    "INSERT INTO committed_row (name, filler) VALUES (?, ?)")) {
                                insert.setString(1, name);
                                insert.setString(2, filler);
                                insert.executeUpdate();
                            }
                            try (PreparedStatement update = connection.prepareStatement(
                                    "UPDATE committed_row SET filler = ? WHERE name = ?")) {
                                update.setString(1, REWRITTEN);
                                update.setString(2, previous);
                                return update.executeUpdate();
                            }
                        });
                        synchronized (System.out) {
                            System.out.println(name);
                            System.out.flush();
                        }
                    }
                });
            }
            writers.forEach(threads::submit);
        }
    }
}
