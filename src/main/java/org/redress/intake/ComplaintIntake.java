package org.redress.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.redress.acknowledgement.AcknowledgementComposer;
import org.redress.acknowledgement.ReplyMail;
import org.redress.complaint.Complaint;
import org.redress.config.InboxConfig;
import org.redress.config.IntakeConfig;
import org.redress.jira.JiraApi;
import org.redress.jira.MailLabel;
import org.redress.jira.NewTicket;
import org.redress.jira.TicketMapper;
import org.redress.parsing.MailParser;
import org.redress.screening.MailScreen;
import org.redress.screening.ScreeningVerdict;
import org.redress.store.ComplaintRegister;
import org.redress.store.ConversationIndex;
import org.redress.store.Database;
import org.redress.store.Outbox;
import org.redress.store.RegisterEntry;

/**
 * The steps from a raw mail to an open ticket and a queued acknowledgement. Each step first looks in the register
 * for whether it already happened, and writes down that it did: this is what makes a re-polled mail, a restart or a
 * second delivery of the same file harmless.
 */
public final class ComplaintIntake {
    public static final String ACKNOWLEDGEMENT = "acknowledgement";

    private final ComplaintRegister register;
    private final Outbox outbox;
    private final ConversationIndex conversations;
    private final Database database;
    private final MailParser parser;
    private final MailScreen screen;
    private final TicketMapper tickets;
    private final JiraApi jira;
    private final AcknowledgementComposer acknowledgements;
    private final IntakeConfig config;
    private final Clock clock;
    private final org.redress.store.Tickets ticketStore;
    private final java.util.Set<String> ownAddresses;
    private final org.redress.store.Assessments assessments;

    private final int answersPerSenderPerHour;
    private final org.redress.store.FollowUpStore followUps;

    public ComplaintIntake(ComplaintRegister register, Outbox outbox, ConversationIndex conversations,
                           Database database, MailParser parser, MailScreen screen, TicketMapper tickets, JiraApi jira,
                           AcknowledgementComposer acknowledgements, IntakeConfig config, Clock clock,
                           org.redress.store.Tickets ticketStore, java.util.Set<String> ownAddresses,
                           org.redress.store.Assessments assessments, int answersPerSenderPerHour,
                           org.redress.store.FollowUpStore followUps) {
        this.answersPerSenderPerHour = answersPerSenderPerHour;
        this.followUps = followUps;
        this.assessments = assessments;
        this.ticketStore = ticketStore;
        this.ownAddresses = java.util.Set.copyOf(ownAddresses);
        this.register = register;
        this.outbox = outbox;
        this.conversations = conversations;
        this.database = database;
        this.parser = parser;
        this.screen = screen;
        this.tickets = tickets;
        this.jira = jira;
        this.acknowledgements = acknowledgements;
        this.config = config;
        this.clock = clock;
    }

    /** Records the mail (or finds its earlier record) before anything can fail on its content. */
    public MailInProgress receive(InboxConfig inbox, byte[] raw, String channel) {
        return receive(inbox, raw, raw.length, channel);
    }

    /**
     * @param raw  the mail, or its first {@code redress.intake.max-message-size} bytes when it is larger
     * @param size the mail's whole size
     */
    public MailInProgress receive(InboxConfig inbox, byte[] raw, long size, String channel) {
        MailIdentity identity = MailIdentity.of(raw);
        Optional<RegisterEntry> earlier = register.byDedupKey(identity.dedupKey());
        if (earlier.isPresent() && !sameContent(earlier.get(), identity, raw)) {
            identity = identity.distinctFromEarlierMailWithSameId(raw);
        }
        RegisterEntry entry = register.receive(identity.dedupKey(), identity.messageId(), identity.contentHash(),
                channel, null, inbox.id(), SenderKey.of(raw, identity.dedupKey()), raw, clock.instant());
        return new MailInProgress(inbox, raw, size, entry);
    }

    /**
     * A mail taken in earlier (on any node), read back from the register to be handled here.
     *
     * @param size its size on the server, larger than what the register keeps when only its beginning was read
     */
    public MailInProgress resume(RegisterEntry entry, InboxConfig inbox, long size) {
        return new MailInProgress(inbox, register.rawMail(entry), size, entry);
    }

    /**
     * Records a mail whose content the mail server would not hand out, under the server's own id for it, so that
     * its failed attempts are counted like any other mail's and it ends in quarantine instead of being retried
     * forever. The recorded "raw mail" is the explanation; the message itself stays on the server.
     */
    public MailInProgress unreadable(InboxConfig inbox, String serverId, String reason, String channel) {
        byte[] note = ("The mail server could not hand out this message (" + serverId + "): " + reason + "\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        RegisterEntry entry = register.receive("unreadable:" + inbox.id() + ":" + serverId, null,
                MailIdentity.sha256(note), channel, inbox.id(), note, clock.instant());
        return new MailInProgress(inbox, note, entry);
    }

    public void parse(MailInProgress mail) {
        Complaint complaint = parser.parse(mail.raw(), mail.inbox().id(), mail.entry().receivedAt());
        mail.complaint(complaint);
        mail.markDescriptionPending();
    }

