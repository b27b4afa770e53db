package org.redress.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Mail waiting to be sent. Writing the mail here in the same transaction that marks the complaint acknowledged is
 * what lets the inbox mark the complaint handled before the SMTP server has answered: an SMTP outage delays the
 * acknowledgement, it never loses it.
 */
public final class Outbox {
    private final Database database;

    public Outbox(Database database) {
        this.database = database;
    }

    /** Queues a mail unless this complaint already has one of this kind; returns whether it was queued now. */
    public boolean enqueue(Connection connection, long complaintId, String kind, String messageId, String sender,
                           String recipient, String subject, byte[] mime, Instant now) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement(
                "SELECT 1 FROM outgoing_mail WHERE complaint_id = ? AND kind = ?")) {
            exists.setLong(1, complaintId);
            exists.setString(2, kind);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outgoing_mail (complaint_id, kind, message_id, sender, recipient, subject, mime, status, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)")) {
            ComplaintRegister.bind(insert, complaintId, kind, messageId, sender, recipient,
                    ComplaintRegister.truncate(subject, 1000), mime, Timestamp.from(now));
            insert.executeUpdate();
        }
        return true;
    }

    /** How many mails of these kinds went (or wait to go) to {@code recipient} since {@code since}. */
    public int countTo(Connection connection, String recipient, List<String> kinds, Instant since) throws SQLException {
        String marks = String.join(", ", java.util.Collections.nCopies(kinds.size(), "?"));
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM outgoing_mail WHERE "
                + "recipient = ? AND created_at >= ? AND kind IN (" + marks + ")")) {
            select.setString(1, recipient);
            select.setTimestamp(2, Timestamp.from(since));
            for (int i = 0; i < kinds.size(); i++) {
                select.setString(3 + i, kinds.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The subject of a mail we queued, by its Message-ID. */
    public java.util.Optional<String> subjectOf(String messageId) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT subject FROM outgoing_mail WHERE message_id = ? ORDER BY id")) {
                select.setString(1, messageId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.<String>empty();
                }
            }
        });
    }

    public List<PendingMail> pending(int limit) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT o.id, o.complaint_id, o.kind, o.message_id, o.sender, o.recipient, o.mime, o.attempts, "
                            + "c.inbox, c.received_at, c.reply_channel FROM outgoing_mail o JOIN complaint c ON c.id = o.complaint_id "
                            + "WHERE o.status = 'pending' ORDER BY o.id")) {
                select.setMaxRows(limit);
                List<PendingMail> mails = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        mails.add(new PendingMail(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getBytes(7), rs.getInt(8), rs.getString(9),
                                rs.getTimestamp(10).toInstant(), rs.getString(11) == null ? RegisterEntry.EMAIL : rs.getString(11)));
                    }
                }
                return mails;
            }
        });
    }

    public void sent(long id, Instant now) {
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE outgoing_mail SET status = 'sent', sent_at = ?, last_error = NULL WHERE id = ?")) {
                ComplaintRegister.bind(update, Timestamp.from(now), id);
                return update.executeUpdate();
            }
        });
    }

    public void failed(long id, String error) {
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE outgoing_mail SET attempts = attempts + 1, last_error = ? WHERE id = ?")) {
                ComplaintRegister.bind(update, ComplaintRegister.truncate(error, 4000), id);
                return update.executeUpdate();
            }
        });
    }

    /** How many mails of each status, for tests, health and metrics. */
    public int count(String status) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*) FROM outgoing_mail WHERE status = ?")) {
                select.setString(1, status);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /**
     * A mail to send: its MIME is final, Message-ID included, so a resend is recognisably the same mail.
     *
     * @param inbox            the inbox of the complaint it answers
     * @param complaintArrived when that complaint was taken in, for the acknowledgement's latency
     * @param channel          the complaint's reply channel: the route {@code direct:reply-<channel>} sends it
     */
    public record PendingMail(long id, long complaintId, String kind, String messageId, String sender,
                              String recipient, byte[] mime, int attempts, String inbox, Instant complaintArrived,
                              String channel) {
    }
}
