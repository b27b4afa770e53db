package org.redress.intake;

import org.redress.complaint.Complaint;
import org.redress.config.InboxConfig;
import org.redress.store.RegisterEntry;

/**
 * One mail on its way through the pipeline: what each step has learned so far. The register entry is the
 * durable part; this object lives for one attempt.
 */
public final class MailInProgress {
    private final InboxConfig inbox;
    private final byte[] raw;
    private final long size;
    private RegisterEntry entry;
    private Complaint complaint;
    private org.redress.jira.NewTicket ticket;
    private boolean ignored;
    private org.redress.conversation.ThreadMatch thread;
    private org.redress.triage.Assessment assessment;
    private org.redress.authenticity.UnverifiedSender unverifiedSender;
    private org.redress.channel.Submission submission;
    private boolean receivedBefore;

    MailInProgress(InboxConfig inbox, byte[] raw, RegisterEntry entry) {
        this(inbox, raw, raw.length, entry);
    }

    /** A complaint a channel route handed over: {@code raw} is the submission as the register keeps it (JSON). */
    MailInProgress(InboxConfig inbox, byte[] raw, RegisterEntry entry, org.redress.channel.Submission submission) {
        this(inbox, raw, raw.length, entry);
        this.submission = submission;
    }

    /** @param size the mail's size on the server, larger than {@code raw} when only its beginning was read */
    MailInProgress(InboxConfig inbox, byte[] raw, long size, RegisterEntry entry) {
        this.inbox = inbox;
        this.raw = raw;
        this.size = Math.max(size, raw.length);
        this.entry = entry;
    }

    /** True when the mail was larger than the gateway reads and {@link #raw()} is only its beginning. */
    public boolean cut() {
        return size > raw.length;
    }

    public long size() {
        return size;
    }

    /** The mail to attach to Jira as an .eml, or null when it is incomplete or larger than a file may be. */
    byte[] rawToAttach(long maxFileBytes) {
        return submission != null || cut() || raw.length > maxFileBytes ? null : raw;
    }

    /** The conversation this complaint is handled in order with: its sender's address (see {@link SenderKey}). */
    public String laneKey() {
        return submission != null ? submission.customer().address() : SenderKey.of(raw, entry.dedupKey());
    }

    /** True when the register held this complaint already: the same submission was handed over again. */
    public boolean receivedBefore() {
        return receivedBefore;
    }

    void receivedBefore(boolean before) {
        this.receivedBefore = before;
    }

    /** What a channel route handed over, or null for a mail. */
    public org.redress.channel.Submission submission() {
        return submission;
    }

    public InboxConfig inbox() {
        return inbox;
    }

    public byte[] raw() {
        return raw;
    }

    public RegisterEntry entry() {
        return entry;
    }

    void entry(RegisterEntry entry) {
        this.entry = entry;
    }

    public Complaint complaint() {
        return complaint;
    }

    void complaint(Complaint complaint) {
        this.complaint = complaint;
        this.sameWords = null;
        this.sameWordsKnown = false;
    }

    private String sameWords;
    private boolean sameWordsKnown;
    private boolean descriptionPending;

    /** True when the mail was parsed in this attempt and its description is not in the register yet. */
    boolean descriptionPending() {
        return descriptionPending;
    }

    /** Parsed: its description waits for the next write of this mail (see {@link PendingDescription}). */
    void markDescriptionPending() {
        this.descriptionPending = true;
    }

    /** Its description is in the register, or in the transaction that is about to commit. */
    void markDescribed() {
        this.descriptionPending = false;
    }

    /**
     * The complaint's {@link org.redress.conversation.SameWords} fingerprint (null when it has too few words), worked
     * out once: the register records it as the mail is described, and threading looks for an earlier mail with it.
     * Telling a mail's own words from its quotes and signature costs a few per cent of a lane's CPU each time.
     */
    String sameWords() {
        if (!sameWordsKnown && complaint != null) {
            sameWords = org.redress.conversation.SameWords.fingerprint(complaint);
            sameWordsKnown = true;
        }
        return sameWords;
    }

    org.redress.jira.NewTicket ticket() {
        return ticket;
    }

    void ticket(org.redress.jira.NewTicket ticket) {
        this.ticket = ticket;
    }

    /** What enrichment made of the complaint in this attempt, or null before it ran. */
    private String scored;

    public org.redress.triage.Assessment assessment() {
        return assessment;
    }

    void assessment(org.redress.triage.Assessment assessment) {
        this.assessment = assessment;
    }

    /** True when an earlier delivery of this mail was already handled to the end: nothing more to do. */
    public boolean isAlreadyHandled() {
        return entry.finished();
    }

    /** True when screening decided this is not a complaint. */
    public boolean isIgnored() {
        return ignored;
    }

    void ignore() {
        this.ignored = true;
    }

    /** True when the mail continues a ticket its sender may update: it becomes a comment, not a ticket. */
    public boolean isReply() {
        return thread != null;
    }

    public org.redress.conversation.ThreadMatch thread() {
        return thread;
    }

    void thread(org.redress.conversation.ThreadMatch thread) {
        this.thread = thread;
    }

    public String ticketKey() {
        return entry.ticketKey();
    }

    /** Whether this attempt made the ticket or comment the mail's files go with (see {@link TicketFiles}). */
    private boolean filesTargetMadeHere;
    /** How many files this attempt put on the ticket, all of them; -1 until it has. */
    private int filesUploaded = -1;
    private String refusedFilesNote;

    /** This attempt opened the ticket, or added the comment, that the mail's files go with. */
    void markFilesTargetMadeHere() {
        this.filesTargetMadeHere = true;
    }

    /**
     * True when an earlier attempt may have put some of the mail's files on the ticket: it made the ticket or comment
     * they go with, and was cut off (a crash, a failed upload, an answer lost) before the register said "uploaded".
     */
    boolean earlierAttemptMayHaveUploaded() {
        return !filesTargetMadeHere;
    }

    /** The number of files this attempt put on the ticket, all of them, or -1 when it has not. */
    int filesUploaded() {
        return filesUploaded;
    }

    void filesUploaded(int count) {
        this.filesUploaded = count;
    }

    /** What agents are to be told of files Jira refused, or null (see {@link TicketFiles}). */
    String refusedFilesNote() {
        return refusedFilesNote;
    }

    void refusedFilesNote(String note) {
        this.refusedFilesNote = note;
    }

    /** What says the sender may be forged (their domain failed DMARC at our mail server), or null. */
    public org.redress.authenticity.UnverifiedSender unverifiedSender() {
        return unverifiedSender;
    }

    /** True when the From address may be forged: the mail may open a flagged ticket but update no existing one. */
    public boolean isSenderUnverified() {
        return unverifiedSender != null;
    }

    void unverifiedSender(org.redress.authenticity.UnverifiedSender unverifiedSender) {
        this.unverifiedSender = unverifiedSender;
    }

    /** True when the reply answered the satisfaction question: its score is recorded and nothing more happens. */
    public boolean isScored() {
        return ReplyIntake.RATED.equals(entry.resolvedAction());
    }

    /** What became of the score (recorded, already answered, expired), for the log; null when not a score. */
    public String scored() {
        return scored;
    }

    void scored(String outcome) {
        this.scored = outcome;
    }

    @Override
    public String toString() {
        return (submission == null ? "mail #" : "complaint #") + entry.id() + " " + entry.dedupKey() + " in " + inbox.id();
    }
}
