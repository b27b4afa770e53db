package org.redress.bench;

import java.util.List;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import org.redress.bench.ComplaintMix.BenchMail;

/**
 * How the benchmark hands mail to the inboxes' server: by SMTP to the sandbox's GreenMail ({@link SmtpDriver}), or
 * straight into Dovecot's Maildirs as its delivery agent would ({@link MaildirDrop}). Either reports when each mail
 * was in the mailbox: latency counts from there.
 */
interface MailDrop extends AutoCloseable {
    /** @param delivered called with each mail and {@link System#nanoTime()} once it is in the mailbox */
    List<Future<?>> allAtOnce(List<BenchMail> mails, BiConsumer<BenchMail, Long> delivered);

    /** Hands mail {@code i} over at {@code start + i / perSecond} (open loop); returns when the last one was. */
    List<Future<?>> atRate(List<BenchMail> mails, double perSecond, BiConsumer<BenchMail, Long> delivered)
            throws InterruptedException;

    /** Puts every mail into one mailbox (the limit client's), waiting for each. */
    void deliverAllTo(List<BenchMail> mails, String mailbox) throws Exception;

    /** How late a mail left against its schedule, at worst. */
    long maxLagMillis();

    int failures();

    @Override
    void close();
}
