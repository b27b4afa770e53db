package org.redress.camel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.redress.config.InboxConfig;
import org.redress.intake.ComplaintIntake;
import org.redress.intake.FailureDecision;
import org.redress.intake.MailInProgress;
import org.redress.intake.SubmissionIntake;
import org.redress.store.ComplaintRegister;
import org.redress.store.ConversationLocks;
import org.redress.store.RegisterEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of routes/work.camel.yaml: a complaint taken in on one node becomes a small work item on the shared
 * queue (its register number and conversation; the complaint itself is in the register already), and any node takes
 * it from there. One conversation is handled by one node at a time and in the order received.
 */
public final class WorkSteps {
    /** Set when the item must wait: an earlier complaint of its conversation is not finished yet. */
    static final String WAIT = "redressWorkWait";
    /** Set when the item goes back to the broker for a later try (its handling failed for a reason that may pass). */
    static final String RETRY = "redressWorkRetry";
    /** The item as taken from the queue: what goes back to it. */
    static final String ITEM = "redressWorkItem";
    /** Set for an item that names no complaint of the register: completed, never tried again. */
    static final String DROP = "redressWorkDrop";
    private static final Logger LOG = LoggerFactory.getLogger(WorkSteps.class);

    private final ObjectMapper json;
    private final ComplaintRegister register;
    private final ConversationLocks locks;
    private final ComplaintIntake complaints;
    private final SubmissionIntake submissions;
    private final Function<String, InboxConfig> inboxes;
    private final InboxConfig defaultInbox;
    private final Clock clock;
    private final Duration retryAfter;
    private final Duration orderWait;
    private final Duration unqueuedAfter;

    public WorkSteps(ObjectMapper json, ComplaintRegister register, ConversationLocks locks,
                     ComplaintIntake complaints, SubmissionIntake submissions, Function<String, InboxConfig> inboxes,
                     InboxConfig defaultInbox, Clock clock, Duration retryAfter,
                     Duration orderWait, Duration unqueuedAfter) {
        this.json = json;
        this.register = register;
        this.locks = locks;
        this.complaints = complaints;
        this.submissions = submissions;
        this.inboxes = inboxes;
        this.defaultInbox = defaultInbox;
        this.clock = clock;
        this.retryAfter = retryAfter;
        this.orderWait = orderWait;
        this.unqueuedAfter = unqueuedAfter;
    }

    /** The queue's message for a complaint taken in here. */
    public byte[] item(MailInProgress taken) throws IOException {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("complaint", taken.entry().id());
        item.put("lane", taken.laneKey());
        item.put("size", taken.size());
        return json.writeValueAsBytes(item);
    }

    /** The queue holds the complaint now: no longer the register's to hand over again ({@link #unqueued}). */
    public void queued(MailInProgress taken) {
        register.queued(taken.entry().id(), clock.instant());
        LOG.debug("{}: on the work queue", taken);
    }

    /**
     * Complaints recorded more than redress.channels.retry-after ago that no queue ever confirmed: a submission whose
     * hand-over failed, or a mail whose hand-over failed and that has left its inbox since. Handed over again.
     */
    public List<MailInProgress> unqueued() {
        List<MailInProgress> found = new java.util.ArrayList<>();
        for (RegisterEntry entry : register.unqueued(clock.instant().minus(unqueuedAfter), 100)) {
            InboxConfig inbox = Optional.ofNullable(inboxes.apply(entry.inbox())).orElse(defaultInbox);
            found.add(entry.cameByEmail() ? complaints.resume(entry, inbox, 0) : submissions.resume(entry));
        }
        if (!found.isEmpty()) {
            LOG.warn("{} complaint(s) recorded but never on the work queue: handed over again", found.size());
        }
        return found;
    }

    /** The broker did not confirm the item: like any outage, it makes the complaint wait, never counts against it. */
    public void handOverFailed(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        throw new org.redress.intake.WorkQueueUnavailableException(failure);
    }

