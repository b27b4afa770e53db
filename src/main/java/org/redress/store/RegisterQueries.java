package org.redress.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Read-only queries of the complaint register for its API and report. Plain, portable SQL: every query runs on H2
 * and PostgreSQL alike; statistics (medians, shares) are computed by the caller from the rows.
 */
public final class RegisterQueries {
    private static final String ROW = "SELECT c.id, c.received_at, c.channel, c.inbox, c.sender, c.subject, "
            + "c.language, c.kind, c.outcome, c.ticket_key, c.reason, c.thread_rule, c.claimed_key, c.acknowledged_at, "
            + "c.resolution, c.resolved_at, c.satisfaction, c.raw_mail_id, a.category, a.priority, a.repeat_complainant, "
            + "a.history_unavailable, (SELECT COUNT(*) FROM complaint r WHERE r.kind = 'reply' AND r.ticket_key = "
            + "c.ticket_key AND c.kind = 'complaint') AS replies, (SELECT MIN(o.sent_at) FROM outgoing_mail o "
            + "WHERE o.complaint_id = c.id AND o.kind = 'acknowledgement') AS acknowledgement_sent_at "
            + "FROM complaint c LEFT JOIN complaint_assessment a ON a.complaint_id = c.id";

    private final Database database;

    public RegisterQueries(Database database) {
        this.database = database;
    }

    /**
     * @param status an outcome code ({@link Outcome}), or {@code open} / {@code resolved} for new complaints by the
     *               state of their ticket, or null for all
     */
    public List<Row> list(Instant from, Instant to, String inbox, String status, int limit) {
        StringBuilder sql = new StringBuilder(ROW).append(" WHERE c.received_at >= ? AND c.received_at < ?");
        List<Object> parameters = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
        if (inbox != null) {
            sql.append(" AND c.inbox = ?");
            parameters.add(inbox);
        }
        if ("open".equals(status)) {
            sql.append(" AND c.kind = 'complaint' AND c.ticket_key IS NOT NULL AND c.resolved_at IS NULL");
        } else if ("resolved".equals(status)) {
            sql.append(" AND c.kind = 'complaint' AND c.resolved_at IS NOT NULL");
        } else if (status != null) {
            sql.append(" AND c.outcome = ?");
            parameters.add(Outcome.of(status).code());
        }
        sql.append(" ORDER BY c.received_at DESC, c.id DESC");
        return database.inTransaction(connection -> rows(connection, sql.toString(), parameters, limit));
    }

    public java.util.Optional<Row> byId(long id) {
        return database.inTransaction(connection -> rows(connection, ROW + " WHERE c.id = ?", List.of(id), 1))
                .stream().findFirst();
    }

    /** Every mail received in [from, to), oldest first: the report's input. */
    public List<Row> received(Instant from, Instant to) {
        return database.inTransaction(connection -> rows(connection, ROW
                + " WHERE c.received_at >= ? AND c.received_at < ? ORDER BY c.received_at, c.id",
                List.of(Timestamp.from(from), Timestamp.from(to)), Integer.MAX_VALUE));
    }

    /** The hint kinds of each complaint received in [from, to), by complaint id. */
    public java.util.Map<Long, List<String>> hintKinds(Instant from, Instant to) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT h.complaint_id, h.kind "
                    + "FROM complaint_hint h JOIN complaint c ON c.id = h.complaint_id "
                    + "WHERE c.received_at >= ? AND c.received_at < ? ORDER BY h.complaint_id, h.kind")) {
                ComplaintRegister.bind(select, Timestamp.from(from), Timestamp.from(to));
                java.util.Map<Long, List<String>> kinds = new java.util.HashMap<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        kinds.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
                return kinds;
            }
        });
    }

    /** The mails sent about a complaint: acknowledgement, agents' comments, resolution, reminders. */
    public List<SentMail> sentAbout(long complaintId) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT kind, status, subject, created_at, "
                    + "sent_at FROM outgoing_mail WHERE complaint_id = ? ORDER BY created_at, id")) {
                select.setLong(1, complaintId);
                List<SentMail> sent = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        sent.add(new SentMail(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                                instant(rs, 5)));
                    }
                }
                return sent;
            }
        });
    }

    /** The customer's replies on a ticket, oldest first. */
    public List<Row> replies(String ticketKey) {
        return database.inTransaction(connection -> rows(connection,
                ROW + " WHERE c.kind = 'reply' AND c.ticket_key = ? ORDER BY c.received_at, c.id", List.of(ticketKey),
                Integer.MAX_VALUE));
    }

    /** Every complaint (not reply) from this address, any case, oldest first. */
    public List<Row> ofCustomer(String email) {
        return database.inTransaction(connection -> rows(connection, ROW
                + " WHERE c.sender_key = ? AND c.kind = 'complaint' ORDER BY c.received_at, c.id",
                List.of(email.toLowerCase(Locale.ROOT)), Integer.MAX_VALUE));
    }

    private static List<Row> rows(Connection connection, String sql, List<Object> parameters, int limit)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            ComplaintRegister.bind(select, parameters.toArray());
            select.setMaxRows(limit == Integer.MAX_VALUE ? 0 : limit);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    int score = rs.getInt(17);
                    Integer satisfaction = rs.wasNull() ? null : score;
                    boolean repeat = rs.getBoolean(21);
                    Boolean repeatComplainant = rs.wasNull() ? null : repeat;
                    rows.add(new Row(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getString(11), rs.getString(12), rs.getString(13), instant(rs, 14), rs.getString(15),
                            instant(rs, 16), satisfaction, rs.getLong(18), rs.getString(19), rs.getString(20),
                            repeatComplainant, rs.getString(22), rs.getInt(23), instant(rs, 24)));
                }
            }
            return rows;
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The status filter's accepted values. */
    public static List<String> statuses() {
        List<String> statuses = new ArrayList<>(List.of("open", "resolved"));
        Arrays.stream(Outcome.values()).map(Outcome::code).forEach(statuses::add);
        return statuses;
    }

    /** One register row with its assessment, as the API shows it. */
    public record Row(long id, Instant receivedAt, String channel, String inbox, String sender, String subject,
                      String language, String kind, String outcome, String ticketKey, String reason, String threadRule,
                      String claimedKey, Instant acknowledgedAt, String resolution, Instant resolvedAt,
                      Integer satisfaction, long rawMailId, String category, String priority,
                      Boolean repeatComplainant, String historyUnavailable, int replies,
                      Instant acknowledgementSentAt) {
    }

    public record SentMail(String kind, String status, String subject, Instant createdAt, Instant sentAt) {
    }
}
