package org.redress.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the reminder routes know of open tickets (when they waited for the customer, when the customer last heard
 * from us) and the ticket events they and the satisfaction check recorded, each once, with the Jira changes still
 * to make.
 */
public final class FollowUpStore {
    private final Database database;

    public FollowUpStore(Database database) {
        this.database = database;
    }

    /** The ticket's follow-up state; a ticket seen for the first time starts with none of it. */
    public TicketState state(String ticketKey) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT t.created_at, f.waiting_since, "
                    + "f.waiting_seconds, f.resumed_at, f.reopened_at, (SELECT MAX(m.recorded_at) FROM conversation_message m "
                    + "WHERE m.ticket_key = t.ticket_key AND m.direction = 'out'), (SELECT MIN(o.created_at) FROM "
                    + "outgoing_mail o WHERE o.complaint_id = t.complaint_id AND (o.kind LIKE 'comment:%' OR o.kind "
                    + "LIKE 'resolved:%')) FROM ticket t LEFT JOIN ticket_followup f ON f.ticket_key = t.ticket_key "
                    + "WHERE t.ticket_key = ?")) {
                select.setString(1, ticketKey);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no ticket " + ticketKey);
                    }
                    Instant created = ComplaintRegister.instant(rs, 1);
                    Instant lastToCustomer = ComplaintRegister.instant(rs, 6);
                    return new TicketState(created, ComplaintRegister.instant(rs, 2),
                            Duration.ofSeconds(rs.getLong(3)), ComplaintRegister.instant(rs, 4),
                            ComplaintRegister.instant(rs, 5), lastToCustomer == null ? created : lastToCustomer,
                            ComplaintRegister.instant(rs, 7));
                }
            }
        });
    }

    public void startedWaiting(String ticketKey, Instant since) {
        upsert(ticketKey, "UPDATE ticket_followup SET waiting_since = ? WHERE ticket_key = ? AND waiting_since IS NULL",
                Timestamp.from(since));
    }

    /**
     * The ticket left a waiting status: the time it waited (in business time) no longer counts against it. Only the
     * first to see it adds the time (the update names the waiting period it closes).
     */
    public void stoppedWaiting(String ticketKey, Instant waitingSince, Instant at, Duration waited) {
        upsert(ticketKey, "UPDATE ticket_followup SET waiting_since = NULL, resumed_at = ?, waiting_seconds = "
                + "waiting_seconds + " + waited.toSeconds() + " WHERE ticket_key = ? AND waiting_since = ?",
                Timestamp.from(at), Timestamp.from(waitingSince));
    }

    private void upsert(String ticketKey, String update, Timestamp at, Timestamp... more) {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ticket_followup (ticket_key) "
                    + "SELECT ? WHERE NOT EXISTS (SELECT 1 FROM ticket_followup WHERE ticket_key = ?)")) {
                ComplaintRegister.bind(insert, ticketKey, ticketKey);
                insert.executeUpdate();
            }
            try (PreparedStatement statement = connection.prepareStatement(update)) {
                ComplaintRegister.bind(statement, at, ticketKey);
                for (int i = 0; i < more.length; i++) {
                    statement.setTimestamp(3 + i, more[i]);
                }
                statement.executeUpdate();
            }
            return null;
        });
    }

    public boolean hasEvent(String ticketKey, String kind) {
        return database.inTransaction(connection -> hasEvent(connection, ticketKey, kind));
    }

    /** Records the event unless the ticket already has one of this kind; returns whether it was recorded now. */
    public boolean event(Connection connection, TicketEvent event, Instant now) throws SQLException {
        if (hasEvent(connection, event.ticketKey(), event.kind())) {
            return false;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ticket_event (ticket_key, kind, note, "
                + "add_label, set_priority, mention, transition, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ComplaintRegister.bind(insert, event.ticketKey(), event.kind(), ComplaintRegister.truncate(event.note(), 8000),
                    event.label(), event.priority(), event.mention(), event.transition(), Timestamp.from(now));
            insert.executeUpdate();
        }
        return true;
    }

    public boolean event(TicketEvent event, Instant now) {
        return database.inTransaction(connection -> event(connection, event, now));
    }

    /** Events whose Jira changes are still to be made, oldest first. */
    public List<TicketEvent> pending(int limit) {
        return events("WHERE applied_at IS NULL ORDER BY id", null, limit);
    }

    /** How many events wait for Jira, for metrics. */
    public int pendingCount() {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*) FROM ticket_event WHERE applied_at IS NULL");
                 ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** A ticket's events, oldest first, for the register API. */
    public List<TicketEvent> events(String ticketKey) {
        return events("WHERE ticket_key = ? ORDER BY id", ticketKey, 1000);
    }

    private List<TicketEvent> events(String where, String ticketKey, int limit) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id, ticket_key, kind, note, add_label, "
                    + "set_priority, mention, transition, created_at, applied_at, last_error FROM ticket_event " + where)) {
                if (ticketKey != null) {
                    select.setString(1, ticketKey);
                }
                select.setMaxRows(limit);
                List<TicketEvent> events = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        events.add(new TicketEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                                ComplaintRegister.instant(rs, 9), ComplaintRegister.instant(rs, 10), rs.getString(11)));
                    }
                }
                return events;
            }
        });
    }

    /** Jira took the event's changes; {@code error} says why it refused them, when it did (they are not retried). */
    public void applied(long eventId, Instant at, String error) {
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE ticket_event SET applied_at = ?, last_error = ? WHERE id = ?")) {
                ComplaintRegister.bind(update, Timestamp.from(at), ComplaintRegister.truncate(error, 4000), eventId);
                return update.executeUpdate();
            }
        });
    }

    private static boolean hasEvent(Connection connection, String ticketKey, String kind) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM ticket_event WHERE ticket_key = ? AND kind = ?")) {
            ComplaintRegister.bind(select, ticketKey, kind);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * @param created          when the ticket was opened
     * @param waitingSince     since when it waits for the customer, or null
     * @param waited           business time it waited in earlier, closed periods
     * @param resumedAt        when it last stopped waiting, or null
     * @param reopenedAt       when it was last reopened after a resolution, or null
     * @param lastToCustomer   when the customer last got a mail from us (the acknowledgement at the latest)
     * @param firstResponseAt  when an agent's answer (a public comment or the resolution) first went out, or null
     */
    public record TicketState(Instant created, Instant waitingSince, Duration waited, Instant resumedAt,
                              Instant reopenedAt, Instant lastToCustomer, Instant firstResponseAt) {
        public Optional<Instant> firstResponse() {
            return Optional.ofNullable(firstResponseAt);
        }

        /** Where the resolution target counts from: the opening, or the last reopening. */
        public Instant cycleStart() {
            return reopenedAt != null ? reopenedAt : created;
        }
    }

    /** One thing done to a ticket, and the Jira changes it asks for (each may be null). */
    public record TicketEvent(long id, String ticketKey, String kind, String note, String label, String priority,
                              String mention, String transition, Instant createdAt, Instant appliedAt,
                              String error) {
        public static TicketEvent of(String ticketKey, String kind, String note, String label, String priority,
                                     String mention, String transition) {
            return new TicketEvent(0, ticketKey, kind, note, label, priority, mention, transition, null, null, null);
        }
    }
}
