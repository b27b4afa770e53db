package org.redress.followup;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.redress.acknowledgement.CustomerMailComposer;
import org.redress.acknowledgement.ReplyMail;
import org.redress.config.FollowUpConfig;
import org.redress.config.InboxConfig;
import org.redress.conversation.TicketConversation;
import org.redress.jira.JiraApi;
import org.redress.store.ConversationIndex;
import org.redress.store.Database;
import org.redress.store.FollowUpStore;
import org.redress.store.FollowUpStore.TicketEvent;
import org.redress.store.FollowUpStore.TicketState;
import org.redress.store.Outbox;
import org.redress.store.Tickets;

/**
 * What the reminder route does for each open ticket: notices when it waits for the customer, sends the customer
 * news when they have heard nothing for too long, and escalates when a service-level target is at risk or missed.
 * Time counts in the inbox's business calendar, and time spent waiting for the customer does not count against the
 * targets. Every update and escalation is recorded once (a unique kind per ticket, in the same transaction as the
 * mail it sends), so two looks never send the same update twice and a second gateway's attempt fails on the
 * database's unique key instead.
 */
public final class FollowUps {
    /** Unresolved tickets the gateway opened; statusCategory keeps it independent of workflow names. */
    static final String OPEN_TICKETS = "labels = redress AND statusCategory != Done ORDER BY created ASC";
    private static final int MAX_TICKETS = 5_000;

    private final JiraApi jira;
    private final Tickets tickets;
    private final FollowUpStore store;
    private final Outbox outbox;
    private final ConversationIndex conversations;
    private final Database database;
    private final CustomerMailComposer mails;
    private final FollowUpConfig config;
    private final Map<String, InboxConfig> inboxesByAddress;
    private final List<String> priorityLevels;
    private final Clock clock;

    public FollowUps(JiraApi jira, Tickets tickets, FollowUpStore store, Outbox outbox, ConversationIndex conversations,
                     Database database, CustomerMailComposer mails, FollowUpConfig config,
                     Map<String, InboxConfig> inboxesByAddress, List<String> priorityLevels, Clock clock) {
        this.jira = jira;
        this.tickets = tickets;
        this.store = store;
        this.outbox = outbox;
        this.conversations = conversations;
        this.database = database;
        this.mails = mails;
        this.config = config;
        this.inboxesByAddress = inboxesByAddress;
        this.priorityLevels = priorityLevels;
        this.clock = clock;
    }

    /** One look at Jira: the unresolved tickets the gateway opened, with their status and priority now. */
    public List<OpenTicket> openTickets() {
        List<OpenTicket> open = new ArrayList<>();
        for (JsonNode issue : jira.searchIssues(OPEN_TICKETS, List.of("status", "priority"), MAX_TICKETS)) {
            Optional<TicketConversation> ticket = tickets.byKey(issue.path("key").asText());
            if (ticket.isEmpty()) {
                continue;
            }
            InboxConfig inbox = inboxesByAddress.get(ticket.get().inboxAddress());
            if (inbox == null) {
                continue; // an inbox since removed from the configuration: nobody to write from
            }
            JsonNode fields = issue.path("fields");
            String status = fields.path("status").path("name").asText("");
            String category = fields.path("status").path("statusCategory").path("key").asText("");
            String priority = fields.path("priority").path("name").asText(null);
            open.add(new OpenTicket(ticket.get(), inbox, status, category.equals("indeterminate"),
                    config.waitingStatuses().contains(status.toLowerCase(Locale.ROOT)), priority));
        }
        return open;
    }

    /** Notes when a ticket starts and stops waiting for the customer: that time stops its clocks. */
    public void trackWaiting(OpenTicket open) {
        TicketState state = store.state(open.key());
        Instant now = clock.instant();
        if (open.waiting() && state.waitingSince() == null) {
            store.startedWaiting(open.key(), now);
        } else if (!open.waiting() && state.waitingSince() != null) {
            store.stoppedWaiting(open.key(), state.waitingSince(), now,
                    calendar(open).between(state.waitingSince(), now, open.inbox().timeZone()));
        }
    }

    /**
     * Sends the customer news when they have heard nothing from us for {@code redress.reminders.progress-after}
     * (business time, counted from our last mail or from the ticket's return from waiting), never while the ticket
     * waits for them. The update is keyed by the mail it follows, so it goes out once per silence.
     *
     * @return what was done, for the log; null when nothing was due
     */
    public String progressUpdate(OpenTicket open) {
        Duration every = config.progressAfter().forTicket(open.inbox().id(), open.priority());
        if (every.isZero() || open.waiting()) {
            return null;
        }
        TicketState state = store.state(open.key());
        Instant since = latest(state.lastToCustomer(), state.resumedAt(), state.reopenedAt());
        Instant now = clock.instant();
        BusinessCalendar calendar = calendar(open);
        if (calendar.between(since, now, open.inbox().timeZone()).compareTo(every) < 0) {
            return null;
        }
        String updateKey = String.valueOf(since.getEpochSecond());
        Instant resolveBy = resolveBy(open, state);
        ReplyMail mail = mails.progress(open.ticket(), open.inProgress(),
                date(open, calendar.after(now, every, open.inbox().timeZone())),
                resolveBy == null || resolveBy.isBefore(now) ? null : date(open, resolveBy), updateKey, now);
        String kind = "progress:" + updateKey;
        boolean sent = database.inTransaction(connection -> {
            if (!outbox.enqueue(connection, open.ticket().complaintId(), kind, mail.messageId(), mail.from(),
                    mail.to(), mail.subject(), mail.toMime(), now)) {
                return false;
            }
            conversations.record(connection, mail.messageId(), open.key(), "out", now);
            store.event(connection, TicketEvent.of(open.key(), kind, "Progress update sent to the customer ("
                    + mail.language() + "), after " + describe(Duration.between(since, now))
                    + " without news from us.\n\n" + mail.text(), null, null, null, null), now);
            return true;
        });
        return sent ? "progress update for " + open.key() + " queued" : null;
    }

