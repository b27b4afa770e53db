package org.redress.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts the embedded H2 file while the gateway runs. H2 compacts only from the background thread that
 * {@code WRITE_DELAY} starts, and the gateway sets {@code WRITE_DELAY=0} so that every commit is on disk when it
 * returns. Without compaction each commit's chunk stays in the file as long as one page of it is live: 20,000
 * complaints of 2 KB made a 903 MB file, growing by 45 KB a complaint, and H2's record of chunks, which it also
 * holds in memory, grew with it (17,000 chunks). With a round a second: 236 MB, and about 4,800 chunks throughout
 * ({@code H2FileGrowth} with a retention of 1 s, BENCHMARKS.md). A round copies the live pages of mostly dead chunks into new ones, so that
 * the old chunks can be reused once H2's retention time (45 s) has passed.
 */
final class H2Housekeeping implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(H2Housekeeping.class);
    /** Below this share of live bytes in the file's chunks, chunks are rewritten (H2's own target while busy). */
    static final int TARGET_FILL_RATE = 80;
    /**
     * The most live bytes one round copies: a bound on the work a round takes from the mail being handled. At a
     * round a second this keeps up with about 4 MB of new mail a second; a flood beyond that grows the file, and the
     * rounds after it compact it.
     */
    static final int WRITE_PER_ROUND = 4 * 1024 * 1024;

    private final MVStore store;
    private final ScheduledExecutorService rounds;

    private H2Housekeeping(MVStore store) {
        this.store = store;
        this.rounds = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "h2-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Housekeeping for the database behind {@code dataSource} when it is an H2 file opened in this process, with a
     * round every {@code periodMillis} (none when 0: the caller runs {@link #round()}); null for any other database.
     */
    static H2Housekeeping of(DataSource dataSource, String url, long periodMillis) throws SQLException {
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        if (!upper.startsWith("JDBC:H2:") || upper.startsWith("JDBC:H2:MEM:") || upper.startsWith("JDBC:H2:TCP:")
                || upper.startsWith("JDBC:H2:SSL:")) {
            return null;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
                return null;
            }
            MVStore store = session.getDatabase().getStore().getMvStore();
            if (store.getFileStore() == null) {
                return null;
            }
            H2Housekeeping housekeeping = new H2Housekeeping(store);
            if (periodMillis > 0) {
                housekeeping.rounds.scheduleWithFixedDelay(housekeeping::roundQuietly, periodMillis, periodMillis,
                        TimeUnit.MILLISECONDS);
            }
            return housekeeping;
        }
    }

    /** One round: rewrites the least live chunks older than the retention time, when the file needs it. */
    boolean round() {
        return !store.isClosed() && store.compact(TARGET_FILL_RATE, WRITE_PER_ROUND);
    }

    private void roundQuietly() {
        try {
            round();
        } catch (RuntimeException e) {
            // the next round tries again; a store that failed shows itself to the next transaction
            LOG.warn("H2 housekeeping round failed: {}", e.toString());
        }
    }

    /** Share of the file's chunk bytes that are live, in per cent. */
    int chunksFillRate() {
        return store.getFileStore().getChunksFillRate();
    }

    /** Chunks H2 keeps a record of (each one an entry of its layout map and an object in memory). */
    int chunkRecords() {
        return (int) store.getLayoutMap().keySet().stream().filter(key -> key.startsWith("chunk.")).count();
    }

    /** Stops the rounds and waits for one under way: H2 closes after this. */
    @Override
    public void close() {
        rounds.shutdown();
        try {
            rounds.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
