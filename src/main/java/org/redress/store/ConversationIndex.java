package org.redress.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Which ticket a message id belongs to: the complaint's own id and every mail the gateway sent about it, so that
 * a reply threaded on any of them finds its ticket.
 */
public final class ConversationIndex {
    private final Database database;

    public ConversationIndex(Database database) {
        this.database = database;
    }

    public void record(Connection connection, String messageId, String ticketKey, String direction, Instant now)
            throws SQLException {
        if (messageId == null || ticketOf(connection, messageId).isPresent()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO conversation_message (message_id, ticket_key, direction, recorded_at) VALUES (?, ?, ?, ?)")) {
            ComplaintRegister.bind(insert, ComplaintRegister.truncate(messageId, 1000), ticketKey, direction,
                    Timestamp.from(now));
            insert.executeUpdate();
        }
    }

    public Optional<String> ticketOf(String messageId) {
        return database.inTransaction(connection -> ticketOf(connection, messageId));
    }

    /** The ticket of a mail the gateway sent, by its Message-ID; empty for any mail it took in, or does not know. */
    public Optional<String> ticketOfOutgoing(String messageId) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT ticket_key FROM conversation_message WHERE message_id = ? AND direction = 'out'")) {
                select.setString(1, messageId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    private Optional<String> ticketOf(Connection connection, String messageId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT ticket_key FROM conversation_message WHERE message_id = ?")) {
            select.setString(1, messageId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
