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
 * Compacts the embedded H2 file while the gateway runs. While a database is open, H2 compacts only from the
 * background writer that {@code WRITE_DELAY} starts, and the gateway sets {@code WRITE_DELAY=0} so that every commit
 * is on disk when it returns. Without compaction a commit's chunk stays in the file as long as one page of it is
 * live, and H2's record of chunks, which it also holds in memory, grows with the file (BENCHMARKS.md, "The embedded
 * H2 file"). Freed chunks are reused once H2's retention time (45 s) has passed.
 */
final class H2Housekeeping implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(H2Housekeeping.class);
    /** Below this share of live bytes in all the file's chunks, a round rewrites chunks. */
    static final int TARGET_FILL_RATE = 80;
    /**
     * The most live bytes one round copies (the least live and oldest chunks first): a bound on the work a round
     * takes from the mail being handled, whose commits wait while it holds H2's store lock. At a round a second this
     * keeps up with at most about 4 MB of new mail a second; a flood beyond that grows the file, and the rounds after
     * it compact it.
     */
    static final int WRITE_PER_ROUND = 4 * 1024 * 1024;

    private final DataSource dataSource;
    private final ScheduledExecutorService rounds;
    private volatile MVStore store;
    /** The store {@link #fileCounts()} last read, what it read, and the counts of the stores before it. */
    private MVStore counted;
    private RegisterFileCounts lastCounts = RegisterFileCounts.NONE;
    private RegisterFileCounts countedBefore = RegisterFileCounts.NONE;

    private H2Housekeeping(DataSource dataSource, MVStore store) {
        this.dataSource = dataSource;
        this.store = store;
        this.rounds = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "h2-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Housekeeping for the database behind {@code dataSource} when it is an H2 file opened in this process that H2
     * does not compact itself, with a round every {@code periodMillis} (none when 0: the caller runs
     * {@link #round()}); null for any other database.
     */
    static H2Housekeeping of(DataSource dataSource, long periodMillis) {
        MVStore store;
        try {
            store = compactableStore(dataSource);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("H2's file will not be compacted while the gateway runs: {}", e.toString(), e);
            return null;
        }
        if (store == null) {
            return null;
        }
        H2Housekeeping housekeeping = new H2Housekeeping(dataSource, store);
        if (periodMillis > 0) {
            housekeeping.rounds.scheduleWithFixedDelay(housekeeping::roundLogged, periodMillis, periodMillis,
                    TimeUnit.MILLISECONDS);
        }
        return housekeeping;
    }

    /** The store of an embedded, writable H2 file without H2's own background writer; null for anything else. */
    private static MVStore compactableStore(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)
                    || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
                return null; // PostgreSQL, or H2 over TCP: the server's business
            }
            MVStore store = session.getDatabase().getStore().getMvStore();
            // in memory; read-only; or a WRITE_DELAY the URL set, whose background writer compacts
            return store.getFileStore() == null || store.isReadOnly() || store.getAutoCommitDelay() > 0 ? null : store;
        }
    }

    /**
     * One round: when less than {@link #TARGET_FILL_RATE} % of the chunks' bytes are live, copies the live pages of up
     * to {@link #WRITE_PER_ROUND} bytes of chunks older than the retention time. True when it copied any.
     */
    boolean round() {
        MVStore current = liveStore();
        return current != null && current.compact(TARGET_FILL_RATE, WRITE_PER_ROUND);
    }

    /** The store, or the one H2 opened in its place after closing it; null when the database is not one to look after. */
    private synchronized MVStore liveStore() {
        MVStore current = store;
        if (current.isClosed()) {
            // H2 closed the database (a store failure, or its last connection gone) and the pool opened it again
            try {
                current = compactableStore(dataSource);
            } catch (SQLException e) {
                throw new StoreException(e);
            }
            if (current == null) {
                return null;
            }
            store = current;
            LOG.warn("H2's database was opened again; housekeeping goes on with the new store");
        }
        return current;
    }

    private void roundLogged() {
        try {
            round();
        } catch (RuntimeException | Error e) {
            // an error thrown out of a scheduled task would end the rounds in silence; the next round tries again
            LOG.error("H2 housekeeping round failed", e);
        }
    }

    /** Share of the chunks' bytes that are live, in per cent: for tests and {@code H2FileGrowth}, store open. */
    int chunksFillRate() {
        return store.getFileStore().getChunksFillRate();
    }

    /**
     * How many chunks H2 keeps a record of (each an entry of its layout map and an object in memory): for tests and
     * {@code H2FileGrowth}, store open.
     */
    int chunkRecords() {
        return (int) store.getLayoutMap().keySet().stream().filter(key -> key.startsWith("chunk.")).count();
    }

    /**
     * H2's counters of the file's writes and reads since the gateway opened it, or null when the database cannot be
     * reached. H2 counts per store: when it has opened the file again, the counts go on from the last ones read of
     * the store before (what that store did after them is not counted), so that they never go down.
     */
    synchronized RegisterFileCounts fileCounts() {
        MVStore current;
        try {
            current = liveStore();
        } catch (StoreException unreachable) {
            return null;
        }
        if (current == null) {
            return null;
        }
        if (current != counted) {
            countedBefore = countedBefore.plus(lastCounts);
            lastCounts = RegisterFileCounts.NONE;
            counted = current;
        }
        // what INFORMATION_SCHEMA.SETTINGS shows as info.FILE_*, without a query
        java.util.Map<String, Long> info = new java.util.HashMap<>();
        current.populateInfo((key, value) -> {
            if (key.startsWith("info.FILE_")) {
                info.put(key, Long.parseLong(value));
            }
        });
        lastCounts = new RegisterFileCounts(info.getOrDefault("info.FILE_WRITE", 0L),
                info.getOrDefault("info.FILE_WRITE_BYTES", 0L), info.getOrDefault("info.FILE_READ", 0L),
                info.getOrDefault("info.FILE_READ_BYTES", 0L));
        return countedBefore.plus(lastCounts);
    }

    /** Stops the rounds and waits for one under way: H2 closes after this. */
    @Override
    public void close() {
        rounds.shutdown();
        try {
            if (!rounds.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("an H2 housekeeping round was still running after 30 s; closing the database anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
