package org.redress.bench;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.redress.bench.ComplaintMix.BenchMail;

/**
 * Delivers the benchmark's mail by SMTP without becoming what is measured: a few connections, each kept open and
 * reused for mail after mail ({@code Transport.sendMessage}, so every mail keeps its bytes and Message-ID). Each
 * mail's delivery time — when the server accepted it — is reported to the caller: latency counts from there.
 *
 * <p>{@link #atRate} is open loop: mail {@code i} is handed over at {@code start + i / rate} by the wall clock,
 * whatever the gateway does, as customers write whether or not the gateway keeps up. How late a mail left against
 * its schedule is kept ({@link #maxLagMillis}), so a run shows whether the sender kept the pace.
 */
final class SmtpDriver implements MailDrop {
    private final int port;
    private final ExecutorService connections;
    private final ThreadLocal<Transport> transport = new ThreadLocal<>();
    private final List<Transport> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Session session;
    private final AtomicLong maxLagNanos = new AtomicLong();
    private final AtomicInteger failures = new AtomicInteger();

    SmtpDriver(int port, int connectionCount) {
        this.port = port;
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "120000");
        this.session = Session.getInstance(properties);
        AtomicInteger threads = new AtomicInteger();
        this.connections = Executors.newFixedThreadPool(connectionCount, r -> {
            Thread thread = new Thread(r, "bench-smtp-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Future<?> hand(BenchMail mail, String recipient, long due, BiConsumer<BenchMail, Long> delivered) {
        return connections.submit(() -> send(mail, List.of(recipient), due, delivered));
    }

    @Override
    public long maxLagMillis() {
        return TimeUnit.NANOSECONDS.toMillis(maxLagNanos.get());
    }

    @Override
    public int failures() {
        return failures.get();
    }

    private void send(BenchMail mail, List<String> recipients, long due, BiConsumer<BenchMail, Long> delivered) {
        for (int attempt = 1; ; attempt++) {
            try {
                Transport connection = connection();
                MimeMessage message = new MimeMessage(session, new SharedByteArrayInputStream(mail.raw()));
                Address[] to = new Address[recipients.size()];
                for (int i = 0; i < to.length; i++) {
                    to[i] = new InternetAddress(recipients.get(i));
                }
                connection.sendMessage(message, to);
                long now = System.nanoTime();
                maxLagNanos.accumulateAndGet(now - due, Math::max);
                delivered.accept(mail, now);
                return;
            } catch (MessagingException e) {
                drop();
                if (attempt == 3) {
                    failures.incrementAndGet();
                    System.err.println("bench: could not deliver " + mail.messageId() + ": " + e);
                    return;
                }
            }
        }
    }

    private Transport connection() throws MessagingException {
        Transport current = transport.get();
        // no isConnected(): for SMTP it sends a NOOP, a round trip per mail; a failed send reconnects instead
        if (current == null) {
            current = session.getTransport("smtp");
            current.connect("127.0.0.1", port, null, null);
            transport.set(current);
            opened.add(current);
        }
        return current;
    }

    private void drop() {
        Transport current = transport.get();
        transport.remove();
        if (current != null) {
            try {
                current.close();
            } catch (MessagingException ignored) {
                // a broken connection; the next mail opens another
            }
        }
    }

    @Override
    public void close() {
        connections.shutdown();
        try {
            connections.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connections.shutdownNow();
        for (Transport t : opened) {
            try {
                t.close();
            } catch (MessagingException ignored) {
                // closing at the end: nothing to do
            }
        }
    }
}
