package org.redress.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.redress.triage.Assessment;
import org.redress.triage.Hint;

/** The register's record of how each complaint was assessed: category, priority, hints and history. */
public final class Assessments {
    private final Database database;

    public Assessments(Database database) {
        this.database = database;
    }

    /** Records the assessment the ticket was opened with; a complaint keeps its first assessment. */
    public void record(Connection connection, long complaintId, Assessment assessment, Instant now) throws SQLException {
        record(connection, complaintId, assessment, now, false);
    }

    /**
     * @param nothingToLink the customer's history is known and holds no ticket to link: recorded as linked at once,
     *                      in the caller's transaction (one commit less for a first-time complainant)
     */
    public void record(Connection connection, long complaintId, Assessment assessment, Instant now,
                       boolean nothingToLink) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement(
                "SELECT 1 FROM complaint_assessment WHERE complaint_id = ?")) {
            exists.setLong(1, complaintId);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        var history = assessment.history();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO complaint_assessment (complaint_id, "
                + "category, priority, priority_reasons, earlier_complaints, repeat_complainant, customer_tier, "
                + "history_unavailable, assessed_at, linked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ComplaintRegister.bind(insert, complaintId, assessment.category(), assessment.priority().priority(),
                    ComplaintRegister.truncate(String.join("; ", assessment.priority().reasons()), 1000),
                    history.earlier().size(), history.repeat(), ComplaintRegister.truncate(history.tier(), 64),
                    history.complete() ? null : ComplaintRegister.truncate(String.join("; ", history.unavailable()), 1000),
                    Timestamp.from(now), nothingToLink && history.complete() ? Timestamp.from(now) : null);
            insert.executeUpdate();
        }
        for (Hint hint : assessment.hints()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO complaint_hint (complaint_id, kind, evidence) VALUES (?, ?, ?)")) {
                ComplaintRegister.bind(insert, complaintId, hint.kind().code(),
                        ComplaintRegister.truncate(String.join(" | ", hint.evidence()), 1000));
                insert.executeUpdate();
            }
        }
    }

    /** The customer's earlier tickets are linked to this complaint's ticket. */
    public void linked(long complaintId, Instant now) {
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE complaint_assessment SET linked_at = ? WHERE complaint_id = ?")) {
                ComplaintRegister.bind(update, Timestamp.from(now), complaintId);
                update.executeUpdate();
            }
            return null;
        });
    }

    public boolean isLinked(long complaintId) {
        return byComplaint(complaintId).map(a -> a.linkedAt() != null).orElse(false);
    }

    public Optional<Recorded> byComplaint(long complaintId) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT category, priority, priority_reasons, "
                    + "earlier_complaints, repeat_complainant, customer_tier, history_unavailable, linked_at "
                    + "FROM complaint_assessment WHERE complaint_id = ?")) {
                select.setLong(1, complaintId);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Timestamp linked = rs.getTimestamp(8);
                    return Optional.of(new Recorded(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getBoolean(5), rs.getString(6), rs.getString(7), linked == null ? null : linked.toInstant(),
                            hints(connection, complaintId)));
                }
            }
        });
    }

    private static Map<String, String> hints(Connection connection, long complaintId) throws SQLException {
        Map<String, String> hints = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT kind, evidence FROM complaint_hint WHERE complaint_id = ? ORDER BY kind")) {
            select.setLong(1, complaintId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    hints.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return hints;
    }

    /**
     * An assessment as the register keeps it.
     *
     * @param hints evidence per hint kind, the customer's words joined with " | "
     */
    public record Recorded(String category, String priority, String priorityReasons, int earlierComplaints,
                           boolean repeatComplainant, String customerTier, String historyUnavailable,
                           Instant linkedAt, Map<String, String> hints) {
    }
}
