package org.redress.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.redress.bench.ComplaintMix.BenchMail;

/**
 * How the benchmark hands mail to the inboxes' server: by SMTP to the sandbox's GreenMail ({@link SmtpDriver}), or
 * straight into Dovecot's Maildirs as its delivery agent would ({@link MaildirDrop}). A few workers put the mail in;
 * each mail's time in the mailbox is reported to the caller, and latency counts from there.
 *
 * <p>{@link #atRate} is open loop: mail {@code i} is handed over at {@code start + i / rate} by the wall clock,
 * whatever the gateway does, as customers write whether or not the gateway keeps up. How late a mail was in its
 * mailbox against its schedule is kept ({@link #maxLagMillis}), so a run shows whether the sender kept the pace.
 */
abstract class MailDrop implements AutoCloseable {
    private final ExecutorService workers;
    private final AtomicLong maxLagNanos = new AtomicLong();
    private final AtomicInteger failures = new AtomicInteger();

    MailDrop(String threadName, int workerCount) {
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workerCount, r -> {
            Thread thread = new Thread(r, threadName + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Puts one mail into a mailbox, on a worker's thread; throws when it could not, retries done. */
    abstract void put(BenchMail mail, String recipient) throws Exception;

    /** Closes what the workers kept open, once they are done. */
    void release() {
    }

    /** Hands every mail over at once: the workers drain the queue as fast as the server takes mail. */
    List<Future<?>> allAtOnce(List<BenchMail> mails, BiConsumer<BenchMail, Long> delivered) {
        List<Future<?>> sent = new ArrayList<>();
        for (BenchMail mail : mails) {
            sent.add(hand(mail, mail.to(), System.nanoTime(), delivered));
        }
        return sent;
    }

    /** Hands mail {@code i} over at {@code start + i / perSecond}; returns when the last one was handed over. */
    List<Future<?>> atRate(List<BenchMail> mails, double perSecond, BiConsumer<BenchMail, Long> delivered)
            throws InterruptedException {
        List<Future<?>> sent = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < mails.size(); i++) {
            long due = start + (long) (i * 1e9 / perSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            BenchMail mail = mails.get(i);
            sent.add(hand(mail, mail.to(), due, delivered));
        }
        return sent;
    }

    /** Puts every mail into one mailbox (the limit client's), waiting for each. */
    void deliverAllTo(List<BenchMail> mails, String mailbox) throws Exception {
        List<Future<?>> sent = new ArrayList<>();
        for (BenchMail mail : mails) {
            sent.add(hand(mail, mailbox, System.nanoTime(), (m, t) -> { }));
        }
        for (Future<?> future : sent) {
            future.get();
        }
    }

    long maxLagMillis() {
        return TimeUnit.NANOSECONDS.toMillis(maxLagNanos.get());
    }

    int failures() {
        return failures.get();
    }

    private Future<?> hand(BenchMail mail, String recipient, long due, BiConsumer<BenchMail, Long> delivered) {
        return workers.submit(() -> {
            try {
                put(mail, recipient);
                long now = System.nanoTime();
                maxLagNanos.accumulateAndGet(now - due, Math::max);
                delivered.accept(mail, now);
            } catch (Exception e) {
                failures.incrementAndGet();
                System.err.println("bench: could not deliver " + mail.messageId() + " to " + recipient + ": " + e);
            }
        });
    }

    @Override
    public void close() {
        workers.shutdown();
        try {
            workers.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        release();
    }
}
