package org.redress.camel.imap;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.config.InboxConfig;
import org.redress.config.MailProtocol;
import org.redress.testing.FreePorts;

/**
 * A backlog is looked at a window at a time: each look fetches flags and sizes only for as many mails as could be
 * taken, and the next look goes on after them, so that a flood of thousands does not cost thousands at every look.
 */
class ImapMailboxTest {
    private static final String ADDRESS = "reclamations@lumiere.example";

    private GreenMail server;
    private InboxConfig inbox;
    private ImapMailbox mailbox;

    @BeforeEach
    void tenMailsWaiting() throws Exception {
        ServerSetup imap = new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        server = new GreenMail(imap);
        server.start();
        GreenMailUser user = server.setUser(ADDRESS, ADDRESS, "secret");
        for (int i = 1; i <= 10; i++) {
            user.deliver(GreenMailUtil.createTextEmail(ADDRESS, "customer" + i + "@example.org", "Parcel " + i,
                    "Parcel " + i + " arrived broken.", imap));
        }
        inbox = new InboxConfig("reclamations", ADDRESS, MailProtocol.IMAP, "127.0.0.1", imap.getPort(),
                ADDRESS, "secret", "INBOX", null, "CS", "Task", "fr", ZoneId.of("Europe/Paris"), null, null);
        mailbox = new ImapMailbox(inbox, Session.getInstance(new Properties()), 1 << 20, () -> "secret");
        mailbox.open();
    }

    @AfterEach
    void stop() {
        mailbox.close();
        server.stop();
    }

    @Test
    void aBacklogIsLookedAtAWindowAtATimeEachLookGoingOnAfterTheLast() throws Exception {
        ImapMailbox.Found first = mailbox.newerThan(0, 4, uid -> true);
        assertThat(uids(first)).hasSize(4);
        assertThat(first.leftForLater()).isEqualTo(6);
        assertThat(first.highestUid()).isEqualTo(uids(first).get(3));

        ImapMailbox.Found second = mailbox.newerThan(first.highestUid(), 4, uid -> true);
        assertThat(uids(second)).hasSize(4).allMatch(uid -> uid > first.highestUid());
        assertThat(second.leftForLater()).isEqualTo(2);

        ImapMailbox.Found last = mailbox.newerThan(second.highestUid(), 4, uid -> true);
        assertThat(uids(last)).hasSize(2);
        assertThat(last.leftForLater()).isZero();
        assertThat(last.highestUid()).isEqualTo(uids(last).get(1));
        assertThat(mailbox.newerThan(last.highestUid(), 4, uid -> true).unseen()).isEmpty();
    }

    @Test
    void mailsAlreadyTakenDoNotUseUpTheWindow() throws Exception {
        List<Long> all = uids(mailbox.newerThan(0, 10, uid -> true));
        long firstTaken = all.get(0);
        long secondTaken = all.get(1);

        ImapMailbox.Found found = mailbox.newerThan(0, 4, uid -> uid != firstTaken && uid != secondTaken);

        assertThat(uids(found)).containsExactly(all.get(2), all.get(3), all.get(4), all.get(5));
        assertThat(found.leftForLater()).isEqualTo(4);
    }

    @Test
    void seenMailsInAWindowAreLookedAtButNotHandedOutAndTheNextLookGoesOnAfterThem() throws Exception {
        List<Long> all = uids(mailbox.newerThan(0, 10, uid -> true));
        try (ImapMailbox other = new ImapMailbox(inbox, Session.getInstance(new Properties()), 1 << 20,
                () -> "secret")) {
            // another client (a person reading the inbox) has read the first three
            other.open();
            other.markSeen(new long[] {all.get(0), all.get(1), all.get(2)});
        }
        try (ImapMailbox fresh = new ImapMailbox(inbox, Session.getInstance(new Properties()), 1 << 20,
                () -> "secret")) {
            fresh.open();
            ImapMailbox.Found found = fresh.newerThan(0, 4, uid -> true);

            assertThat(uids(found)).containsExactly(all.get(3));
            assertThat(found.highestUid()).isEqualTo(all.get(3));
            assertThat(uids(fresh.newerThan(found.highestUid(), 4, uid -> true)))
                    .containsExactly(all.get(4), all.get(5), all.get(6), all.get(7));
        }
    }

