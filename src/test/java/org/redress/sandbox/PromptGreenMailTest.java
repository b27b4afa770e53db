package org.redress.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.redress.config.SandboxConfig;
import org.redress.testing.FreePorts;
import org.slf4j.LoggerFactory;

/** The sandbox's mail server, where it differs from GreenMail's own. */
class PromptGreenMailTest {
    /** Enough to meet GreenMail's race many times over (about one drop in 600 deliveries here), few enough to keep small. */
    private static final int MAX_DELIVERIES = 20_000;

    /**
     * GreenMail drops an IMAP connection whose {@code NOOP} answer races a delivery; the sandbox's server ends that
     * connection with a WARN, so the client's reconnect is all that follows, and no uncaught exception from the
     * server's connection thread reaches a test's Awaitility.
     */
    @Test
    @Timeout(60)
    void connectionDroppedByGreenMailsDeliveryRaceEndsWithAWarningNotAnUncaughtException() throws Exception {
        SandboxConfig config = new SandboxConfig("127.0.0.1", FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next(), FreePorts.next(), "CS", null, "");
        String serverThreads = "imap:127.0.0.1:" + config.imapPort() + "<-";
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (thread.getName().startsWith(serverThreads)) {
                uncaught.add(e);
            } else if (before != null) {
                before.uncaughtException(thread, e);
            }
        });
        Logger handlerLog = (Logger) LoggerFactory.getLogger(PromptGreenMail.class.getName() + "$RaceTolerantImapHandler");
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        handlerLog.addAppender(warnings);
        Properties timeouts = new Properties();
        timeouts.put("mail.imap.connectiontimeout", "5000");
        timeouts.put("mail.imap.timeout", "5000");
        try (Sandbox sandbox = new Sandbox(config, null).start();
             Store store = Session.getInstance(timeouts).getStore("imap")) {
            GreenMailUser user = sandbox.mail().setUser("race@example.com", "race", "pw");
            store.connect("127.0.0.1", config.imapPort(), "race", "pw");
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            AtomicBoolean stop = new AtomicBoolean();
            Thread deliveries = new Thread(() -> {
                for (int i = 0; i < MAX_DELIVERIES && !stop.get(); i++) {
                    user.deliver(GreenMailUtil.createTextEmail("race@example.com", "customer@example.com",
                            "Complaint " + i, "text", sandbox.mail().getSmtp().getServerSetup()));
                }
            }, "race-deliveries");
            deliveries.setDaemon(true);
            deliveries.start();
            boolean dropped = false;
            try {
                while (!dropped && deliveries.isAlive()) {
                    try {
                        inbox.doCommand(protocol -> {
                            protocol.simpleCommand("NOOP", null);
                            return null;
                        });
                    } catch (MessagingException | IllegalStateException e) {
                        dropped = true;
                    }
                }
            } finally {
                stop.set(true);
                deliveries.join(5_000);
            }
            Assumptions.assumeTrue(dropped, "GreenMail's race was not met in " + MAX_DELIVERIES + " deliveries");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(warnings.list)
                    .anySatisfy(w -> assertThat(w.getFormattedMessage()).contains("Need to do this properly")));
            assertThat(uncaught).isEmpty();
        } finally {
            handlerLog.detachAppender(warnings);
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }

    /**
     * The sandbox's store finds mailboxes by name in a map; a mailbox renamed or deleted must not be found under its
     * old name afterwards, and one made again under that name must be the new one.
     */
    @Test
    void mailboxRenamedOrDeletedIsNotFoundUnderItsOldName() throws Exception {
        SandboxConfig config = new SandboxConfig("127.0.0.1", FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next(), FreePorts.next(), "CS", null, "");
        try (Sandbox sandbox = new Sandbox(config, null).start();
             Store store = Session.getInstance(new Properties()).getStore("imap")) {
            assertThat(sandbox.mail().getManagers().getImapHostManager().getStore()).isInstanceOf(IndexedMailStore.class);
            sandbox.mail().setUser("kept@example.com", "kept", "pw");
            store.connect("127.0.0.1", config.imapPort(), "kept", "pw");
            Folder archive = store.getFolder("Archive");
            archive.create(Folder.HOLDS_MESSAGES);
            MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
            mail.setText("kept");
            archive.appendMessages(new Message[] {mail});
            assertThat(store.getFolder("Archive").getMessageCount()).isEqualTo(1);

            assertThat(archive.renameTo(store.getFolder("Old"))).isTrue();

            assertThatThrownBy(() -> store.getFolder("Archive").open(Folder.READ_ONLY))
                    .isInstanceOf(MessagingException.class);
            assertThat(store.getFolder("Old").getMessageCount()).isEqualTo(1);

            assertThat(store.getFolder("Old").delete(true)).isTrue();
            Folder again = store.getFolder("Old");
            assertThat(again.create(Folder.HOLDS_MESSAGES)).isTrue();
            MimeMessage other = new MimeMessage(Session.getInstance(new Properties()));
            other.setText("new");
            again.appendMessages(new Message[] {other, other});

            assertThat(again.getMessageCount()).isEqualTo(2);
        }
    }
}
