package org.redress.camel.imap;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.mail.MailConstants;
import org.apache.camel.support.DefaultConsumer;
import org.redress.config.InboxConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes mail from one IMAP inbox into its route, several mails at once. camel-mail handles one mail at a time and
 * talks to the server for each (fetch, then flag), so an inbox could never go faster than one Jira round trip per
 * mail. Here one thread owns the IMAP connection: it finds new mail by UID, fetches it in bulk, and hands each mail to
 * one of {@code parallelism} lanes chosen by sender (so one customer's mails keep their order); when a lane is done
 * it marks the mail seen or moves it, many to a command. As with camel-mail, a mail is marked handled only once its
 * exchange completed, and a failed exchange leaves it unseen: it is tried again after a growing pause.
 */
final class ImapInboxConsumer extends DefaultConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(ImapInboxConsumer.class);
    /** The looking thread's own CPU time, which tells the gateway's cost of a look from the server's. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /**
     * How often the whole folder is searched for unseen mail that is not new: marked unread by a person, or a mail a
     * server showed late (GreenMail, now and then, right after a folder is opened). A SEARCH UNSEEN is answered from
     * the server's index; it is timed apart from the looks for new mail ({@code redress.inbox.sweep}).
     */
    private static final long SWEEP_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long FIRST_RETRY_MILLIS = 1_000;
    private static final long LAST_RETRY_MILLIS = 10_000;
    /** The MDC key of the mail a lane's log line is about: inbox and server id (UIDVALIDITY/UID). */
    static final String MAIL_KEY = "mail";

    private final ImapInboxEndpoint endpoint;
    private final InboxConfig inbox;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicLong inFlightBytes;
    private final ConcurrentLinkedQueue<Finished> finished = new ConcurrentLinkedQueue<>();
    private final Map<Long, Retry> retries = new HashMap<>();
    private final Object signal = new Object();
    private ExecutorService loop;
    private ExecutorService[] lanes;
    private volatile boolean running;
    private volatile boolean backlog;
    /** The last round left mail behind for want of bytes in the gateway-wide budget, not of lanes. */
    private boolean waitingForBytes;
    /**
     * Mails the last round found waiting: unseen ones it had no room for, and those its look left for later (an upper
     * bound: their flags were not read, and a look that went back below handled mail may count some).
     */
    private int waitingForRoom;
    private long lastUid;
    private long validity = -1;
    private boolean sweepNow = true;
    private long lastSweep;
    /** The mailbox while its thread waits in IDLE, and when that wait must end at the latest (System.nanoTime). */
    private volatile ImapMailbox idling;
    private volatile long idleUntil;
    private volatile long idleSince;
    /** A lane has finished a mail since the round began: a wait in IDLE ends within a poll interval to settle it. */
    private volatile boolean woken;
    /** Ends waits in IDLE when they are due (the next sweep, a mail to try again): the server decides the rest. */
    private java.util.concurrent.ScheduledExecutorService idleWatch;

    ImapInboxConsumer(ImapInboxEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.inbox = endpoint.inbox();
        this.inFlightBytes = endpoint.heldBytes();
    }

    /** What to do with a mail on the server once its exchange is over. */
    private record Finished(long uid, long validity, boolean failed, String moveTo, boolean delete) {
    }

    private record Retry(int attempt, long dueNanos) {
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        var executors = getEndpoint().getCamelContext().getExecutorServiceManager();
        lanes = new ExecutorService[endpoint.parallelism()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = executors.newSingleThreadExecutor(this, "inbox-" + inbox.id() + "-lane-" + i);
        }
        running = true;
        if (endpoint.idle()) {
            idleWatch = executors.newSingleThreadScheduledExecutor(this, "inbox-" + inbox.id() + "-idle");
            idleWatch.scheduleWithFixedDelay(this::endIdleWhenDue, 100, 100, TimeUnit.MILLISECONDS);
        }
        loop = executors.newSingleThreadExecutor(this, "inbox-" + inbox.id());
        loop.submit(this::run);
    }

    /**
     * Ends a wait in IDLE on stop, when the next sweep or retry is due, or when a lane has finished a mail and the wait
     * has lasted a poll interval: mails finished meanwhile are marked handled together, so that a steady trickle of
     * mail does not cost the server a round per mail on top of the news of it.
     */
    private void endIdleWhenDue() {
        try {
            ImapMailbox waiting = idling;
            long now = System.nanoTime();
            if (waiting != null && (!running || now - idleUntil >= 0
                    || woken && now - idleSince >= TimeUnit.MILLISECONDS.toNanos(endpoint.delayMillis()))) {
                waiting.stopIdling();
            }
        } catch (Throwable e) {
            // thrown out, it would end the watch for good, and waits in IDLE with it
            LOG.error("{}: ending a wait in IDLE failed ({})", inbox.id(), e, e);
        }
    }

    @Override
    protected void doStop() throws Exception {
        running = false;
        wake();
        var executors = getEndpoint().getCamelContext().getExecutorServiceManager();
        if (loop != null) {
            executors.shutdownGraceful(loop, TimeUnit.SECONDS.toMillis(90));
        }
        if (idleWatch != null) {
            executors.shutdownNow(idleWatch);
        }
        super.doStop();
    }

    /** A failed round: reported, the connection dropped, the next try after the retry delay. */
    private void retryLater(ImapMailbox mailbox, String reason) {
        endpoint.pollObserver().failed(inbox.id(), reason);
        mailbox.close();
        sleep(endpoint.delayMillis());
    }

    private void run() {
        Session session = Session.getInstance(endpoint.mailProperties());
        ImapMailbox mailbox = new ImapMailbox(inbox, session, endpoint.maxMessageBytes(), endpoint.secret());
        try {
            while (running) {
                try {
                    round(mailbox);
                    endpoint.pollObserver().reached(inbox.id());
                    pause(mailbox);
                } catch (MessagingException | RuntimeException e) {
                    LOG.warn("{}: {} (trying again in {} ms)", inbox.id(), e.getMessage(), endpoint.delayMillis());
                    retryLater(mailbox, String.valueOf(e.getMessage()));
                } catch (StackOverflowError | LinkageError | AssertionError e) {
                    // thrown out of run() it would end the inbox's polling in silence (the executor keeps it in a
                    // Future nobody reads): said loudly, and the inbox is polled again
                    LOG.error("{}: polling failed ({}); trying again in {} ms", inbox.id(), e, endpoint.delayMillis(), e);
                    retryLater(mailbox, String.valueOf(e));
                }
            }
        } catch (Error e) {
            LOG.error("{}: polling stopped by {}", inbox.id(), e, e);
            throw e;
        } finally {
            drain(mailbox);
            mailbox.close();
        }
    }

    /** One round: settle what is done, then look for mail and hand out as much as there is room for. */
    private void round(ImapMailbox mailbox) throws MessagingException {
        woken = false; // what lanes finish from here on is settled by the next round: they wake a wait in IDLE
        if (mailbox.open()) {
            if (mailbox.uidValidity() != validity) {
                // a new numbering: every UID known so far means nothing; unseen mail is found again by the sweep
                validity = mailbox.uidValidity();
                retries.clear();
                lastUid = 0;
            }
            sweepNow = true;
        }
        settle(mailbox);
        if (!hasRoom()) {
            backlog = true;
            return;
        }
        List<ImapMailbox.Unseen> candidates = new ArrayList<>();
        long started = System.nanoTime();
        long startedCpu = THREADS.getCurrentThreadCpuTime();
        int leftForLater = 0;
        if (sweepNow || System.nanoTime() - lastSweep > SWEEP_EVERY_NANOS) {
            long next = mailbox.uidNext();
            candidates.addAll(mailbox.allUnseen());
            endpoint.pollObserver().swept(inbox.id(), System.nanoTime() - started);
            lastUid = Math.max(lastUid, next - 1);
            lastSweep = System.nanoTime();
            sweepNow = false;
        } else {
            // as many as could be in flight at once: the rest of a backlog is looked at when there is room for it
            // mails to try again are not looked at here: dueRetries brings those that are due
            ImapMailbox.Found found = mailbox.newerThan(lastUid, endpoint.maxInFlight(),
                    uid -> !inFlight.contains(uid) && !retries.containsKey(uid));
            candidates.addAll(found.unseen());
            lastUid = Math.max(lastUid, found.highestUid());
            leftForLater = found.leftForLater();
            endpoint.pollObserver().polled(inbox.id(), System.nanoTime() - started,
                    THREADS.getCurrentThreadCpuTime() - startedCpu);
        }
        candidates.addAll(dueRetries(mailbox));
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: after UID {}: {} unseen {}, {} in flight, {} to try again, {} mails in the folder",
                    inbox.id(), lastUid, candidates.size(), candidates.stream().limit(5).map(ImapMailbox.Unseen::uid)
                            .toList(), inFlight.size(), retries.size(), mailbox.messageCount());
        }
        admit(mailbox, candidates);
        backlog |= leftForLater > 0;
        waitingForRoom += leftForLater;
        endpoint.pollObserver().backlog(inbox.id(), inFlight.size() + retries.size() + waitingForRoom);
        LOG.debug("{}: {} in flight, {} bytes held gateway-wide, backlog {}, next after UID {}", inbox.id(), inFlight.size(),
                inFlightBytes.get(), backlog, lastUid);
    }

    private List<ImapMailbox.Unseen> dueRetries(ImapMailbox mailbox) throws MessagingException {
        long now = System.nanoTime();
        long[] due = retries.entrySet().stream().filter(e -> e.getValue().dueNanos() - now <= 0)
                .mapToLong(Map.Entry::getKey).filter(uid -> !inFlight.contains(uid)).toArray();
        if (due.length == 0) {
            return List.of();
        }
        List<ImapMailbox.Unseen> still = mailbox.stillUnseen(due);
        Set<Long> there = new java.util.HashSet<>();
        still.forEach(mail -> there.add(mail.uid()));
        for (long uid : due) {
            if (!there.contains(uid)) {
                retries.remove(uid); // handled or removed by someone else meanwhile
            }
        }
        return still;
    }

    /** A mail that failed and waits for its next attempt. */
    private boolean waitingToRetry(long uid, long now) {
        Retry retry = retries.get(uid);
        return retry != null && retry.dueNanos() - now > 0;
    }

    private void admit(ImapMailbox mailbox, List<ImapMailbox.Unseen> candidates) throws MessagingException {
        long now = System.nanoTime();
        Map<Long, ImapMailbox.Unseen> wanted = new LinkedHashMap<>();
        candidates.stream().sorted(Comparator.comparingLong(ImapMailbox.Unseen::uid)).forEach(mail -> {
            if (!waitingToRetry(mail.uid(), now) && !inFlight.contains(mail.uid())) {
                wanted.putIfAbsent(mail.uid(), mail);
            }
        });
        List<ImapMailbox.Unseen> taken = new ArrayList<>();
        Map<Long, Long> reserved = new HashMap<>();
        waitingForBytes = false;
        for (ImapMailbox.Unseen mail : wanted.values()) {
            long cost = Math.min(Math.max(mail.size(), 0), endpoint.maxMessageBytes());
            if (inFlight.size() + taken.size() >= endpoint.maxInFlight()) {
                break;
            }
            if (!reserve(cost, taken.isEmpty())) {
                waitingForBytes = true;
                break;
            }
            taken.add(mail);
            reserved.put(mail.uid(), cost);
        }
        backlog = taken.size() < wanted.size();
        waitingForRoom = wanted.size() - taken.size();
        if (backlog) {
            // what was left is found again by UID: start the next look just before it
            long firstLeft = wanted.values().stream().skip(taken.size()).findFirst().orElseThrow().uid();
            lastUid = Math.min(lastUid, firstLeft - 1);
        }
        Map<Long, FetchedMail> fetched;
        try {
            fetched = mailbox.fetch(taken);
        } catch (MessagingException | RuntimeException e) {
            reserved.values().forEach(cost -> inFlightBytes.addAndGet(-cost));
            throw e;
        }
        for (ImapMailbox.Unseen mail : taken) {
            FetchedMail got = fetched.get(mail.uid());
            if (got != null) {
                if (mail.arrived() != null) {
                    endpoint.pollObserver().pickedUp(inbox.id(), java.time.Duration.between(mail.arrived(),
                            java.time.Instant.now()));
                }
                dispatch(mail.uid(), got, reserved.get(mail.uid()));
            } else {
                inFlightBytes.addAndGet(-reserved.get(mail.uid()));
                LOG.debug("{}: UID {} not handed out this time", inbox.id(), mail.uid());
                // the server did not show it this time: never drop a mail silently, ask again shortly
                retries.putIfAbsent(mail.uid(), new Retry(0, now + TimeUnit.MILLISECONDS.toNanos(FIRST_RETRY_MILLIS)));
            }
        }
    }

    /**
     * Books a mail's size against the gateway-wide budget before it is fetched (a 30 MB fetch takes a while, and the
     * other inboxes must see it meanwhile). Over budget, a mail is let in only when nothing else is held.
     */
    private boolean reserve(long cost, boolean firstOfRound) {
        while (true) {
            long held = inFlightBytes.get();
            if (held + cost > endpoint.inFlightBudget() && !(held == 0 && firstOfRound)) {
                return false;
            }
            if (inFlightBytes.compareAndSet(held, held + cost)) {
                return true;
            }
        }
    }

    /** @param reservedBytes what {@link #reserve} booked for the mail; given back when its exchange is over */
    private void dispatch(long uid, FetchedMail mail, long reservedBytes) {
        inFlight.add(uid);
        long mailValidity = validity;
        int lane = Math.floorMod(org.redress.intake.SenderKey.of(mail.bytes(), "uid:" + uid).hashCode(), lanes.length);
        lanes[lane].execute(() -> {
            Exchange exchange = createExchange(false);
            org.slf4j.MDC.put(MAIL_KEY, inbox.id() + " " + mail.serverId());
            try {
                exchange.getIn().setBody(mail);
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            try {
                var message = exchange.getMessage();
                boolean failed = exchange.isFailed();
                String moveTo = message.getHeader(MailConstants.MAIL_MOVE_TO, inbox.processedFolder(), String.class);
                boolean delete = Boolean.TRUE.equals(message.getHeader(MailConstants.MAIL_DELETE, Boolean.class));
                finished.add(new Finished(uid, mailValidity, failed, moveTo, delete));
                if (failed) {
                    LOG.debug("{}: {} left unseen for another try", inbox.id(), mail.serverId(), exchange.getException());
                }
            } finally {
                // the lane's thread takes the next mail: nothing of this one may be logged with it
                org.slf4j.MDC.clear();
                releaseExchange(exchange, false);
                inFlight.remove(uid);
                inFlightBytes.addAndGet(-reservedBytes);
                wake();
            }
        });
    }

    /** Marks handled mail seen, moves or deletes it, many to a command; schedules failed mail for another try. */
    private void settle(ImapMailbox mailbox) throws MessagingException {
        List<Finished> batch = new ArrayList<>();
        for (Finished f; (f = finished.poll()) != null; ) {
            batch.add(f);
        }
        if (batch.isEmpty()) {
            return;
        }
        Map<String, List<Long>> moves = new LinkedHashMap<>();
        List<Long> seen = new ArrayList<>();
        List<Long> deleted = new ArrayList<>();
        for (Finished f : batch) {
            if (f.validity() != validity) {
                continue; // numbered before the folder was renumbered: found again by the sweep, and known to the register
            }
            if (f.failed()) {
                int attempt = retries.containsKey(f.uid()) ? retries.get(f.uid()).attempt() + 1 : 1;
                long pause = Math.min(LAST_RETRY_MILLIS, FIRST_RETRY_MILLIS << Math.min(attempt - 1, 10));
                retries.put(f.uid(), new Retry(attempt, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause)));
                continue;
            }
            retries.remove(f.uid());
            if (f.moveTo() != null && !f.moveTo().isBlank()) {
                moves.computeIfAbsent(f.moveTo(), k -> new ArrayList<>()).add(f.uid());
            } else if (f.delete()) {
                deleted.add(f.uid());
            } else {
                seen.add(f.uid());
            }
        }
        try {
            mailbox.markSeen(uids(seen));
            for (Map.Entry<String, List<Long>> move : moves.entrySet()) {
                mailbox.move(uids(move.getValue()), move.getKey());
            }
            mailbox.delete(uids(deleted));
        } catch (MessagingException | RuntimeException e) {
            // the connection went: settle these again once it is back (a mail handled twice is known to the register)
            finished.addAll(batch.stream().filter(f -> !f.failed()).toList());
            throw e;
        }
    }

    private static long[] uids(List<Long> uids) {
        return uids.stream().mapToLong(Long::longValue).toArray();
    }

    private boolean hasRoom() {
        return inFlight.size() < endpoint.maxInFlight();
    }

    /**
     * Waits for the next round: the poll interval, or less when a mail finished and more is waiting. Mail left behind
     * for want of bytes waits too (a lane's mail finishing wakes it): going round at once would ask the server again
     * and again, hundreds of times a second, while a large mail is being handled. With {@code redress.intake.idle}, an
     * inbox with nothing waiting waits in IDLE instead ({@link #waitInIdle}).
     */
    private void pause(ImapMailbox mailbox) throws MessagingException {
        if (endpoint.idle() && mailbox.canIdle() && running && !backlog) {
            // all caught up: the server tells of new mail; a look is still due for the sweep and for retries
            idleUntil = nextDue();
            if (System.nanoTime() - idleUntil < 0) {
                waitInIdle(mailbox);
                return;
            }
        }
        synchronized (signal) {
            if (!running || backlog && !waitingForBytes && inFlight.size() < endpoint.maxInFlight()) {
                return;
            }
            try {
                signal.wait(endpoint.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    /**
     * Waits in IDLE until the server tells of something, the next sweep or retry is due, or a lane is done with a mail
     * (to be marked handled, after a poll interval: {@link #endIdleWhenDue}).
     */
    private void waitInIdle(ImapMailbox mailbox) throws MessagingException {
        idleSince = System.nanoTime();
        idling = mailbox;
        try {
            if (running && System.nanoTime() - idleUntil < 0) {
                mailbox.idle();
            }
        } finally {
            idling = null;
        }
    }

    /**
     * When the loop must look again whatever the server says: the next sweep, or the first mail to try again that is
     * not being handled right now.
     */
    private long nextDue() {
        long due = lastSweep + SWEEP_EVERY_NANOS;
        for (Map.Entry<Long, Retry> retry : retries.entrySet()) {
            if (retry.getValue().dueNanos() - due < 0 && !inFlight.contains(retry.getKey())) {
                due = retry.getValue().dueNanos();
            }
        }
        return due;
    }

    private void wake() {
        synchronized (signal) {
            if (backlog || !running) {
                signal.notifyAll();
            }
        }
        // the IDLE watch ends the wait: ending it here would hold up the lane for a round trip to the server
        woken = true;
    }

    /** On stop: let the lanes finish the mail they hold, then settle it, so that a restart does not redo it. */
    private void drain(ImapMailbox mailbox) {
        var executors = getEndpoint().getCamelContext().getExecutorServiceManager();
        for (ExecutorService lane : lanes) {
            executors.shutdownGraceful(lane, TimeUnit.SECONDS.toMillis(80));
        }
        try {
            mailbox.open();
            settle(mailbox);
        } catch (MessagingException | RuntimeException e) {
            LOG.warn("{}: could not mark the last handled mails on the server ({}); they are recognised when read again",
                    inbox.id(), e.getMessage());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
