package org.redress.store;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The raw MIME of every mail taken in, kept in the database so that a quarantined mail stays retrievable and any
 * node of a cluster can reprocess it.
 */
public final class RawMailStore {
    private final Database database;

    public RawMailStore(Database database) {
        this.database = database;
    }

    long store(Connection connection, byte[] raw, String sha256, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO raw_mail (sha256, size_bytes, content, stored_at) VALUES (?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, sha256);
            insert.setLong(2, raw.length);
            // streamed, so that H2 writes it into its LOB store in blocks instead of cloning the array first
            insert.setBinaryStream(3, new ByteArrayInputStream(raw), raw.length);
            insert.setTimestamp(4, Timestamp.from(now));
            try {
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            } finally {
                // H2 keeps a connection's prepared statements for reuse, with their last parameters: a 30 MB mail
                // would stay in memory, once per pooled connection, until another mail replaced it
                insert.clearParameters();
            }
        }
    }

    /**
     * Hands a stored mail to {@code reader} as a stream, within the transaction: H2 reads its LOB in blocks, so a large
     * mail compared with a new delivery is not held twice. Null when there is no such mail.
     */
    public <T> T read(long id, Reader<T> reader) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT content FROM raw_mail WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    try (java.io.InputStream content = rs.getBinaryStream(1)) {
                        return reader.read(content);
                    } catch (java.io.IOException e) {
                        throw new SQLException("reading raw mail " + id + " failed", e);
                    }
                }
            }
        });
    }

    /** Reads a stored mail from its stream. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(java.io.InputStream content) throws java.io.IOException;
    }

    public byte[] load(long id) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT content FROM raw_mail WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? rs.getBytes(1) : null;
                }
            }
        });
    }
}