    /**
     * A look that goes back below handled mail (when a window's mail could not all be taken) must not see it as
     * unseen: the client keeps the flags it last read for each mail, so marking must bring back the new ones.
     */
    @Test
    void mailThisClientMarkedSeenIsNotSeenAsUnseenWhenALookGoesBackOverIt() throws Exception {
        List<Long> all = uids(mailbox.newerThan(0, 10, uid -> true));

        mailbox.markSeen(new long[] {all.get(0), all.get(1), all.get(2)});

        assertThat(uids(mailbox.newerThan(0, 10, uid -> true))).containsExactlyElementsOf(all.subList(3, 10));
    }

    @Test
    void aLookThatFindsNothingNewStartsTheNextOneWhereItStarted() throws Exception {
        long last = mailbox.newerThan(0, 10, uid -> true).highestUid();

        ImapMailbox.Found found = mailbox.newerThan(last, 4, uid -> true);

        assertThat(found.unseen()).isEmpty();
        assertThat(found.highestUid()).isEqualTo(last);
        assertThat(found.leftForLater()).isZero();
    }

    @Test
    void aLookAfterAQuietOneAsksTheServerOnlyForItsNews() throws Exception {
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        Session session = Session.getInstance(new Properties());
        session.setDebugOut(new java.io.PrintStream(said, true, java.nio.charset.StandardCharsets.UTF_8));
        session.setDebug(true);
        try (ImapMailbox watched = new ImapMailbox(inbox, session, 1 << 20, () -> "secret")) {
            watched.open();
            long last = watched.newerThan(0, 10, uid -> true).highestUid();
            watched.newerThan(last, 10, uid -> true);
            int searchesBefore = searches(said);

            for (int i = 0; i < 5; i++) {
                assertThat(watched.newerThan(last, 10, uid -> true).unseen()).isEmpty();
            }

            assertThat(searches(said)).isEqualTo(searchesBefore);
            assertThat(said.toString(java.nio.charset.StandardCharsets.UTF_8)).contains(" NOOP");
        }
    }

    @Test
    void mailArrivingAfterAQuietLookIsFoundByTheNext() throws Exception {
        long last = mailbox.newerThan(0, 10, uid -> true).highestUid();
        assertThat(mailbox.newerThan(last, 10, uid -> true).unseen()).isEmpty();

        deliver("late@example.org", "Parcel 11");

        ImapMailbox.Found found = mailbox.newerThan(last, 10, uid -> true);
        assertThat(found.unseen()).hasSize(1);
        assertThat(found.highestUid()).isGreaterThan(last);
    }

    /**
     * GreenMail answers a NOOP after another client expunged one mail and one arrived with the new count first and
     * the expunge after it, so the client counts one mail too few, and the new one is listed by the search but never
     * given. Listed so twice, the folder is opened again, which counts right.
     */
    @Test
    void mailArrivingAsAnotherClientMovesAMailAwayIsFoundOnceTheFolderIsCountedAgain() throws Exception {
        List<Long> all = uids(mailbox.newerThan(0, 10, uid -> true));
        long last = all.get(all.size() - 1);
        try (ImapMailbox other = new ImapMailbox(inbox, Session.getInstance(new Properties()), 1 << 20,
                () -> "secret")) {
            other.open();
            other.delete(new long[] {all.get(0)});
            deliver("late@example.org", "Parcel 11"); // the folder holds as many mails as at the last look
        }

        mailbox.allUnseen(); // the consumer's sweep, every few seconds: the next look searches whatever the NOOP said
        List<Long> found = new java.util.ArrayList<>();
        for (int round = 0; round < 4 && found.isEmpty(); round++) {
            mailbox.open();
            found.addAll(uids(mailbox.newerThan(last, 10, uid -> true)));
        }

        assertThat(found).containsExactly(last + 1);
    }

    private void deliver(String from, String subject) {
        server.getUserManager().getUserByEmail(ADDRESS).deliver(GreenMailUtil.createTextEmail(ADDRESS, from, subject,
                subject + " arrived broken.", server.getImap().getServerSetup()));
    }

    private static int searches(java.io.ByteArrayOutputStream said) {
        return said.toString(java.nio.charset.StandardCharsets.UTF_8).split(" UID SEARCH ", -1).length - 1;
    }

    private static List<Long> uids(ImapMailbox.Found found) {
        return found.unseen().stream().map(ImapMailbox.Unseen::uid).toList();
    }
}
