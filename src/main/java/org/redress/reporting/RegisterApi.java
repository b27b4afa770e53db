package org.redress.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.redress.history.CrmProfile;
import org.redress.history.CustomerHistory;
import org.redress.history.CustomerHistoryLookup;
import org.redress.history.PastComplaint;
import org.redress.store.Assessments;
import org.redress.store.FollowUpStore;
import org.redress.store.RegisterQueries;
import org.redress.store.RegisterQueries.Row;

/**
 * The complaint register as the read API shows it: JSON-ready maps (times as ISO-8601 text). Each complaint is
 * recorded in detail: what came in (and where the raw mail is), how it was assessed, how it was handled, its result.
 */
public final class RegisterApi {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final RegisterQueries queries;
    private final Assessments assessments;
    private final CustomerHistoryLookup history;
    private final Clock clock;

    private final FollowUpStore followUps;

    public RegisterApi(RegisterQueries queries, Assessments assessments, CustomerHistoryLookup history,
                       FollowUpStore followUps, Clock clock) {
        this.followUps = followUps;
        this.queries = queries;
        this.assessments = assessments;
        this.history = history;
        this.clock = clock;
    }

    /** The customer's complaints in the register, and the merged history (register, Jira, CRM) agents see. */
    public Map<String, Object> customerHistory(String email) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        if (!address.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("'" + email + "' is not an e-mail address");
        }
        List<Row> complaints = queries.ofCustomer(address);
        CustomerHistory merged = history.lookup(address, -1, null);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("email", address);
        answer.put("complaints", complaints.stream().map(RegisterApi::summary).toList());
        answer.put("firstContact", iso(merged.firstContact()));
        answer.put("openTickets", merged.open().stream().map(PastComplaint::ticketKey).toList());
        answer.put("tickets", merged.earlier().stream().map(RegisterApi::ticket).toList());
        answer.put("crm", crm(merged.crm()));
        answer.put("complete", merged.complete());
        answer.put("unavailable", merged.unavailable());
        return answer;
    }

    public Map<String, Object> complaints(String from, String to, String inbox, String status, String limit) {
        Period period = Period.parse(from, to, clock);
        if (status != null && !status.isBlank() && !RegisterQueries.statuses().contains(status)) {
            throw new IllegalArgumentException("'status' must be one of " + RegisterQueries.statuses() + ", got '"
                    + status + "'");
        }
        int max = limit(limit);
        List<Row> rows = queries.list(period.from(), period.to(), blankToNull(inbox), blankToNull(status), max + 1);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("from", period.from().toString());
        answer.put("to", period.to().toString());
        answer.put("count", Math.min(rows.size(), max));
        answer.put("truncated", rows.size() > max);
        answer.put("complaints", rows.stream().limit(max).map(RegisterApi::summary).toList());
        return answer;
    }

    /** The whole record of one mail, or empty when there is none with this id. */
    public Optional<Map<String, Object>> complaint(long id) {
        return queries.byId(id).map(row -> {
            Map<String, Object> answer = summary(row);
            answer.put("reason", row.reason());
            answer.put("content", Map.of("rawMailId", row.rawMailId(),
                    "onTicket", row.ticketKey() == null ? "" : "original-message-" + row.id() + ".eml"));
            answer.put("threadRule", row.threadRule());
            answer.put("claimedKey", row.claimedKey());
            assessments.byComplaint(id).ifPresent(a -> {
                Map<String, Object> assessment = new LinkedHashMap<>();
                assessment.put("category", a.category());
                assessment.put("priority", a.priority());
                assessment.put("priorityReasons", a.priorityReasons());
                assessment.put("earlierComplaints", a.earlierComplaints());
                assessment.put("repeatComplainant", a.repeatComplainant());
                assessment.put("customerTier", a.customerTier());
                assessment.put("historyUnavailable", a.historyUnavailable());
                assessment.put("earlierTicketsLinkedAt", iso(a.linkedAt()));
                assessment.put("hints", a.hints());
                answer.put("assessment", assessment);
            });
            Map<String, Object> handling = new LinkedHashMap<>();
            handling.put("ticket", row.ticketKey());
            handling.put("customerReplies", row.ticketKey() == null || "reply".equals(row.kind()) ? List.of()
                    : queries.replies(row.ticketKey()).stream().map(r -> Map.of("id", r.id(),
                    "receivedAt", r.receivedAt().toString())).toList());
            handling.put("mailsSent", queries.sentAbout(id).stream().map(m -> {
                Map<String, Object> mail = new LinkedHashMap<>();
                mail.put("kind", m.kind());
                mail.put("status", m.status());
                mail.put("subject", m.subject());
                mail.put("queuedAt", iso(m.createdAt()));
                mail.put("sentAt", iso(m.sentAt()));
                return mail;
            }).toList());
            handling.put("ticketEvents", row.ticketKey() == null || "reply".equals(row.kind()) ? List.of()
                    : followUps.events(row.ticketKey()).stream().map(RegisterApi::event).toList());
            answer.put("handling", handling);
            return answer;
        });
    }

    public Map<String, Object> report(String from, String to) {
        Period period = Period.parse(from, to, clock);
        return ComplaintReport.of(period, queries.received(period.from(), period.to()),
                queries.hintKinds(period.from(), period.to()));
    }

    private static Map<String, Object> summary(Row row) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", row.id());
        summary.put("receivedAt", iso(row.receivedAt()));
        summary.put("channel", row.channel());
        summary.put("inbox", row.inbox());
        summary.put("sender", row.sender());
        summary.put("subject", row.subject());
        summary.put("language", row.language());
        summary.put("kind", row.kind());
        summary.put("outcome", row.outcome());
        summary.put("ticket", row.ticketKey());
        summary.put("category", row.category());
        summary.put("priority", row.priority());
        summary.put("repeatComplainant", row.repeatComplainant());
        summary.put("acknowledgementSentAt", iso(row.acknowledgementSentAt()));
        summary.put("timeToAcknowledge", between(row.receivedAt(), row.acknowledgementSentAt()));
        summary.put("resolution", row.resolution());
        summary.put("resolvedAt", iso(row.resolvedAt()));
        summary.put("timeToResolve", between(row.receivedAt(), row.resolvedAt()));
        summary.put("satisfaction", row.satisfaction());
        summary.put("replies", row.replies());
        return summary;
    }

    /** What reminders, escalations and the satisfaction check did to the ticket, and whether Jira has it. */
    private static Map<String, Object> event(FollowUpStore.TicketEvent event) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("kind", event.kind());
        answer.put("at", iso(event.createdAt()));
        answer.put("note", event.note());
        answer.put("label", event.label());
        answer.put("priority", event.priority());
        answer.put("transition", event.transition());
        answer.put("appliedInJiraAt", iso(event.appliedAt()));
        answer.put("jiraRefused", event.error());
        return answer;
    }

    private static Map<String, Object> ticket(PastComplaint ticket) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("key", ticket.ticketKey());
        answer.put("receivedAt", iso(ticket.receivedAt()));
        answer.put("subject", ticket.subject());
        answer.put("outcome", ticket.outcome());
        answer.put("open", ticket.open());
        answer.put("resolvedAt", iso(ticket.resolvedAt()));
        answer.put("satisfaction", ticket.satisfaction());
        return answer;
    }

    private static Map<String, Object> crm(CrmProfile crm) {
        if (crm == null) {
            return null;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("name", crm.name());
        answer.put("tier", crm.tier());
        answer.put("customerSince", crm.customerSince() == null ? null : crm.customerSince().toString());
        answer.put("lifetimeValue", crm.lifetimeValue());
        answer.put("preferredLanguage", crm.preferredLanguage());
        return answer;
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("'limit' must be a number from 1 to " + MAX_LIMIT + ", got '" + text + "'");
    }

    private static String between(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toString();
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
