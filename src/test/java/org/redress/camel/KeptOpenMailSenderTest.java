package org.redress.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.config.SmtpConfig;
import org.redress.testing.FreePorts;
import org.redress.testing.SubmissionLimitRelay;

/**
 * The outbox's SMTP connections, against GreenMail's real SMTP server (behind a relay that imitates Exchange Online's
 * limit on mails submitted at once, where a test needs one).
 */
class KeptOpenMailSenderTest {
    private GreenMail server;
    private int port;

    @BeforeEach
    void startServer() {
        port = FreePorts.next();
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void mailsSentOneAfterAnotherKeepOneConnectionOpen() throws Exception {
        try (KeptOpenMailSender sender = sender(4)) {
            for (int i = 0; i < 5; i++) {
                sender.send(mail(i));
            }
            assertThat(sender.openConnections()).isEqualTo(1);
            assertThat(server.getReceivedMessages()).hasSize(5);
        }
    }

    @Test
    void manySendersAtOnceNeverOpenMoreConnectionsThanConfiguredAndEveryMailArrivesOnce() throws Exception {
        try (KeptOpenMailSender sender = sender(3)) {
            sendAtOnce(sender, 10, 20, () -> assertThat(sender.openConnections()).isLessThanOrEqualTo(3));
            assertThat(sender.openConnections()).isBetween(1, 3);
            assertThat(receivedIds()).as("each mail once, with the Message-ID it was given").hasSize(200)
                    .contains("<ack-0@redress.test>", "<ack-199@redress.test>");
        }
    }

    @Test
    void aConnectionTheServerDroppedIsReplacedAtTheNextSend() throws Exception {
        try (KeptOpenMailSender sender = sender(2)) {
            sender.send(mail(1));
            server.stop();
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            try {
                sender.send(mail(2));
            } catch (jakarta.mail.MessagingException dropped) {
                // the kept connection was dead: the send fails and the outbox tries the mail again
                sender.send(mail(2));
            }
            assertThat(server.getReceivedMessages()).hasSize(1);
            assertThat(sender.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void aServerAllowingThreeMailsAtOnceGetsEveryMailWithoutAFailedSendAndTheSenderSettlesAtThree() throws Exception {
        try (SubmissionLimitRelay exchangeLike = new SubmissionLimitRelay(port, 3, 20)) {
            try (KeptOpenMailSender sender = sender(exchangeLike.port(), 8, KeptOpenMailSender.REST)) {
                sendAtOnce(sender, 10, 10);
                assertThat(exchangeLike.refusals()).as("the server refused mails beyond its limit").isPositive();
                assertThat(exchangeLike.mostAtOnce()).isLessThanOrEqualTo(3);
                assertThat(sender.usableConnections()).isEqualTo(3);
                assertThat(receivedIds()).as("each mail once").hasSize(100)
                        .contains("<ack-0@redress.test>", "<ack-99@redress.test>");
            }
        }
    }

    @Test
    void aRefusalWithNoOtherMailBeingSentFailsTheSendAndKeepsEveryConnection() throws Exception {
        try (SubmissionLimitRelay refusingAll = new SubmissionLimitRelay(port, 0, 0)) {
            try (KeptOpenMailSender sender = sender(refusingAll.port(), 8, KeptOpenMailSender.REST)) {
                assertThatThrownBy(() -> sender.send(mail(1))).isInstanceOf(jakarta.mail.MessagingException.class)
                        .satisfies(refused -> assertThat(OutboxSteps.serverTrouble(refused))
                                .as("a refusal for now: the outbox reports SMTP trouble and tries again").isTrue());
                assertThat(sender.usableConnections()).isEqualTo(8);
                assertThat(server.getReceivedMessages()).isEmpty();
            }
        }
    }

    @Test
    void connectionsSetAsideAfterARefusalAreUsedAgainAfterTheirRest() throws Exception {
        try (SubmissionLimitRelay exchangeLike = new SubmissionLimitRelay(port, 2, 20)) {
            try (KeptOpenMailSender sender = sender(exchangeLike.port(), 4, java.time.Duration.ofMillis(300))) {
                sendAtOnce(sender, 4, 5);
                assertThat(sender.usableConnections()).isLessThan(4);
                Thread.sleep(400);
                sender.send(mail(100));
                assertThat(sender.usableConnections()).isEqualTo(4);
                assertThat(receivedIds()).hasSize(21);
            }
        }
    }

    @Test
    void aQueuedMailArrivesByteForByteAsStored() throws Exception {
        String stored = "Date: Sat, 5 Dec 2026 09:15:02 +0100\r\n"
                + "From: =?UTF-8?Q?Service_r=C3=A9clamations?= <reclamations@lumiere.example>\r\n"
                + "To: client@example.org\r\n"
                + "Message-ID: <ack-queued@redress.test>\r\n"
                + "Subject: =?UTF-8?Q?Votre_r=C3=A9clamation_CS-12_:_nous_l'avons_bien_re=C3=A7ue?=\r\n"
                + " =?UTF-8?Q?_et_nous_vous_r=C3=A9pondons_sous_deux_jours_ouvr=C3=A9s?=\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n"
                + "Auto-Submitted: auto-replied\r\n"
                + "\r\n"
                + "Bonjour, merci de nous avoir =C3=A9crit. Votre r=C3=A9clamation porte le num=\r\n"
                + "=C3=A9ro CS-12.\r\n";
        try (KeptOpenMailSender sender = sender(2)) {
            sender.send(new QueuedMime(Session.getInstance(new Properties()),
                    stored.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            assertThat(server.getReceivedMessages()).hasSize(1);
            assertThat(com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(server.getReceivedMessages()[0]))
                    .as("the headers and body as stored, nothing added (no MIME-Version), nothing re-encoded")
                    .endsWith(stored.stripTrailing());
        }
    }

    private void sendAtOnce(KeptOpenMailSender sender, int threads, int each) throws Exception {
        sendAtOnce(sender, threads, each, () -> { });
    }

    /** {@code threads} senders started together, each sending {@code each} mails and checking after every one. */
    private void sendAtOnce(KeptOpenMailSender sender, int threads, int each, Runnable afterEachSend) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        try {
            List<Future<?>> sends = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t * each;
                sends.add(pool.submit(() -> {
                    start.await();
                    for (int i = first; i < first + each; i++) {
                        sender.send(mail(i));
                        afterEachSend.run();
                    }
                    return null;
                }));
            }
            for (Future<?> send : sends) {
                send.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Set<String> receivedIds() throws Exception {
        Set<String> ids = new HashSet<>();
        for (MimeMessage received : server.getReceivedMessages()) {
            assertThat(ids.add(received.getMessageID())).as("received once: " + received.getMessageID()).isTrue();
        }
        return ids;
    }

    private KeptOpenMailSender sender(int connections) {
        return sender(port, connections, KeptOpenMailSender.REST);
    }

    private static KeptOpenMailSender sender(int port, int connections, java.time.Duration rest) {
        return new KeptOpenMailSender(new SmtpConfig("127.0.0.1", port, "", "", SmtpConfig.Security.NONE, null,
                connections), null, rest);
    }

    private static MimeMessage mail(int i) throws Exception {
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
        mail.setFrom(new InternetAddress("reclamations@lumiere.example"));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress("customer" + i + "@example.org"));
        mail.setSubject("Your complaint " + i);
        mail.setText("We received your complaint.");
        mail.setHeader("Message-ID", "<ack-" + i + "@redress.test>");
        return mail;
    }
}
