package org.redress.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redress.bench.ComplaintMix.BenchMail;
import org.redress.bench.ComplaintMix.SeedTicket;
import org.redress.sandbox.Sandbox;
import org.redress.sandbox.jira.RecordedRequest;

/**
 * Sees, in the driver's own JVM, the moment each complaint is done: its acknowledgement lands in the customer's
 * mailbox on the sandbox mail server (a listener on that INBOX, called as GreenMail stores the mail — no polling,
 * no IMAP), matched to the complaint by {@code In-Reply-To}; or, for a reply, the comment carrying the reply's words
 * exists on its ticket in the Jira sandbox (the comment request is spotted as it arrives, then the ticket is read
 * until the comment is there, so a slow Jira's delay counts). Customers' mailboxes are created before any mail is
 * sent, so that the listener is in place for the first acknowledgement.
 */
final class ArrivalWatcher implements AutoCloseable {
    private static final Pattern COMMENT_PATH = Pattern.compile("/rest/api/3/issue/([^/]+)/comment");
    private static final Pattern TOKEN = Pattern.compile("TRK\\d{11}");

    /** One delivered mail and what became of it; times are {@link System#nanoTime()}, -1 until they happen. */
    static final class Tracked {
        final BenchMail mail;
        volatile long deliveredAt = -1;
        volatile long doneAt = -1;
        volatile String ticket;
        volatile MimeMessage ack;
        volatile String commentIssue;

        Tracked(BenchMail mail) {
            this.mail = mail;
            this.ticket = mail.ticketKey();
        }

        boolean done() {
            return doneAt >= 0;
        }

        long latencyNanos() {
            return done() && deliveredAt >= 0 ? doneAt - deliveredAt : -1;
        }
    }

    private final Sandbox sandbox;
    private final Map<String, Tracked> byMessageId = new ConcurrentHashMap<>();
    private final Map<String, Tracked> byToken = new ConcurrentHashMap<>();
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private final List<Tracked> awaitingComment = new CopyOnWriteArrayList<>();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger unexpectedAcks = new AtomicInteger();
    private final AtomicInteger repeatedAcks = new AtomicInteger();
    private final AtomicLong lastProgress = new AtomicLong(System.nanoTime());
    private final Thread commentChecker;
    private volatile boolean closed;

    ArrivalWatcher(Sandbox sandbox) {
        this.sandbox = sandbox;
        sandbox.jira().setRequestListener(this::jiraRequest);
        commentChecker = new Thread(this::checkComments, "bench-comment-checker");
        commentChecker.setDaemon(true);
        commentChecker.start();
    }

    /** Registers mail about to be delivered and makes its senders' mailboxes, listened to. */
    List<Tracked> expect(Collection<BenchMail> mails) throws FolderException, UserException {
        List<Tracked> tracked = new ArrayList<>();
        for (BenchMail mail : mails) {
            Tracked t = new Tracked(mail);
            tracked.add(t);
            if (mail.isReply()) {
                byToken.put(mail.token(), t);
            } else {
                byMessageId.put(mail.messageId(), t);
            }
            watch(mail.from());
        }
        return tracked;
    }

    /** Called by the sender when the mail server accepted the mail. */
    void delivered(BenchMail mail, long nanos) {
        Tracked t = mail.isReply() ? byToken.get(mail.token()) : byMessageId.get(mail.messageId());
        if (t != null) {
            t.deliveredAt = nanos;
        }
    }

    int done() {
        return done.get();
    }

    long lastProgressNanos() {
        return lastProgress.get();
    }

    int unexpectedAcks() {
        return unexpectedAcks.get();
    }

    int repeatedAcks() {
        return repeatedAcks.get();
    }

