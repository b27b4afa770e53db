package org.redress.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.redress.channel.InvalidSubmission;
import org.redress.channel.Submission;
import org.redress.channel.SubmissionJson;
import org.redress.channel.SubmissionRules;
import org.redress.complaint.Complaint;
import org.redress.config.InboxConfig;
import org.redress.parsing.SubmissionParser;
import org.redress.store.ComplaintRegister;
import org.redress.store.RegisterEntry;

/**
 * Intake for complaints handed over by channel routes (routes/README.md): checked, then recorded in the register
 * before anything else happens, so that a crash or an outage after the channel was answered loses nothing. From the
 * register on, they take the same steps as a mail ({@link ComplaintIntake}).
 */
public final class SubmissionIntake {
    private final ComplaintRegister register;
    private final SubmissionJson json;
    private final SubmissionRules rules;
    private final SubmissionParser parser;
    private final Function<String, InboxConfig> inboxes;
    private final InboxConfig defaultInbox;
    private final Clock clock;

    /** @param inboxes the configured inbox by id, null for an id that is not configured */
    public SubmissionIntake(ComplaintRegister register, SubmissionJson json, SubmissionRules rules,
                            SubmissionParser parser, Function<String, InboxConfig> inboxes, InboxConfig defaultInbox,
                            Clock clock) {
        this.register = register;
        this.json = json;
        this.rules = rules;
        this.parser = parser;
        this.inboxes = inboxes;
        this.defaultInbox = defaultInbox;
        this.clock = clock;
    }

    /**
     * Checks and records a submission; the same submission again (same channel, reference and content) gives its
     * earlier record back.
     *
     * @throws InvalidSubmission what is wrong with it (nothing recorded), or 409 when its reference was used for a
     *                           different complaint
     */
    public MailInProgress receive(Submission submission) {
        rules.check(submission);
        byte[] recorded = json.write(submission);
        String hash = org.redress.intake.MailIdentity.sha256(recorded);
        Optional<RegisterEntry> earlier = register.byDedupKey(submission.dedupKey());
        if (earlier.isPresent() && !register.contentHash(earlier.get().id()).map(hash::equals).orElse(true)) {
            throw new InvalidSubmission(409, "reference", "'" + submission.reference() + "' was used before for a "
                    + "different complaint (#" + earlier.get().id() + ")", "conflict");
        }
        InboxConfig inbox = inboxOf(submission);
        // the conversation whose complaints are handled in order: the customer's address (lower-case, as a Party's)
        RegisterEntry entry = register.receive(submission.dedupKey(), null, hash, submission.channel(),
                submission.replyChannel(), inbox.id(), submission.customer().address(), recorded, clock.instant());
        // two submissions raced on one reference: the one whose row stands keeps it, the other is told
        if (!register.contentHash(entry.id()).map(hash::equals).orElse(true)) {
            throw new InvalidSubmission(409, "reference", "'" + submission.reference() + "' was used at the same "
                    + "moment for a different complaint (#" + entry.id() + ")", "conflict");
        }
        MailInProgress received = new MailInProgress(inbox, recorded, entry, submission);
        received.receivedBefore(earlier.isPresent());
        return received;
    }

    /**
     * Submissions received more than {@code after} ago whose handling did not finish (the gateway stopped, Jira was
     * away): read back from the register, to be handled again.
     */
    public List<MailInProgress> unfinished(Duration after, int limit) {
        return register.unfinishedSubmissions(clock.instant().minus(after), limit).stream().map(this::resume).toList();
    }

    /** A submission recorded earlier (on any node), read back from the register to be handled here. */
    public MailInProgress resume(RegisterEntry entry) {
        byte[] recorded = register.rawMail(entry);
        Submission submission = json.read(recorded, entry.channel(), null);
        InboxConfig inbox = Optional.ofNullable(inboxes.apply(entry.inbox())).orElse(defaultInbox);
        return new MailInProgress(inbox, recorded, entry, submission);
    }

    /** The complaint every later step reads, as {@link ComplaintIntake#parse} makes it from a mail. */
    public void parse(MailInProgress submitted) {
        Complaint complaint = parser.parse(submitted.submission(), submitted.inbox().id(),
                submitted.entry().receivedAt());
        submitted.complaint(complaint);
        register.describe(submitted.entry().id(), complaint.sender().address(), complaint.subject(),
                complaint.language(), submitted.sameWords());
    }

    private InboxConfig inboxOf(Submission submission) {
        return submission.inbox() == null ? defaultInbox : inboxes.apply(submission.inbox());
    }
}