    /** Not every mail to a complaints address is a complaint; what is not is recorded as ignored, with the reason. */
    public void screen(MailInProgress mail) {
        ScreeningVerdict verdict = screen.screen(mail.complaint());
        if (!verdict.accepted()) {
            // what the mail is and why it was ignored, one commit (see PendingDescription)
            Instant now = clock.instant();
            database.inTransaction(connection -> {
                PendingDescription.write(connection, register, mail);
                register.ignored(connection, mail.entry().id(), verdict.reason(), now);
                return null;
            });
            mail.markDescribed();
            mail.ignore();
            refresh(mail);
        }
    }

    public void openTicket(MailInProgress mail) {
        RegisterEntry entry = mail.entry();
        if (entry.ticketKey() != null) {
            return;
        }
        // an earlier attempt asked Jira and then died, or lost Jira's answer: the ticket may exist, found by its label
        java.sql.Timestamp requested = register.ticketRequestedAt(entry.id());
        String key = requested != null
                ? jira.searchKeys(MailLabel.jql(entry.dedupKey()), 1).stream().findFirst().orElse(null) : null;
        if (key == null) {
            // the mail's description goes with it: one commit (see PendingDescription)
            Instant asked = clock.instant();
            boolean ours = database.inTransaction(connection -> {
                PendingDescription.write(connection, register, mail);
                return register.ticketRequested(connection, entry.id(), requested, asked);
            });
            mail.markDescribed();
            if (!ours) {
                throw new ConcurrentHandlingException(mail + " is being ticketed by another handler (a second node, or "
                        + "an attempt still running): tried again later, when its ticket is found by its label");
            }
            key = jira.createIssue(ticketFor(mail).labelled(MailLabel.of(entry.dedupKey())).request());
            mail.markFilesTargetMadeHere();
        }
        if (key == null || key.isBlank()) {
            throw new org.redress.jira.JiraUnavailableException("Jira created an issue but answered without its key", null);
        }
        String ticketKey = key;
        Instant now = clock.instant();
        database.inTransaction(connection -> {
            register.ticketed(connection, mail.entry().id(), ticketKey, now);
            conversations.record(connection, mail.complaint().messageId(), ticketKey, "in", now);
            if (mail.assessment() != null) {
                assessments.record(connection, mail.entry().id(), mail.assessment(), now,
                        Enrichment.toLink(mail).isEmpty());
            }
            return null;
        });
        refresh(mail);
    }

    public void attachFiles(MailInProgress mail) {
        if (mail.entry().attachmentsAt() == null) {
            TicketFiles.upload(jira, mail, ticketFor(mail).uploads(), config.limits().maxAttachmentBytes());
        }
    }

    /** Queues the acknowledgement and closes the intake of this mail (its files uploaded) in one transaction. */
    public void acknowledge(MailInProgress mail) {
        if (mail.entry().acknowledgedAt() != null) {
            return;
        }
        Complaint complaint = mail.complaint();
        String language = complaint.language() != null && config.languages().contains(complaint.language())
                ? complaint.language() : mail.inbox().language();
        Instant now = clock.instant();
        // a possibly forged sender is told nothing of the address's other cases
        ReplyMail reply = acknowledgements.compose(complaint, mail.entry().id(), mail.ticketKey(),
                mail.inbox().address(), language, mail.assessment() == null || mail.isSenderUnverified() ? null
                        : mail.assessment().history(), now);
        // the MIME bytes before the transaction: it holds its locks only for the writes
        byte[] mime = reply.toMime();
        database.inTransaction(connection -> {
            int recent = answersPerSenderPerHour == 0 ? 0
                    : outbox.countTo(connection, reply.to(), List.of(ACKNOWLEDGEMENT), now.minus(Duration.ofHours(1)));
            if (answersPerSenderPerHour > 0 && recent >= answersPerSenderPerHour) {
                // an auto-responder that slipped through screening: the ticket exists, the exchange ends here
                register.reason(connection, mail.entry().id(), "not acknowledged: " + recent + " automatic answers "
                        + "went to " + reply.to() + " in the last hour (redress.acknowledgement.max-per-sender-per-hour)");
            } else {
                outbox.enqueue(connection, mail.entry().id(), ACKNOWLEDGEMENT, reply.messageId(), reply.from(),
                        reply.to(), reply.subject(), mime, now);
                conversations.record(connection, reply.messageId(), mail.ticketKey(), "out", now);
            }
            ticketStore.record(connection, conversationOf(mail, reply.language()), now);
            if (mail.filesUploaded() >= 0) {
                register.attachmentsUploaded(connection, mail.entry().id(), mail.filesUploaded(), now);
                TicketFiles.recordRefused(connection, followUps, mail, now);
            }
            register.acknowledged(connection, mail.entry().id(), now);
            return null;
        });
        refresh(mail);
    }

