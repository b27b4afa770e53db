package org.redress.bench;

import org.redress.bench.ComplaintMix.BenchMail;

/**
 * Delivers into Dovecot as its local delivery agent does: each mail written in the user's {@code tmp/}, handed to the
 * mail user, and moved into {@code new/} in one rename, when it is in the mailbox. Dovecot has no SMTP
 * ({@code ../shared/notes/dovecot.md}); this costs the driver a file write per mail, where SMTP into GreenMail cost
 * a MIME parse and a store that slows down with the mailbox.
 */
final class MaildirDrop extends MailDrop {
    private final DovecotPeer dovecot;

    MaildirDrop(DovecotPeer dovecot, int writerCount) {
        super("bench-maildir", writerCount);
        this.dovecot = dovecot;
    }

    @Override
    void put(BenchMail mail, String user) throws Exception {
        dovecot.deliverNew(user, mail.raw());
    }
}
