package org.redress.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.redress.bench.ComplaintMix.BenchMail;

/**
 * How the benchmark hands mail to the inboxes' server: by SMTP to the sandbox's GreenMail ({@link SmtpDriver}), or
 * straight into Dovecot's Maildirs as its delivery agent would ({@link MaildirDrop}). Either reports when each mail
 * was in the mailbox: latency counts from there. The schedules are the same for both.
 */
interface MailDrop extends AutoCloseable {
    /**
     * Queues one mail for its worker.
     *
     * @param due       when it was meant to leave ({@link System#nanoTime()}), to measure how late it did
     * @param delivered called with the mail and {@link System#nanoTime()} once it is in the mailbox
     */
    Future<?> hand(BenchMail mail, String recipient, long due, BiConsumer<BenchMail, Long> delivered);

    /** Hands every mail over at once: the workers drain the queue as fast as the server takes mail. */
    default List<Future<?>> allAtOnce(List<BenchMail> mails, BiConsumer<BenchMail, Long> delivered) {
        List<Future<?>> sent = new ArrayList<>();
        for (BenchMail mail : mails) {
            sent.add(hand(mail, mail.to(), System.nanoTime(), delivered));
        }
        return sent;
    }

    /** Hands mail {@code i} over at {@code start + i / perSecond} (open loop); returns when the last one was. */
    default List<Future<?>> atRate(List<BenchMail> mails, double perSecond, BiConsumer<BenchMail, Long> delivered)
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
    default void deliverAllTo(List<BenchMail> mails, String mailbox) throws Exception {
        List<Future<?>> sent = new ArrayList<>();
        for (BenchMail mail : mails) {
            sent.add(hand(mail, mailbox, System.nanoTime(), (m, t) -> { }));
        }
        for (Future<?> future : sent) {
            future.get();
        }
    }

    /** How late a mail left against its schedule, at worst. */
    long maxLagMillis();

    int failures();

    @Override
    void close();
}
