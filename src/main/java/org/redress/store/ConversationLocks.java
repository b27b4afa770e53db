package org.redress.store;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One conversation handled by one node at a time, cluster-wide, when the nodes share a work queue: a PostgreSQL
 * session-level advisory lock on the conversation, held on a connection of its own while the complaint is handled.
 * PostgreSQL lets go of it when the holder's connection closes: at once when a node's process dies, and when its host
 * dies or is cut off, once PostgreSQL's TCP keepalive notices (docs/DEPLOYMENT.md). No lock table, no expiry to tune.
 */
public final class ConversationLocks {
    private final DataSource dataSource;

    public ConversationLocks(Database database) {
        this.dataSource = database.dataSource();
    }

    /** The conversation's lock, or empty when another handler holds it now. */
    public Optional<Held> tryLock(String laneKey) {
        long key = key(laneKey);
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, key);
                try (ResultSet row = lock.executeQuery()) {
                    if (row.next() && row.getBoolean(1)) {
                        Held held = new Held(connection, key);
                        connection = null;
                        return Optional.of(held);
                    }
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new StoreException(e);
        } finally {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // the lock was not taken on it
                }
            }
        }
    }

    /** 64 bits of the key's SHA-256: two conversations sharing a lock would only wait for each other. */
    static long key(String laneKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(laneKey.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A held lock; closing it lets go of it and gives the connection back. */
    public final class Held implements AutoCloseable {
        private final Connection connection;
        private final long key;

        private Held(Connection connection, long key) {
            this.connection = connection;
            this.key = key;
        }

        @Override
        public void close() {
            try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, key);
                unlock.execute();
                connection.close();
            } catch (SQLException e) {
                // a pooled connection must never go back still holding the lock: closed for good instead
                if (dataSource instanceof HikariDataSource hikari) {
                    hikari.evictConnection(connection);
                }
            }
        }
    }
}
