package org.redress.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record of every mail taken in and what became of it. It is also the idempotency record: a mail is looked up
 * by its dedup key before anything is done, and each step writes down that it is done, so that a re-polled or
 * re-delivered mail resumes where it stopped instead of opening a second ticket or sending a second
 * acknowledgement.
 */
public final class ComplaintRegister {
    private static final String COLUMNS = "id, dedup_key, message_id, inbox, sender, subject, language, ticket_key, "
            + "outcome, reason, attempts, uploads_done, raw_mail_id, received_at, ticketed_at, attachments_at, acknowledged_at, completed_at, "
            + "kind, thread_rule, claimed_key, comment_id, resolved_action, channel, reply_channel";

    private final Database database;
    private final RawMailStore rawMail;

    public ComplaintRegister(Database database, RawMailStore rawMail) {
        this.database = database;
        this.rawMail = rawMail;
    }

    /**
     * Records a mail as received, keeping its raw bytes, or returns the entry it already has. Two pollers racing on
     * the same mail both get the one row.
     */
    public RegisterEntry receive(String dedupKey, String messageId, String contentHash, String channel, String inbox,
                                 byte[] raw, Instant now) {
        return receive(dedupKey, messageId, contentHash, channel, null, inbox, null, raw, now);
    }

    /**
     * @param replyChannel the channel answers go back on, null for e-mail
     * @param laneKey      the conversation whose complaints are handled in the order received (the sender's address)
     */
    public RegisterEntry receive(String dedupKey, String messageId, String contentHash, String channel,
                                 String replyChannel, String inbox, String laneKey, byte[] raw, Instant now) {
        Optional<RegisterEntry> existing = byDedupKey(dedupKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            database.inTransaction(connection -> {
                long rawId = rawMail.store(connection, raw, contentHash, now);
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO complaint (dedup_key, message_id, content_hash, channel, inbox, outcome, raw_mail_id, received_at, "
                                + "reply_channel, lane_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, dedupKey);
                    insert.setString(2, messageId);
                    insert.setString(3, contentHash);
                    insert.setString(4, channel);
                    insert.setString(5, inbox);
                    insert.setString(6, Outcome.RECEIVED.code());
                    insert.setLong(7, rawId);
                    insert.setTimestamp(8, Timestamp.from(now));
                    insert.setString(9, RegisterEntry.EMAIL.equals(replyChannel) ? null : replyChannel);
                    insert.setString(10, laneKey == null ? null : truncate(laneKey, 320));
                    insert.executeUpdate();
                }
                return null;
            });
        } catch (StoreException e) {
            // a concurrent poller inserted the same key first: its row is the one
            return byDedupKey(dedupKey).orElseThrow(() -> e);
        }
        return byDedupKey(dedupKey).orElseThrow();
    }

    public Optional<RegisterEntry> byDedupKey(String dedupKey) {
        return queryOne("SELECT " + COLUMNS + " FROM complaint WHERE dedup_key = ?", dedupKey);
    }

    public Optional<RegisterEntry> byId(long id) {
        return queryOne("SELECT " + COLUMNS + " FROM complaint WHERE id = ?", id);
    }

    /** The register, newest first, for the API and for tests. */
    public List<RegisterEntry> all() {
        return query("SELECT " + COLUMNS + " FROM complaint ORDER BY id DESC");
    }

    /**
     * Complaints handed over by a channel route (not e-mail) that were received before {@code before} and are not
     * finished: the ones whose handling a crash or an outage interrupted. A mailbox keeps its unhandled mail for the
     * next poll; for the other channels the register is what keeps it.
     */
    public List<RegisterEntry> unfinishedSubmissions(Instant before, int limit) {
        return query("SELECT " + COLUMNS + " FROM complaint WHERE outcome = ? AND channel <> ? AND received_at < ? "
                + "ORDER BY id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY", Outcome.RECEIVED.code(),
                RegisterEntry.EMAIL, Timestamp.from(before));
    }