    /** The seed tickets for replies: complaints whose acknowledgement arrived, with what a reply needs of it. */
    static List<SeedTicket> seedTickets(List<Tracked> seeds) throws MessagingException, java.io.IOException {
        List<SeedTicket> tickets = new ArrayList<>();
        for (Tracked t : seeds) {
            if (t.ack != null && t.ticket != null) {
                tickets.add(new SeedTicket(t.mail, t.ticket, t.ack.getMessageID(), t.ack.getSubject(),
                        ((InternetAddress) t.ack.getFrom()[0]).getAddress(), text(t.ack)));
            }
        }
        return tickets;
    }

    private void watch(String customer) throws FolderException, UserException {
        if (!watched.add(customer)) {
            return;
        }
        GreenMailUser user = sandbox.mail().getUserManager().getUserByEmail(customer);
        if (user == null) {
            user = sandbox.mail().getUserManager().createUser(customer, customer, "bench");
        }
        MailFolder inbox = sandbox.mail().getManagers().getImapHostManager().getInbox(user);
        inbox.addListener(new FolderListener() {
            private int seen;

            @Override
            public synchronized void added(int msn) {
                long now = System.nanoTime();
                List<StoredMessage> messages = inbox.getMessages();
                for (; seen < messages.size(); seen++) {
                    arrived(messages.get(seen).getMimeMessage(), now);
                }
            }

            @Override
            public void expunged(int msn) {
                // customers' mailboxes are only read
            }

            @Override
            public void flagsUpdated(int msn, Flags flags, Long uid) {
                // nothing to see
            }

            @Override
            public void mailboxDeleted() {
                // nothing to see
            }
        });
    }

    private void arrived(MimeMessage mail, long now) {
        try {
            String inReplyTo = mail.getHeader("In-Reply-To", null);
            Tracked t = inReplyTo == null ? null : byMessageId.get(inReplyTo.trim());
            if (t == null) {
                unexpectedAcks.incrementAndGet();
                return;
            }
            if (t.done()) {
                repeatedAcks.incrementAndGet();
                return;
            }
            t.ack = mail;
            t.ticket = mail.getHeader("X-Redress-Ticket", null);
            t.doneAt = now;
            progress(now);
        } catch (MessagingException e) {
            unexpectedAcks.incrementAndGet();
        }
    }

    private void jiraRequest(RecordedRequest request) {
        if (!request.method().equals("POST")) {
            return;
        }
        Matcher path = COMMENT_PATH.matcher(request.path());
        if (!path.matches()) {
            return;
        }
        Matcher token = TOKEN.matcher(new String(request.body(), StandardCharsets.UTF_8));
        while (token.find()) {
            Tracked t = byToken.get(token.group());
            if (t != null && !t.done() && t.commentIssue == null) {
                t.commentIssue = path.group(1);
                awaitingComment.add(t);
            }
        }
    }

    /** Reads the tickets that were just sent a reply's comment until the comment is there (the Jira call ended). */
    private void checkComments() {
        while (!closed) {
            for (Tracked t : awaitingComment) {
                JsonNode issue = sandbox.jira().issue(t.commentIssue);
                if (issue == null) {
                    continue;
                }
                for (JsonNode comment : issue.path("fields").path("comment").path("comments")) {
                    if (comment.path("body").toString().contains(t.mail.token())) {
                        long now = System.nanoTime();
                        t.ticket = issue.path("key").asText(t.ticket);
                        t.doneAt = now;
                        awaitingComment.remove(t);
                        progress(now);
                        break;
                    }
                }
            }
            try {
                Thread.sleep(awaitingComment.isEmpty() ? 50 : 10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void progress(long now) {
        done.incrementAndGet();
        lastProgress.accumulateAndGet(now, Math::max);
    }

    /** The text of a mail of ours: its text/plain part. */
    private static String text(Part part) throws MessagingException, java.io.IOException {
        Object content = part.getContent();
        if (content instanceof String text) {
            return part.isMimeType("text/html") ? text.replaceAll("<[^>]+>", " ") : text;
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (!text.isBlank()) {
                    return text;
                }
            }
        }
        return "";
    }

    @Override
    public void close() {
        closed = true;
        commentChecker.interrupt();
        sandbox.jira().setRequestListener(null);
    }
}
