package org.redress.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.redress.config.SandboxConfig;
import org.redress.testing.FreePorts;

/** The sandbox's mail server, where it differs from GreenMail's own. */
class PromptGreenMailTest {

    /**
     * GreenMail drops an IMAP connection whose {@code NOOP} answer races a delivery; the sandbox's server ends that
     * connection quietly, so the client's reconnect is all that follows, and no uncaught exception reaches a test's
     * Awaitility.
     */
    @Test
    void connectionDroppedByGreenMailsDeliveryRaceEndsWithoutAnUncaughtException() throws Exception {
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
        SandboxConfig config = new SandboxConfig("127.0.0.1", FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next(), FreePorts.next(), "CS", null, "");
        try (Sandbox sandbox = new Sandbox(config, null).start();
             Store store = Session.getInstance(new Properties()).getStore("imap")) {
            GreenMailUser user = sandbox.mail().setUser("race@example.com", "race", "pw");
            store.connect("127.0.0.1", config.imapPort(), "race", "pw");
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Thread deliveries = new Thread(() -> {
                for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
                    user.deliver(GreenMailUtil.createTextEmail("race@example.com", "customer@example.com",
                            "Complaint " + i, "text", sandbox.mail().getSmtp().getServerSetup()));
                }
            });
            deliveries.start();
            boolean dropped = false;
            long end = System.nanoTime() + 20_000_000_000L;
            try {
                while (!dropped && System.nanoTime() < end) {
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
                deliveries.interrupt();
                deliveries.join();
            }
            Assumptions.assumeTrue(dropped, "GreenMail's race was not hit in 20 s of NOOPs during deliveries");
            Thread.sleep(200); // the server's connection thread ends after the client saw the drop
            assertThat(uncaught).isEmpty();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }
}
