package org.redress.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.redress.history.HistorySources;
import org.redress.history.PastComplaint;

/** The register as a history source: the customer's earlier complaints that became tickets, with their result. */
public final class RegisterHistory implements HistorySources.Register {
    private final Database database;

    public RegisterHistory(Database database) {
        this.database = database;
    }

    @Override
    public List<PastComplaint> earlierComplaints(String email, long exceptComplaintId) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT ticket_key, received_at, subject, "
                    + "resolution, resolved_at, satisfaction FROM complaint WHERE sender_key = ? AND kind = 'complaint' "
                    + "AND ticket_key IS NOT NULL AND id <> ? ORDER BY received_at")) {
                ComplaintRegister.bind(select, email.toLowerCase(Locale.ROOT), exceptComplaintId);
                List<PastComplaint> earlier = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Timestamp resolvedAt = rs.getTimestamp(5);
                        int score = rs.getInt(6);
                        Integer satisfaction = rs.wasNull() ? null : score;
                        earlier.add(new PastComplaint(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                                null, rs.getString(4), resolvedAt == null ? null : resolvedAt.toInstant(),
                                resolvedAt == null, satisfaction));
                    }
                }
                return earlier;
            }
        });
    }
}
