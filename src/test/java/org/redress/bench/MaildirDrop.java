package org.redress.bench;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.redress.bench.ComplaintMix.BenchMail;

/**
 * Delivers into Dovecot as its local delivery agent does: each mail written in the user's {@code tmp/}, handed to the
 * mail user, and moved into {@code new/} in one rename, when it is in the mailbox. Dovecot has no SMTP
 * ({@code ../shared/notes/dovecot.md}); this costs the driver a file write per mail, where SMTP into GreenMail cost
 * a MIME parse and a store that slows down with the mailbox.
 */
final class MaildirDrop implements MailDrop {
    private static final AtomicLong UNIQUE = new AtomicLong();

    private final DovecotPeer dovecot;
    private final UserPrincipal owner;
    private final ExecutorService writers;
    private final AtomicLong maxLagNanos = new AtomicLong();
    private final AtomicInteger failures = new AtomicInteger();

    MaildirDrop(DovecotPeer dovecot, int writerCount) throws Exception {
        this.dovecot = dovecot;
        this.owner = FileSystems.getDefault().getUserPrincipalLookupService()
                .lookupPrincipalByName(DovecotPeer.SYSTEM_USER);
        AtomicInteger threads = new AtomicInteger();
        this.writers = Executors.newFixedThreadPool(writerCount, r -> {
            Thread thread = new Thread(r, "bench-maildir-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Future<?> hand(BenchMail mail, String recipient, long due, BiConsumer<BenchMail, Long> delivered) {
        return writers.submit(() -> drop(mail, recipient, due, delivered));
    }

    private void drop(BenchMail mail, String user, long due, BiConsumer<BenchMail, Long> delivered) {
        maxLagNanos.accumulateAndGet(System.nanoTime() - due, Math::max);
        try {
            Path maildir = dovecot.maildir(user);
            String file = (System.currentTimeMillis() / 1000) + ".M" + UNIQUE.incrementAndGet() + "P"
                    + ProcessHandle.current().pid() + ".bench,S=" + mail.raw().length;
            Path tmp = maildir.resolve("tmp").resolve(file);
            Files.write(tmp, mail.raw());
            Files.getFileAttributeView(tmp, PosixFileAttributeView.class).setOwner(owner);
            Files.move(tmp, maildir.resolve("new").resolve(file), StandardCopyOption.ATOMIC_MOVE);
            delivered.accept(mail, System.nanoTime());
        } catch (Exception e) {
            failures.incrementAndGet();
            System.err.println("bench: could not deliver " + mail.messageId() + " into " + user + ": " + e);
        }
    }

    @Override
    public long maxLagMillis() {
        return TimeUnit.NANOSECONDS.toMillis(maxLagNanos.get());
    }

    @Override
    public int failures() {
        return failures.get();
    }

    @Override
    public void close() {
        writers.shutdownNow();
    }
}
