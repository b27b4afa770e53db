package org.redress.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.redress.conversation.TicketConversation;

/** The tickets the gateway opened and the conversation state around them: own comments, the Jira poller's mark. */
public final class Tickets {
    private final Database database;

    public Tickets(Database database) {
        this.database = database;
    }

    public void record(Connection connection, TicketConversation ticket, Instant now) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM ticket WHERE ticket_key = ?")) {
            exists.setString(1, ticket.ticketKey());
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ticket (ticket_key, complaint_id, "
                + "inbox_address, customer, participants, language, subject, root_message_id, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ComplaintRegister.bind(insert, ticket.ticketKey(), ticket.complaintId(), ticket.inboxAddress(), ticket.customer(),
                    ComplaintRegister.truncate(String.join(" ", ticket.participants()), 4000), ticket.language(),
                    ComplaintRegister.truncate(ticket.subject(), 1000),
                    ComplaintRegister.truncate(ticket.rootMessageId(), 1000), Timestamp.from(now));
            insert.executeUpdate();
        }
    }

    public Optional<TicketConversation> byKey(String ticketKey) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT ticket_key, complaint_id, inbox_address, "
                    + "customer, participants, language, subject, root_message_id FROM ticket WHERE ticket_key = ?")) {
                select.setString(1, ticketKey);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Set<String> participants = Arrays.stream(rs.getString(5).split(" "))
                            .filter(s -> !s.isBlank()).collect(Collectors.toSet());
                    return Optional.of(new TicketConversation(rs.getString(1), rs.getLong(2), rs.getString(3),
                            rs.getString(4), participants, rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
        });
    }

    /** A comment the gateway wrote (a customer's reply): it is never sent back to the customer. */
    public void ownComment(String commentId, String ticketKey, Instant now) {
        database.inTransaction(connection -> {
            ownComment(connection, commentId, ticketKey, now);
            return null;
        });
    }

    public void ownComment(Connection connection, String commentId, String ticketKey, Instant now) throws SQLException {
        if (!isOwnComment(connection, commentId)) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO own_comment (comment_id, ticket_key, created_at) VALUES (?, ?, ?)")) {
                ComplaintRegister.bind(insert, commentId, ticketKey, Timestamp.from(now));
                insert.executeUpdate();
            }
        }
    }

    public boolean isOwnComment(String commentId) {
        return database.inTransaction(connection -> isOwnComment(connection, commentId));
    }

    private static boolean isOwnComment(Connection connection, String commentId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM own_comment WHERE comment_id = ?")) {
            select.setString(1, commentId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The ticket was resolved: its complaint's result and time to resolve go into the register. */
    public void resolved(Connection connection, long complaintId, String resolution, Instant resolvedAt)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE complaint SET resolution = ?, resolved_at = ? WHERE id = ?")) {
            ComplaintRegister.bind(update, ComplaintRegister.truncate(resolution, 255), Timestamp.from(resolvedAt),
                    complaintId);
            update.executeUpdate();
        }
    }

    /**
     * The resolved ticket is open again (a customer's reply, an agent in Jira, a low score): its complaint is open
     * until the next resolution, and its resolution target counts afresh from now. Nothing happens to a ticket that
     * was not resolved.
     */
    public void reopened(String ticketKey, Instant at) {
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE complaint SET resolution = NULL, "
                    + "resolved_at = NULL WHERE id = (SELECT complaint_id FROM ticket WHERE ticket_key = ?) "
                    + "AND resolved_at IS NOT NULL")) {
                update.setString(1, ticketKey);
                if (update.executeUpdate() == 0) {
                    return null;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ticket_followup (ticket_key) "
                    + "SELECT ? WHERE NOT EXISTS (SELECT 1 FROM ticket_followup WHERE ticket_key = ?)")) {
                ComplaintRegister.bind(insert, ticketKey, ticketKey);
                insert.executeUpdate();
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE ticket_followup SET reopened_at = ?, "
                    + "waiting_since = NULL, waiting_seconds = 0 WHERE ticket_key = ?")) {
                ComplaintRegister.bind(update, Timestamp.from(at), ticketKey);
                update.executeUpdate();
            }
            return null;
        });
    }

    /** When the Jira poller last looked, or empty before its first look. */
    public Optional<Instant> polledUntil() {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT checked_at FROM jira_poll_state WHERE id = 1")) {
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.empty();
                }
            }
        });
    }

    public void polledUntil(Instant checkedAt) {
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE jira_poll_state SET checked_at = ? WHERE id = 1")) {
                update.setTimestamp(1, Timestamp.from(checkedAt));
                if (update.executeUpdate() == 0) {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO jira_poll_state (id, checked_at) VALUES (1, ?)")) {
                        insert.setTimestamp(1, Timestamp.from(checkedAt));
                        insert.executeUpdate();
                    }
                }
            }
            return null;
        });
    }
}
