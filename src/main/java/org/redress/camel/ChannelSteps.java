package org.redress.camel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.redress.channel.Submission;
import org.redress.channel.SubmissionJson;
import org.redress.intake.ComplaintIntake;
import org.redress.intake.FailureDecision;
import org.redress.intake.MailInProgress;
import org.redress.intake.SubmissionIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of routes/channels.camel.yaml: a channel route's normalized complaint is checked and recorded, answered
 * with a receipt, and handled on the submission queue; one that did not finish is picked up again from the register.
 */
public final class ChannelSteps {
    /** Headers a channel route may set instead of the JSON's {@code channel} and {@code reference}. */
    public static final String CHANNEL_HEADER = "RedressChannel";
    public static final String REFERENCE_HEADER = "RedressReference";
    /** Set when the complaint is to be handed to the submission queue (new, and not being handled already). */
    static final String HAND_OVER = "redressHandOver";
    private static final Logger LOG = LoggerFactory.getLogger(ChannelSteps.class);

    private final SubmissionIntake intake;
    private final ComplaintIntake complaints;
    private final SubmissionJson json;
    private final Duration retryAfter;
    /** True when submissions go to the work queue all nodes share (redress.work.queue=rabbitmq). */
    private final boolean sharedQueue;
    /** Register ids on the submission queue or being handled: the retry timer leaves them alone. */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

    public ChannelSteps(SubmissionIntake intake, ComplaintIntake complaints, SubmissionJson json, Duration retryAfter,
                        boolean sharedQueue) {
        this.intake = intake;
        this.complaints = complaints;
        this.json = json;
        this.retryAfter = retryAfter;
        this.sharedQueue = sharedQueue;
    }

    /**
     * Takes the normalized complaint (a {@link Submission}, or its JSON as text, bytes or a map) and records it.
     * Throws {@link org.redress.channel.InvalidSubmission} for one that cannot be taken: nothing is recorded then.
     */
    public void receive(Exchange exchange) throws Exception {
        org.slf4j.MDC.remove(IntakeSteps.CORRELATION_KEY);
        var in = exchange.getIn();
        Object body = in.getBody();
        String channel = in.getHeader(CHANNEL_HEADER, String.class);
        String reference = in.getHeader(REFERENCE_HEADER, String.class);
        Submission submission;
        if (body instanceof Submission given) {
            submission = given;
        } else if (body instanceof Map<?, ?> map) {
            submission = json.read(map, channel, reference);
        } else {
            byte[] bytes = body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : in.getBody(byte[].class);
            submission = json.read(bytes == null ? new byte[0] : bytes, channel, reference);
        }
        MailInProgress received = intake.receive(submission);
        org.slf4j.MDC.put(IntakeSteps.CORRELATION_KEY, "#" + received.entry().id());
        // on the shared queue a submission is handed over once, when recorded; one whose hand-over failed is the
        // register's to hand over again (queued_at, requeue-work), not this node's memory
        boolean handOver = !received.isAlreadyHandled()
                && (sharedQueue ? !received.receivedBefore() : inFlight.add(received.entry().id()));
        exchange.setProperty(HAND_OVER, handOver);
        in.setBody(received);
        LOG.info("{}: received from channel {} ({}){}", received, submission.channel(), submission.reference(),
                received.isAlreadyHandled() || !handOver ? ", already received before" : "");
    }

    /** The submission queue is full: the complaint stays recorded and unfinished, and is picked up again later. */
    public void handOverFailed(Exchange exchange) {
        MailInProgress received = exchange.getIn().getBody(MailInProgress.class);
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (received != null) {
            inFlight.remove(received.entry().id());
            LOG.warn("{}: recorded, not queued now ({}); handled within {} s by retry-submissions", received,
                    failure == null ? "?" : failure.getMessage(), retryAfter.toSeconds());
        }
    }

    /** What the channel route is answered: the register's number for the complaint and where it stands. */
    public Map<String, Object> receipt(MailInProgress received, Exchange exchange) {
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("complaint", received.entry().id());
        receipt.put("reference", received.submission().reference());
        receipt.put("status", Boolean.TRUE.equals(exchange.getProperty(HAND_OVER, Boolean.class)) ? "received"
                : "already-received");
        receipt.put("language", received.submission().language());
        // the HTTP or file thread goes on to other work: its log lines are not about this complaint
        org.slf4j.MDC.remove(IntakeSteps.CORRELATION_KEY);
        return receipt;
    }

    public void parse(MailInProgress submitted) {
        // the queue's thread: its log lines carry the complaint's number until done or failed
        org.slf4j.MDC.put(IntakeSteps.CORRELATION_KEY, "#" + submitted.entry().id());
        intake.parse(submitted);
    }

    /** The last step of a handled submission (ignored, or acknowledged). */
    public void done(MailInProgress submitted) {
        inFlight.remove(submitted.entry().id());
        org.slf4j.MDC.remove(IntakeSteps.CORRELATION_KEY);
    }

    /**
     * The dead letter step of the submission queue: the attempt is counted, and after redress.intake.max-attempts
     * failures the complaint is quarantined (kept in the register with its reason, listed at /q/quarantine). An
     * outage (Jira, the database) counts nothing: the retry timer tries again.
     */
    public void failed(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        MailInProgress submitted = exchange.getIn().getBody(MailInProgress.class);
        if (submitted == null) {
            LOG.error("A submission failed before it was recorded: {}", failure == null ? "?" : failure.getMessage());
            return;
        }
        inFlight.remove(submitted.entry().id());
        org.slf4j.MDC.remove(IntakeSteps.CORRELATION_KEY);
        FailureDecision decision = complaints.failed(submitted, failure == null ? new IllegalStateException("unknown") : failure);
        if (decision.quarantine()) {
            LOG.error("{}: quarantined, {}", submitted, decision.reason());
        } else {
            LOG.warn("{}: {} (tried again in {} s)", submitted, decision.reason(), retryAfter.toSeconds());
        }
    }

    /** Submissions whose handling did not finish, not on the queue now: handed to it again. */
    public List<MailInProgress> unfinished() {
        return intake.unfinished(retryAfter, 100).stream().filter(s -> inFlight.add(s.entry().id())).toList();
    }
}
