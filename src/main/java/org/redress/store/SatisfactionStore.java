package org.redress.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Satisfaction questions and their answers; an answer also becomes the complaint's score in the register. */
public final class SatisfactionStore {
    private final Database database;

    public SatisfactionStore(Database database) {
        this.database = database;
    }

    /** The question asked for this resolution, or empty. */
    public Optional<Request> forResolution(Connection connection, String ticketKey, String resolution)
            throws SQLException {
        return one(connection, "WHERE ticket_key = ? AND resolution = ?", ticketKey, resolution);
    }

    public void ask(Connection connection, Request request) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO satisfaction_request (id, ticket_key, "
                + "complaint_id, resolution, language, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ComplaintRegister.bind(insert, request.id(), request.ticketKey(), request.complaintId(), request.resolution(),
                    request.language(), Timestamp.from(request.createdAt()), Timestamp.from(request.expiresAt()));
            insert.executeUpdate();
        }
    }

    public Optional<Request> byId(String id) {
        return database.inTransaction(connection -> one(connection, "WHERE id = ?", id));
    }

    /** The ticket's latest question, answered or not. */
    public Optional<Request> latest(String ticketKey) {
        return database.inTransaction(connection -> one(connection,
                "WHERE ticket_key = ? ORDER BY created_at DESC, id", ticketKey));
    }

    /** Records the answer unless the question has one already; returns whether it was recorded now. */
    public boolean answer(Connection connection, Request request, int score, String answer, String channel,
                          Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE satisfaction_request SET score = ?, "
                + "answer = ?, channel = ?, answered_at = ? WHERE id = ? AND answered_at IS NULL")) {
            ComplaintRegister.bind(update, score, ComplaintRegister.truncate(answer, 4000), channel, Timestamp.from(now),
                    request.id());
            if (update.executeUpdate() == 0) {
                return false;
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE complaint SET satisfaction = ? WHERE id = ?")) {
            ComplaintRegister.bind(update, score, request.complaintId());
            update.executeUpdate();
        }
        return true;
    }

    /** Per inbox, the answers given since {@code since}: how many, and how many were 4 or 5. */
    public java.util.Map<String, int[]> answersByInbox(Instant since) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT c.inbox, COUNT(*), "
                    + "SUM(CASE WHEN r.score >= 4 THEN 1 ELSE 0 END) FROM satisfaction_request r JOIN complaint c "
                    + "ON c.id = r.complaint_id WHERE r.answered_at >= ? GROUP BY c.inbox")) {
                select.setTimestamp(1, Timestamp.from(since));
                java.util.Map<String, int[]> answers = new java.util.TreeMap<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        answers.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
                    }
                }
                return answers;
            }
        });
    }

    private static Optional<Request> one(Connection connection, String where, Object... parameters)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, ticket_key, complaint_id, resolution, "
                + "language, created_at, expires_at, score, answered_at, (SELECT c.resolved_at FROM complaint c WHERE "
                + "c.id = satisfaction_request.complaint_id) FROM satisfaction_request " + where)) {
            ComplaintRegister.bind(select, parameters);
            select.setMaxRows(1);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int score = rs.getInt(8);
                boolean unanswered = rs.wasNull();
                return Optional.of(new Request(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), ComplaintRegister.instant(rs, 6), ComplaintRegister.instant(rs, 7),
                        unanswered ? null : score, ComplaintRegister.instant(rs, 9), rs.getTimestamp(10) != null));
            }
        }
    }

    /**
     * One question: which ticket and resolution it is about, and its answer once there is one.
     *
     * @param ticketResolved whether the ticket is (still) resolved: once reopened, its old question is closed
     */
    public record Request(String id, String ticketKey, long complaintId, String resolution, String language,
                          Instant createdAt, Instant expiresAt, Integer score, Instant answeredAt,
                          boolean ticketResolved) {
        public boolean answered() {
            return answeredAt != null;
        }
    }
}