    /**
     * Decides what a failure means for the mail: transient failures leave it for the next poll without counting;
     * others count, and the mail is quarantined once it has failed {@code max-attempts} times.
     */
    public FailureDecision failed(MailInProgress mail, Throwable failure) {
        String unrecorded = "";
        if (!TransientFailure.is(failure) && mail.descriptionPending()) {
            // the failure is counted, and may quarantine the mail: with what the mail is, for whoever looks at it. A
            // description the database refuses must not keep the failure from being counted: the mail would never
            // reach quarantine
            try {
                PendingDescription.write(register, mail);
            } catch (RuntimeException refused) {
                mail.markDescribed();
                unrecorded = " (its sender and subject could not be recorded either: " + describe(refused) + ")";
            }
        }
        return failed(mail.entry().id(), failure, unrecorded);
    }

    /** As {@link #failed(MailInProgress, Throwable)}, for a complaint that could not even be read back. */
    public FailureDecision failed(long complaintId, Throwable failure) {
        return failed(complaintId, failure, "");
    }

    private FailureDecision failed(long complaintId, Throwable failure, String more) {
        String reason = describe(failure) + more;
        if (TransientFailure.is(failure)) {
            return new FailureDecision(false, "waiting: " + reason);
        }
        int attempts = register.failedAttempt(complaintId, reason);
        if (attempts < config.maxAttempts()) {
            return new FailureDecision(false, "attempt " + attempts + " of " + config.maxAttempts() + " failed: " + reason);
        }
        String verdict = "failed " + attempts + " times: " + reason;
        register.quarantined(complaintId, verdict, clock.instant());
        return new FailureDecision(true, verdict);
    }

    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return (root.getClass().getSimpleName() + message).replaceAll("[\\r\\n]+", " ");
    }

    /** Who may add to the new ticket by mail: the customer and whoever else the complaint was addressed to. */
    private org.redress.conversation.TicketConversation conversationOf(MailInProgress mail, String language) {
        Complaint complaint = mail.complaint();
        java.util.Set<String> participants = new java.util.HashSet<>(complaint.recipients());
        participants.removeAll(ownAddresses);
        participants.remove(complaint.sender().address());
        return new org.redress.conversation.TicketConversation(mail.ticketKey(), mail.entry().id(), mail.inbox().address(),
                complaint.sender().address(), participants, language, complaint.subject(), complaint.messageId());
    }

    private NewTicket ticketFor(MailInProgress mail) {
        if (mail.ticket() == null) {
            InboxConfig inbox = mail.inbox();
            long maxFile = config.limits().maxAttachmentBytes();
            String note = Stream.of(noteFor(mail), SizeNotes.of(mail, maxFile, config.oversizedFolder()), addressNote(mail))
                    .filter(Objects::nonNull).collect(Collectors.joining(" "));
            NewTicket ticket = tickets.map(mail.complaint(), mail.entry().id(), inbox.address(), inbox.jiraProject(),
                    inbox.issueType(), mail.rawToAttach(maxFile), note.isEmpty() ? null : note, mail.assessment());
            mail.ticket(mail.isSenderUnverified() ? ticket.flagged(org.redress.authenticity.UnverifiedSender.LABEL,
                    org.redress.authenticity.UnverifiedSender.HEADING, mail.unverifiedSender().warning()) : ticket);
        }
        return mail.ticket();
    }

    /**
     * A form or another channel takes whatever address is typed into it: the agent should know that nobody proved
     * the complaint comes from that address before they act on the customer's history (a mail's sender is at least
     * the one our mail server received it from).
     */
    private static String addressNote(MailInProgress mail) {
        if (mail.submission() == null) {
            return null;
        }
        return "Sent through the " + mail.submission().channel() + " channel: the address "
                + mail.submission().customer().address() + " was given by the sender and has not been verified; the "
                + "acknowledgement went to it.";
    }

    /** What an agent should know about a ticket that names another one. */
    private static String noteFor(MailInProgress mail) {
        RegisterEntry entry = mail.entry();
        if (entry.claimedKey() == null) {
            return null;
        }
        if (mail.isSenderUnverified()) {
            return mail.unverifiedSender().claimedTicketNote(entry.claimedKey());
        }
        if (entry.resolvedAction() != null && entry.resolvedAction().startsWith(ReplyIntake.FOLLOW_UP)) {
            return "Follow-up of " + entry.claimedKey() + ", which was resolved when the customer wrote again.";
        }
        return "The sender named " + entry.claimedKey() + " but is not one of its participants: nothing was added to "
                + entry.claimedKey() + " and nothing about it was disclosed.";
    }

    private boolean sameContent(RegisterEntry earlier, MailIdentity identity, byte[] raw) {
        Optional<String> earlierHash = register.contentHash(earlier.id());
        if (earlierHash.isPresent()) {
            // hashed when it was taken in: a mail without Message-ID, or one taken in before bodies were compared
            return earlierHash.get().equals(identity.contentHash() != null ? identity.contentHash()
                    : MailIdentity.bodyHash(raw));
        }
        Boolean same = register.readRawMail(earlier, stored -> MailIdentity.sameBody(stored, raw));
        return same == null || same;
    }

    private void refresh(MailInProgress mail) {
        mail.entry(register.byId(mail.entry().id()).orElseThrow());
    }
}