    /**
     * Escalates a ticket whose first response or resolution is at risk ({@code redress.sla.warn-at} percent of the
     * target used) or late, once per ticket, target and stage, with the actions configured for the stage.
     *
     * @return what was escalated, for the log
     */
    public List<String> checkTargets(OpenTicket open) {
        TicketState state = store.state(open.key());
        Duration used = used(open, state, clock.instant());
        List<String> done = new ArrayList<>();
        for (SlaTarget target : SlaTarget.values()) {
            Duration limit = target(target).forTicket(open.inbox().id(), open.priority());
            if (limit.isZero() || target == SlaTarget.FIRST_RESPONSE && state.firstResponse().isPresent()) {
                continue;
            }
            SlaStage stage = used.compareTo(limit) >= 0 ? SlaStage.BREACHED
                    : config.warnAtPercent() > 0 && used.multipliedBy(100).compareTo(limit.multipliedBy(config.warnAtPercent())) >= 0
                    ? SlaStage.WARNING : null;
            if (stage == null) {
                continue;
            }
            // a reopened ticket starts a new resolution cycle, which may escalate again
            String kind = "sla:" + target.code() + ":" + stage.code() + (state.reopenedAt() == null ? ""
                    : ":" + state.reopenedAt().getEpochSecond());
            if (store.hasEvent(open.key(), kind)) {
                continue;
            }
            FollowUpConfig.Escalation action = stage == SlaStage.WARNING ? config.warning() : config.breached();
            String priority = newPriority(action.priority(), open.priority());
            String note = action.comment() ? escalationNote(open, target, stage, limit, used, priority) : null;
            if (store.event(TicketEvent.of(open.key(), kind, note, action.label(), priority, config.mention(), null),
                    clock.instant())) {
                done.add(open.key() + " " + wording(stage, target));
            }
        }
        return done;
    }

    private String escalationNote(OpenTicket open, SlaTarget target, SlaStage stage, Duration limit, Duration used,
                                  String priority) {
        StringBuilder note = new StringBuilder();
        if (config.mentionGroup() != null) {
            note.append("For ").append(config.mentionGroup()).append(": ");
        }
        note.append("This complaint ").append(wording(stage, target)).append(" (")
                .append(describe(limit)).append(", ").append(describe(used)).append(" used so far, business time, ")
                .append("time waiting for the customer not counted).");
        if (target == SlaTarget.FIRST_RESPONSE) {
            note.append("\n\nNo agent has answered the customer yet (automatic mails do not count): please answer them "
                    + "with a public comment.");
        }
        if (priority != null) {
            note.append("\n\nPriority set to ").append(priority).append(open.priority() == null ? "."
                    : " (was " + open.priority() + ").");
        }
        return note.toString();
    }

    private static String wording(SlaStage stage, SlaTarget target) {
        return (stage == SlaStage.WARNING ? "is at risk of missing" : "has missed") + " its " + target.code() + " target";
    }

    /** Business time the ticket has been open, less the time it waited for the customer. */
    private Duration used(OpenTicket open, TicketState state, Instant now) {
        BusinessCalendar calendar = calendar(open);
        Duration open_ = calendar.between(state.cycleStart(), now, open.inbox().timeZone()).minus(state.waited());
        if (state.waitingSince() != null) {
            open_ = open_.minus(calendar.between(state.waitingSince(), now, open.inbox().timeZone()));
        }
        return open_.isNegative() ? Duration.ZERO : open_;
    }

    private Instant resolveBy(OpenTicket open, TicketState state) {
        Duration limit = config.resolution().forTicket(open.inbox().id(), open.priority());
        if (limit.isZero()) {
            return null;
        }
        return calendar(open).after(state.cycleStart(), limit.plus(state.waited()), open.inbox().timeZone());
    }

    /** {@code raise}: one level up from the current priority (none above the highest); a level: that level. */
    private String newPriority(String configured, String current) {
        if (configured == null) {
            return null;
        }
        if (!configured.equals(FollowUpConfig.Escalation.RAISE)) {
            return configured.equalsIgnoreCase(current) ? null : configured;
        }
        int index = current == null ? -1 : indexOf(current);
        // no priority (a project without the field), an unknown one, or the highest: nothing to raise
        return index <= 0 ? null : priorityLevels.get(index - 1);
    }

    private int indexOf(String level) {
        for (int i = 0; i < priorityLevels.size(); i++) {
            if (priorityLevels.get(i).equalsIgnoreCase(level)) {
                return i;
            }
        }
        return -1;
    }

    private Target target(SlaTarget target) {
        return target == SlaTarget.FIRST_RESPONSE ? config.firstResponse() : config.resolution();
    }

    private static Instant latest(Instant first, Instant... others) {
        Instant latest = first;
        for (Instant other : others) {
            if (other != null && other.isAfter(latest)) {
                latest = other;
            }
        }
        return latest;
    }

    private static BusinessCalendar calendar(OpenTicket open) {
        return open.inbox().calendar();
    }

    private static LocalDate date(OpenTicket open, Instant instant) {
        return instant.atZone(open.inbox().timeZone()).toLocalDate();
    }

    /** "2 d 3 h", "45 min", "10 s": for agents' notes. */
    static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 120) {
            return seconds + " s";
        }
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        if (days > 0) {
            return days + " d" + (hours > 0 ? " " + hours + " h" : "");
        }
        return hours > 0 ? hours + " h" + (minutes > 0 ? " " + minutes + " min" : "") : minutes + " min";
    }
}