    /**
     * Takes an item from the queue: the complaint from the register, then its conversation's lock. The item waits
     * (property {@value #WAIT}) while an earlier complaint of the same conversation is not finished, or another node
     * holds the conversation. The earlier-complaint check comes first and takes no lock, so that items waiting their
     * turn never keep the lock from the one whose turn it is.
     */
    public void take(Exchange exchange) throws IOException {
        org.slf4j.MDC.remove(IntakeSteps.CORRELATION_KEY);
        byte[] bytes = exchange.getIn().getBody(byte[].class);
        exchange.setProperty(ITEM, bytes);
        JsonNode item = json.readTree(bytes);
        long id = item.path("complaint").asLong();
        String lane = item.path("lane").asText("complaint:" + id);
        Optional<RegisterEntry> entry = register.byId(id);
        if (entry.isEmpty()) {
            // not a complaint of this register (another database, or the row deleted): nothing could ever handle it
            LOG.error("A work item names complaint #{}, which the register does not hold: dropped", id);
            exchange.setProperty(DROP, true);
            return;
        }
        if (!entry.get().finished() && register.earlierUnfinished(lane, id)) {
            waitForTurn(exchange, item, "an earlier complaint of " + lane + " is not finished");
            return;
        }
        Optional<ConversationLocks.Held> lock = locks.tryLock(lane);
        if (lock.isEmpty()) {
            waitForTurn(exchange, item, "another handler holds the conversation of " + lane);
            return;
        }
        // let go of the conversation when this exchange is over, whatever its end
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                lock.get().close();
                org.slf4j.MDC.remove(IntakeSteps.CORRELATION_KEY);
            }
        });
        // read again under the lock: a copy of this item may have finished the complaint since the first read
        entry = register.byId(id);
        if (entry.isEmpty()) {
            exchange.setProperty(DROP, true);
            return;
        }
        org.slf4j.MDC.put(IntakeSteps.CORRELATION_KEY, "#" + id);
        InboxConfig inbox = Optional.ofNullable(inboxes.apply(entry.get().inbox())).orElse(defaultInbox);
        MailInProgress taken = entry.get().cameByEmail()
                ? complaints.resume(entry.get(), inbox, item.path("size").asLong(0))
                : submissions.resume(entry.get());
        exchange.getIn().setBody(taken);
        if (taken.isAlreadyHandled()) {
            LOG.info("{}: handled before (the queue gave it twice)", taken);
        }
    }

    private long readId(byte[] item) {
        try {
            return json.readTree(item).path("complaint").asLong(0);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Sends the item to wait on the broker, counting its waits in the item itself; a complaint held back for a minute
     * is said so, once a minute, so that a customer whose earlier complaint is stuck is not silently stuck too.
     */
    private void waitForTurn(Exchange exchange, JsonNode item, String why) throws IOException {
        exchange.setProperty(WAIT, true);
        long waits = item.path("waits").asLong(0) + 1;
        com.fasterxml.jackson.databind.node.ObjectNode again = item.deepCopy();
        again.put("waits", waits);
        exchange.getIn().setBody(json.writeValueAsBytes(again));
        long perMinute = Math.max(1, 60_000 / Math.max(1, orderWait.toMillis()));
        if (waits % perMinute == 0) {
            LOG.warn("complaint #{} has waited {} times: {} (the register shows that customer's unfinished "
                    + "complaints, /q/quarantine the stuck ones)", item.path("complaint").asLong(), waits, why);
        }
    }

    /**
     * The dead letter step of the work queue: the complaint is quarantined (kept in the register with its reason,
     * listed at /q/quarantine) after redress.intake.max-attempts failures; until then the item goes back to the broker
     * (property {@value #RETRY}), which gives it to every node again after redress.work.retry-after.
     */
    public void failed(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = new IllegalStateException("unknown failure");
        }
        long id;
        String complaint;
        MailInProgress taken = exchange.getIn().getBody() instanceof MailInProgress mail ? mail : null;
        if (taken != null) {
            id = taken.entry().id();
            complaint = taken.toString();
        } else {
            // the complaint could not be read back from the register: counted like any failure of it
            byte[] item = exchange.getProperty(ITEM, byte[].class);
            id = item == null ? 0 : readId(item);
            complaint = "complaint #" + id;
        }
        if (id == 0) {
            // not an item this gateway wrote: nothing could ever handle it
            LOG.error("An unreadable work item was dropped: {}", failure.getMessage());
            return;
        }
        // with the mail at hand, its description is recorded with the failure (PendingDescription)
        FailureDecision decision = taken != null ? complaints.failed(taken, failure) : complaints.failed(id, failure);
        if (decision.quarantine()) {
            LOG.error("{}: quarantined, {}", complaint, decision.reason());
            return;
        }
        LOG.warn("{}: {} (back on the work queue in {} s)", complaint, decision.reason(), retryAfter.toSeconds());
        exchange.setProperty(RETRY, true);
    }
}
