package org.redress.camel.imap;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.redress.config.InboxConfig;

/**
 * One inbox's IMAP folder, read the way a large, busy mailbox needs: new mail is found by UID (so finding it costs the
 * same in a folder of 100 000 handled mails as in an empty one), small mails are fetched many to a command, and flags
 * and moves are set many to a command. Not thread-safe: only the inbox consumer's own thread uses it, except
 * {@link #stopIdling()}.
 */
final class ImapMailbox implements AutoCloseable {
    /** Mails up to this size are fetched together; a larger one alone, in pieces, stopping at the size limit. */
    static final int TOGETHER_UP_TO = 1 << 20;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ImapMailbox.class);

    private final InboxConfig inbox;
    private final Session session;
    private final int maxMessageBytes;
    private Store store;
    private IMAPFolder folder;
    private long uidValidity = -1;

    /**
     * What the last complete look saw: the folder's last mail just after its NOOP, and the UID the next look starts
     * after. New mail always comes last, so while the NOOP leaves the same mail last, and the look starts where that
     * one ended, nothing new can be there: the look is the NOOP alone. -1: no look to go by (just opened, or the last
     * look left mail for later).
     */
    private Message lastMailLooked;
    private long lookedUpTo = -1;

    /**
     * A UID the last search listed and the server had not announced (EXISTS). Listed so twice, the client's count is
     * wrong (GreenMail announces a mail that arrives as another is expunged before the expunge, which the client then
     * counts off), and would stay wrong: the folder is selected again at the next {@link #open()}.
     */
    private long unannounced = -1;
    private boolean miscounted;

    /** The password, or the current OAuth2 access token (XOAUTH2), asked for at each login. */
    private final java.util.function.Supplier<String> secret;

    ImapMailbox(InboxConfig inbox, Session session, int maxMessageBytes, java.util.function.Supplier<String> secret) {
        this.inbox = inbox;
        this.secret = secret;
        this.session = session;
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * A mail in the folder that nobody has handled yet.
     *
     * @param arrived when the server took it in (IMAP INTERNALDATE), null when it did not say
     */
    record Unseen(long uid, long size, java.time.Instant arrived) {
    }

    /** Opens the folder if it is not open. Returns true when it was (re)opened: mail may have been missed meanwhile. */
    boolean open() throws MessagingException {
        // store.isConnected() sends a NOOP of its own, over a second connection Angus Mail opens for the store; left
        // out, the looks took longer (0.51-0.66 against 0.38-0.41 ms on Dovecot, BENCHMARKS.md), so it stays
        if (!miscounted && folder != null && folder.isOpen() && store.isConnected()) {
            return false;
        }
        miscounted = false;
        unannounced = -1;
        close();
        store = session.getStore(inbox.protocol().scheme());
        store.connect(inbox.host(), inbox.port(), inbox.user(), secret.get());
        folder = (IMAPFolder) store.getFolder(inbox.folder());
        folder.open(Folder.READ_WRITE);
        uidValidity = folder.getUIDValidity();
        canIdle = Boolean.TRUE.equals(folder.doCommand(protocol -> protocol.hasCapability("IDLE")));
        lookedUpTo = -1;
        lastMailLooked = null;
        return true;
    }

    /** How many mails the open folder holds as this client last heard from the server (for the debug log). */
    int messageCount() throws MessagingException {
        return folder.getMessageCount();
    }

    long uidValidity() {
        return uidValidity;
    }

    /** The next UID the server will give, as of now: every mail that arrives later has this UID or a higher one. */
    long uidNext() throws MessagingException {
        long next = folder.getUIDNext();
        return next > 0 ? next : 1;
    }

    /**
     * The unseen mails of one look above a UID, the UID the next look starts after, and how many mails the look left
     * for later (not yet known to be unseen: a mail above the UIDs looked at normally is).
     */
    record Found(List<Unseen> unseen, long highestUid, int leftForLater) {
    }

    /**
     * The first {@code limit} mails with a UID above {@code after} that {@code wanted} accepts, those of them neither
     * seen nor deleted: a NOOP, one {@code UID SEARCH UID after+1:*}, and one {@code UID FETCH} of flags and sizes for
     * the mails looked at. The NOOP first, because a server may answer a command from the folder as it stood at the
     * last one (GreenMail does): the NOOP brings its news of new mail. When that news is none (the same mail is last,
     * and the last look left nothing for later), the look ends there: an idle inbox costs the server one command per
     * look, not two. In a backlog (a flood, a gateway back after an
     * outage) the limit keeps each look to what can be taken, and the search answers with one line of numbers where a
     * {@code UID FETCH after+1:*} answered with one response per waiting mail, at every look.
     */
    Found newerThan(long after, int limit, LongPredicate wanted) throws MessagingException {
        noop();
        Message last = lastMail();
        if (after == lookedUpTo && last == lastMailLooked) {
            return new Found(List.of(), after, 0); // the NOOP announced no mail: nothing to search for
        }
        lookedUpTo = -1;
        return searchAbove(after, limit, wanted, last);
    }

    /**
     * The folder's last mail as the server last announced it, null when it is empty. New mail always gets a new
     * object, added last: Angus Mail keeps one per message it was told of, a mail another client expunged among them
     * (marked expunged, at its number), and renumbers them only on this client's own expunge.
     */
    private Message lastMail() throws MessagingException {
        int count = folder.getMessageCount();
        return count > 0 ? folder.getMessage(count) : null;
    }

    /** The look itself; remembers {@code last} as where it ended when it left nothing above it for a later look. */
    private Found searchAbove(long after, int limit, LongPredicate wanted, Message last) throws MessagingException {
        long[] above = uidsAbove(after);
        List<Long> looked = new ArrayList<>();
        int leftForLater = 0;
        for (long uid : above) {
            if (!wanted.test(uid)) {
                continue;
            }
            if (looked.size() < limit) {
                looked.add(uid);
            } else {
                leftForLater++;
            }
        }
        // with mails left, the next look starts after the last one looked at, not after the last there is
        long next = leftForLater > 0 ? looked.get(looked.size() - 1) : above.length == 0 ? after : above[above.length - 1];
        if (looked.isEmpty()) {
            remember(leftForLater == 0, last, next);
            return new Found(List.of(), next, leftForLater);
        }
        Message[] messages = folder.getMessagesByUID(looked.stream().mapToLong(Long::longValue).toArray());
        List<Message> there = new ArrayList<>();
        long listedBefore = unannounced;
        unannounced = -1;
        for (int i = 0; i < messages.length; i++) {
            if (messages[i] == null) {
                // listed by the search but not given (a server may list a mail before it announces it): the next
                // look starts before it, so that neither it nor its sender's order is passed over
                next = Math.min(next, looked.get(i) - 1);
                listedUnannounced(looked.get(i), listedBefore);
                break;
            }
            if (!messages[i].isExpunged()) {
                there.add(messages[i]);
            }
        }
        remember(leftForLater == 0 && unannounced == -1, last, next);
        return new Found(unseen(there.toArray(Message[]::new)), next, leftForLater);
    }

    /** Listed by a search and not announced: the second search in a row to list it has the folder opened again. */
    private void listedUnannounced(long uid, long listedBefore) {
        miscounted = uid == listedBefore;
        if (miscounted) {
            LOG.warn("{}: the server lists UID {} but has not announced it; the folder is opened again", inbox.id(),
                    uid);
        }
        unannounced = uid;
    }

    private void remember(boolean complete, Message last, long next) {
        lastMailLooked = last;
        lookedUpTo = complete ? next : -1;
    }

    /** The UIDs above {@code after}, ascending ("n:*" also answers the last mail when every UID is below n). */
    private long[] uidsAbove(long after) throws MessagingException {
        return java.util.Arrays.stream(uidsWhere("UID " + (after + 1) + ":*")).filter(uid -> uid > after).toArray();
    }

    /** The UIDs of the mails that meet these {@code UID SEARCH} criteria, ascending. */
    private long[] uidsWhere(String criteria) throws MessagingException {
        List<Long> uids = new ArrayList<>();
        uidCommand("UID SEARCH " + criteria, responses -> {
            for (Response response : responses) {
                if (response instanceof IMAPResponse answer && answer.keyEquals("SEARCH")) {
                    for (long uid = answer.readLong(); uid != -1; uid = answer.readLong()) {
                        uids.add(uid);
                    }
                }
            }
        });
        return uids.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /**
     * Every unseen mail of the folder ({@code UID SEARCH UNSEEN}): after (re)connecting, and now and then for
     * stragglers. By UID, as the looks are: a search by message number would pass over, without a word, a mail the
     * client was never told of, and the sweep is what finds those.
     */
    List<Unseen> allUnseen() throws MessagingException {
        lookedUpTo = -1; // and the next look searches, whatever the server said: news a server lost is found here
        noop();
        long[] uids = uidsWhere("UNSEEN");
        if (uids.length == 0) {
            unannounced = -1;
            return List.of();
        }
        Message[] messages = folder.getMessagesByUID(uids);
        List<Message> there = new ArrayList<>();
        long listedBefore = unannounced;
        unannounced = -1;
        for (int i = 0; i < messages.length; i++) {
            if (messages[i] == null) {
                if (unannounced == -1) {
                    listedUnannounced(uids[i], listedBefore);
                }
            } else if (!messages[i].isExpunged()) {
                there.add(messages[i]);
            }
        }
        return unseen(there.toArray(Message[]::new));
    }

    /** Flags and sizes of these UIDs, for mails that are still there and still unseen. */
    List<Unseen> stillUnseen(long[] uids) throws MessagingException {
        List<Message> there = new ArrayList<>();
        for (Message message : folder.getMessagesByUID(uids)) {
            if (message != null && !message.isExpunged()) {
                there.add(message);
            }
        }
        return unseen(there.toArray(Message[]::new));
    }

    private List<Unseen> unseen(Message[] messages) throws MessagingException {
        List<Unseen> unseen = new ArrayList<>();
        if (messages.length == 0) {
            return unseen;
        }
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(FetchProfile.Item.SIZE);
        profile.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
        folder.fetch(messages, profile);
        for (Message message : messages) {
            Flags flags = message.getFlags();
            if (!flags.contains(Flags.Flag.SEEN) && !flags.contains(Flags.Flag.DELETED)) {
                java.util.Date arrived = message.getReceivedDate();
                unseen.add(new Unseen(folder.getUID(message), message.getSize(),
                        arrived == null ? null : arrived.toInstant()));
            }
        }
        return unseen;
    }

    /**
     * The mails' bytes, without marking them seen ({@code BODY.PEEK[]}): small ones in one command, a large one
     * alone and stopped at the size limit. A mail the server will not hand out comes back with its reason, and does
     * not hold up the others.
     */
    Map<Long, FetchedMail> fetch(List<Unseen> mails) throws MessagingException {
        Map<Long, FetchedMail> fetched = new LinkedHashMap<>();
        List<Long> together = new ArrayList<>();
        for (Unseen mail : mails) {
            if (mail.size() >= 0 && mail.size() <= TOGETHER_UP_TO) {
                together.add(mail.uid());
            } else {
                alone(mail.uid(), fetched);
            }
        }
        if (!together.isEmpty()) {
            Map<Long, byte[]> bodies;
            try {
                bodies = fetchTogether(together);
            } catch (MessagingException e) {
                if (org.redress.intake.TransientFailure.is(e)) {
                    throw e;
                }
                // one mail the server chokes on fails the whole command: fetch them one by one instead
                bodies = Map.of();
            }
            for (long uid : together) {
                byte[] bytes = bodies.get(uid);
                if (bytes == null) {
                    alone(uid, fetched);
                } else if (bytes.length > maxMessageBytes) {
                    fetched.put(uid, new FetchedMail(id(uid), java.util.Arrays.copyOf(bytes, maxMessageBytes),
                            bytes.length, null));
                } else {
                    fetched.put(uid, new FetchedMail(id(uid), bytes, bytes.length, null));
                }
            }
        }
        return fetched;
    }

    /**
     * One {@code UID FETCH} for all: answers are matched to mails by the UID in each answer, never by message
     * number, which an expunge (a mail moved away meanwhile) shifts under a server that reports it late.
     */
    private Map<Long, byte[]> fetchTogether(List<Long> uids) throws MessagingException {
        Map<Long, byte[]> bodies = new java.util.HashMap<>();
        uidCommand("UID FETCH " + uidSet(uids) + " (UID BODY.PEEK[])", responses -> {
            for (Response response : responses) {
                if (response instanceof FetchResponse fetch) {
                    org.eclipse.angus.mail.imap.protocol.UID uid = fetch.getItem(org.eclipse.angus.mail.imap.protocol.UID.class);
                    BODY body = fetch.getItem(BODY.class);
                    if (uid != null && body != null && body.getByteArray() != null) {
                        bodies.put(uid.uid, body.getByteArray().getNewBytes());
                    }
                }
            }
        });
        return bodies;
    }

    /** A large mail, or one the bulk fetch did not bring: alone, in pieces, stopped at the size limit. */
    private void alone(long uid, Map<Long, FetchedMail> fetched) throws MessagingException {
        IMAPMessage message = (IMAPMessage) folder.getMessageByUID(uid);
        if (message == null || message.isExpunged()) {
            return; // gone, or not shown this time: the consumer asks again
        }
        try {
            message.setPeek(true);
            fetched.put(uid, ServerMail.read(id(uid), message, maxMessageBytes));
        } catch (MessagingException e) {
            if (org.redress.intake.TransientFailure.is(e)) {
                throw e;
            }
            fetched.put(uid, new FetchedMail(id(uid), null, -1, e));
        } catch (IOException e) {
            fetched.put(uid, new FetchedMail(id(uid), null, -1, e));
        }
    }

    /**
     * Marks handled mails seen, with one {@code UID STORE} for all of them. Not {@code .SILENT}: the server's answer
     * with the new flags updates the ones this client keeps for each mail, which a later look reads instead of asking
     * again; kept stale, a look that went back over handled mail took it for unseen and could hand it out again.
     */
    void markSeen(long[] uids) throws MessagingException {
        if (uids.length > 0) {
            uidCommand("UID STORE " + uidSet(uids) + " +FLAGS (\\Seen)", responses -> { });
        }
    }

    /**
     * Moves handled mails to another folder (created when missing): {@code UID MOVE} where the server has it, else
     * {@code UID COPY}, flagged deleted and expunged. By UID throughout, so that no other mail is touched.
     */
    void move(long[] uids, String target) throws MessagingException {
        if (uids.length == 0) {
            return;
        }
        Folder destination = store.getFolder(target);
        if (!destination.exists()) {
            destination.create(Folder.HOLDS_MESSAGES);
        }
        markSeen(uids);
        String mailbox = " \"" + BASE64MailboxEncoder.encode(target).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        if (((org.eclipse.angus.mail.imap.IMAPStore) store).hasCapability("MOVE")) {
            uidCommand("UID MOVE " + uidSet(uids) + mailbox, responses -> { });
        } else {
            uidCommand("UID COPY " + uidSet(uids) + mailbox, responses -> { });
            delete(uids);
        }
    }

    /** Deletes handled mails: flagged deleted by UID, then expunged. */
    void delete(long[] uids) throws MessagingException {
        if (uids.length > 0) {
            uidCommand("UID STORE " + uidSet(uids) + " +FLAGS.SILENT (\\Deleted)", responses -> { });
            folder.expunge();
        }
    }

    private void uidCommand(String command, java.util.function.Consumer<Response[]> answers) throws MessagingException {
        folder.doCommand(protocol -> {
            Response[] responses = protocol.command(command, null);
            answers.accept(responses);
            protocol.notifyResponseHandlers(responses);
            protocol.handleResult(responses[responses.length - 1]);
            return null;
        });
    }

    private static String uidSet(List<Long> uids) {
        return uids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
    }

    private static String uidSet(long[] uids) {
        return java.util.Arrays.stream(uids).mapToObj(String::valueOf).collect(java.util.stream.Collectors.joining(","));
    }

    /**
     * The folder while the consumer's thread waits in IDLE; another thread ends the wait through it. Set and cleared
     * under {@link #idleLock}, which {@link #stopIdling()} holds while it ends the wait: so it never reaches a folder
     * the consumer has since closed (Angus Mail would log in again, on a connection nobody closes).
     */
    private IMAPFolder idling;
    private final Object idleLock = new Object();

    /** Whether the server can tell of new mail as it arrives (IMAP IDLE, RFC 2177), as it said at login. */
    private boolean canIdle;

    boolean canIdle() {
        return canIdle;
    }

    /**
     * Waits in IDLE until the server says something about the folder (new mail, an expunge, a flag) or another thread
     * calls {@link #stopIdling()}. What the server said is taken in as a NOOP's answer would be, for the next look.
     */
    void idle() throws MessagingException {
        synchronized (idleLock) {
            idling = folder;
        }
        try {
            folder.idle(true);
        } finally {
            synchronized (idleLock) {
                idling = null;
            }
        }
    }

    /**
     * Ends a wait in {@link #idle()} from another thread, and returns once it has ended: any command on the folder
     * from another thread makes Angus Mail send DONE and wait for the server's answer to the IDLE, and this one then
     * sends nothing. The consumer's thread needs only Angus Mail's own lock to finish the wait, never
     * {@link #idleLock}, so holding it here cannot hold that up. Nothing when there is no wait.
     */
    void stopIdling() {
        synchronized (idleLock) {
            if (idling != null) {
                try {
                    idling.doCommand(protocol -> null);
                } catch (MessagingException | RuntimeException e) {
                    // the connection went meanwhile: the waiting thread learns it from its own read
                }
            }
        }
    }

    /** Sends a NOOP: keeps an idle connection open and learns of new mail. */
    void noop() throws MessagingException {
        folder.doCommand(protocol -> {
            protocol.noop();
            return null;
        });
    }

    private String id(long uid) {
        return "uid " + uidValidity + "/" + uid;
    }

    @Override
    public void close() {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            // closing is best effort: the connection may already be gone
        }
        try {
            if (store != null) {
                store.close();
            }
        } catch (MessagingException | RuntimeException e) {
            // as above
        }
        folder = null;
        store = null;
    }
}