    /**
     * For the shared work queue: complaints of any channel received before {@code before}, not finished, that no
     * queue ever confirmed holding (the queue keeps the others, however long they wait there).
     */
    public List<RegisterEntry> unqueued(Instant before, int limit) {
        return query("SELECT " + COLUMNS + " FROM complaint WHERE outcome = ? AND received_at < ? "
                + "AND queued_at IS NULL ORDER BY id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
                Outcome.RECEIVED.code(), Timestamp.from(before));
    }

    /** The shared queue holds the complaint now. */
    public void queued(long id, Instant now) {
        update("UPDATE complaint SET queued_at = ? WHERE id = ? AND queued_at IS NULL", Timestamp.from(now), id);
    }

    /**
     * Whether a complaint of the same conversation, received before this one, is not finished yet: this one waits for
     * it, so that a customer's reply never overtakes their complaint.
     */
    public boolean earlierUnfinished(String laneKey, long id) {
        if (laneKey == null) {
            return false;
        }
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM complaint WHERE lane_key = ? "
                    + "AND outcome = ? AND id < ? FETCH FIRST 1 ROWS ONLY")) {
                select.setString(1, truncate(laneKey, 320));
                select.setString(2, Outcome.RECEIVED.code());
                select.setLong(3, id);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    /** How many complaints have this outcome (an indexed count, for /q/health). */
    public int count(Outcome outcome) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM complaint WHERE outcome = ?")) {
                select.setString(1, outcome.code());
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    public List<RegisterEntry> withOutcome(Outcome outcome) {
        return query("SELECT " + COLUMNS + " FROM complaint WHERE outcome = ? ORDER BY id", outcome.code());
    }

    /** @param wordsHash the hash of the sender's own words (quotes and signature removed), or null when too few */
    public void describe(long id, String sender, String subject, String language, String wordsHash) {
        database.inTransaction(connection -> {
            describe(connection, id, sender, subject, language, wordsHash);
            return null;
        });
    }

    /** As {@link #describe(long, String, String, String, String)}, in the caller's transaction. */
    public void describe(Connection connection, long id, String sender, String subject, String language,
                         String wordsHash) throws SQLException {
        // PostgreSQL's text holds no NUL, which an encoded word in a header can carry
        String address = truncate(sender == null ? null : sender.replace("\u0000", ""), 320);
        String title = subject == null ? null : subject.replace("\u0000", "");
        try (PreparedStatement statement = connection.prepareStatement("UPDATE complaint SET sender = ?, "
                + "sender_key = ?, subject = ?, language = ?, words_sha256 = ? WHERE id = ?")) {
            bind(statement, address, address == null ? null : address.toLowerCase(java.util.Locale.ROOT),
                    truncate(title, 1000), language, wordsHash, id);
            statement.executeUpdate();
        }
    }

    /**
     * The ticket of the latest earlier mail from the same address with the same words, received since {@code since}:
     * the same message sent again.
     */
    public Optional<String> ticketOfSameWords(long id, String inbox, String sender, String wordsHash, Instant since) {
        if (wordsHash == null) {
            return Optional.empty();
        }
        return queryOne("SELECT " + COLUMNS + " FROM complaint WHERE inbox = ? AND sender = ? AND words_sha256 = ? "
                + "AND id < ? AND ticket_key IS NOT NULL AND received_at >= ? ORDER BY id DESC", inbox,
                truncate(sender, 320), wordsHash, id, Timestamp.from(since)).map(RegisterEntry::ticketKey);
    }

    public void ticketed(Connection connection, long id, String ticketKey, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE complaint SET ticket_key = ?, ticketed_at = ? WHERE id = ?")) {
            bind(statement, ticketKey, Timestamp.from(now), id);
            statement.executeUpdate();
        }
    }

    /**
     * The gateway is about to ask Jira for the complaint's ticket: from now on a ticket may exist without its key.
     * A compare-and-set on the time of the previous request ({@code previous}, null for none): of two handlers of the
     * same complaint at once (two nodes, a retry meeting a slow first attempt) only one may ask Jira.
     *
     * @return false when another handler asked since {@code previous} was read: it is creating the ticket
     */
    public boolean ticketRequested(Connection connection, long id, Timestamp previous, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE complaint SET ticket_requested_at = ? "
                + "WHERE id = ? AND ticket_requested_at IS NOT DISTINCT FROM ?")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setLong(2, id);
            update.setTimestamp(3, previous);
            return update.executeUpdate() == 1;
        }
    }

    /** When an earlier attempt asked Jira for the complaint's ticket (which may then exist), or null. */
    public Timestamp ticketRequestedAt(long id) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT ticket_requested_at FROM complaint WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? rs.getTimestamp(1) : null;
                }
            }
        });
    }

    /** Whether an earlier attempt asked Jira for the complaint's ticket (which may then exist). */
    public boolean ticketRequested(long id) {
        return ticketRequestedAt(id) != null;
    }

    /** A reply tied to an existing ticket by {@code rule}; its comment, files and answer go to that ticket. */
    public void threaded(long id, String ticketKey, String rule) {
        update("UPDATE complaint SET kind = 'reply', ticket_key = ?, thread_rule = ? WHERE id = ?", ticketKey, rule, id);
    }

    /** As {@link #threaded(long, String, String)}, in the caller's transaction. */
    public void threaded(Connection connection, long id, String ticketKey, String rule) throws SQLException {
        update(connection, "UPDATE complaint SET kind = 'reply', ticket_key = ?, thread_rule = ? WHERE id = ?",
                ticketKey, rule, id);
    }

    /** A mail that named a ticket its sender may not update: it becomes a complaint of its own. */
    public void claimed(long id, String claimedKey) {
        update("UPDATE complaint SET claimed_key = ? WHERE id = ?", claimedKey, id);
    }

    /** As {@link #claimed(long, String)}, in the caller's transaction. */
    public void claimed(Connection connection, long id, String claimedKey) throws SQLException {
        update(connection, "UPDATE complaint SET claimed_key = ? WHERE id = ?", claimedKey, id);
    }

    /**
     * A report that our mail to a ticket's customer bounced, about to be noted on that ticket: from now on the note
     * may exist without its comment id.
     */
    public void bounced(long id, String ticketKey) {
        update("UPDATE complaint SET kind = 'bounce', ticket_key = ? WHERE id = ?", ticketKey, id);
    }

    public void commented(Connection connection, long id, String commentId, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE complaint SET comment_id = ?, ticketed_at = ? WHERE id = ?")) {
            bind(statement, commentId, Timestamp.from(now), id);
            statement.executeUpdate();
        }
    }

    /** A reply to a resolved ticket reopened it, or became a follow-up ticket ({@code newKey}). */
    public void resolvedAction(long id, String action, String ticketKey) {
        update("UPDATE complaint SET resolved_action = ?, ticket_key = ? WHERE id = ?", action, ticketKey, id);
    }

    /** As {@link #resolvedAction(long, String, String)}, in the caller's transaction. */
    public void resolvedAction(Connection connection, long id, String action, String ticketKey) throws SQLException {
        update(connection, "UPDATE complaint SET resolved_action = ?, ticket_key = ? WHERE id = ?", action, ticketKey,
                id);
    }

    /** A reply is on its ticket with its files, and its answer (if any) is in the outbox. */
    public void replyDone(Connection connection, long id, Instant now) throws SQLException {
        complete(connection, id, Outcome.COMMENTED, now);
    }

    /**
     * Every one of the complaint's {@code uploads} files is on its ticket: written with the next step's transaction,
     * as a retry asks the ticket which files it has anyway (see {@code TicketFiles}).
     */
    public void attachmentsUploaded(Connection connection, long id, int uploads, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE complaint SET uploads_done = ?, attachments_at = ? WHERE id = ?")) {
            bind(statement, uploads, Timestamp.from(now), id);
            statement.executeUpdate();
        }
    }

    /** Why something usual did not happen (say, no acknowledgement): kept with the complaint for agents and the API. */
    public void reason(Connection connection, long id, String reason) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE complaint SET reason = ? WHERE id = ?")) {
            bind(statement, truncate(reason, 4000), id);
            statement.executeUpdate();
        }
    }

    /** The acknowledgement is in the outbox: the complaint is handled as far as intake goes. */
    public void acknowledged(Connection connection, long id, Instant now) throws SQLException {
        complete(connection, id, Outcome.TICKETED, now);
    }

    private static void complete(Connection connection, long id, Outcome outcome, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE complaint SET acknowledged_at = ?, completed_at = ?, outcome = ? WHERE id = ?")) {
            bind(statement, Timestamp.from(now), Timestamp.from(now), outcome.code(), id);
            statement.executeUpdate();
        }
    }

    public void ignored(long id, String reason, Instant now) {
        finish(id, Outcome.IGNORED, reason, now);
    }

    /** As {@link #ignored(long, String, Instant)}, in the caller's transaction. */
    public void ignored(Connection connection, long id, String reason, Instant now) throws SQLException {
        update(connection, FINISH, Outcome.IGNORED.code(), truncate(reason, 4000), Timestamp.from(now), id);
    }

    public void quarantined(long id, String reason, Instant now) {
        finish(id, Outcome.QUARANTINED, reason, now);
    }

    /** Quarantined mail no agent has been told about yet by a Jira issue, oldest first. */
    public List<RegisterEntry> quarantinedWithoutAlert() {
        return query("SELECT " + COLUMNS + " FROM complaint WHERE outcome = ? AND alert_key IS NULL ORDER BY id",
                Outcome.QUARANTINED.code());
    }

    /** Records the Jira issue that tells agents about a quarantined mail. */
    public void alerted(long id, String issueKey) {
        update("UPDATE complaint SET alert_key = ? WHERE id = ?", issueKey, id);
    }

    /** Counts one more failed attempt on a mail and returns how many there have been. */
    public int failedAttempt(long id, String reason) {
        update("UPDATE complaint SET attempts = attempts + 1, reason = ? WHERE id = ?", truncate(reason, 4000), id);
        return byId(id).map(RegisterEntry::attempts).orElse(0);
    }

    /** The body's SHA-256 when the mail was hashed as it was taken in (not a mail with a Message-ID, since V10). */
    public Optional<String> contentHash(long id) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT content_hash FROM complaint WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** How many mails each inbox took in, by outcome (received, ticketed, acknowledged, ignored, quarantined …). */
    public Map<String, Map<String, Integer>> countsByInbox() {
        return database.inTransaction(connection -> {
            Map<String, Map<String, Integer>> counts = new java.util.TreeMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT inbox, outcome, COUNT(*) FROM complaint GROUP BY inbox, outcome");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts.computeIfAbsent(rs.getString(1), k -> new java.util.TreeMap<>())
                            .put(rs.getString(2), rs.getInt(3));
                }
            }
            return counts;
        });
    }

    public byte[] rawMail(RegisterEntry entry) {
        return rawMail.load(entry.rawMailId());
    }

    /** Reads the entry's raw mail as a stream (null when it has none), without loading it whole. */
    public <T> T readRawMail(RegisterEntry entry, RawMailStore.Reader<T> reader) {
        return rawMail.read(entry.rawMailId(), reader);
    }

    private static final String FINISH = "UPDATE complaint SET outcome = ?, reason = ?, completed_at = ? WHERE id = ?";

    private void finish(long id, Outcome outcome, String reason, Instant now) {
        update(FINISH, outcome.code(), truncate(reason, 4000), Timestamp.from(now), id);
    }

    private void update(String sql, Object... parameters) {
        database.inTransaction(connection -> update(connection, sql, parameters));
    }

    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    private Optional<RegisterEntry> queryOne(String sql, Object... parameters) {
        List<RegisterEntry> rows = query(sql, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private List<RegisterEntry> query(String sql, Object... parameters) {
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                List<RegisterEntry> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new RegisterEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                                Outcome.of(rs.getString(9)), rs.getString(10), rs.getInt(11), rs.getInt(12), rs.getLong(13),
                                instant(rs, 14), instant(rs, 15), instant(rs, 16), instant(rs, 17), instant(rs, 18),
                                rs.getString(19), rs.getString(20), rs.getString(21), rs.getString(22), rs.getString(23),
                                rs.getString(24), rs.getString(25)));
                    }
                }
                return rows;
            }
        });
    }

    static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
