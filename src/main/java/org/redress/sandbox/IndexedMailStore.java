package org.redress.sandbox;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.InMemoryStore;
import com.icegreen.greenmail.store.MailFolder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GreenMail's mail store, with mailboxes found by their full name in a map. GreenMail walks the folder tree name by
 * name, and every account's folder is a child of one root that it searches in a list: each mail delivered compared
 * the recipient with every account before it (a tenth of the benchmark driver's samples with the 2,600 or so
 * customers of a phase; BENCHMARKS.md, "The collector, the instrument's searches, C2 warmed at a rate, and a warm
 * limit"). Only mailboxes that exist are remembered, and deleting or renaming any mailbox forgets them all, so a name
 * always finds what GreenMail's own walk would find.
 */
final class IndexedMailStore extends InMemoryStore {

    private final Map<String, MailFolder> byName = new ConcurrentHashMap<>();

    @Override
    public MailFolder getMailbox(String absoluteMailboxName) {
        MailFolder known = byName.get(absoluteMailboxName);
        return known != null ? known : walk(absoluteMailboxName);
    }

    /** Under the same lock as deleting and renaming: a folder found just before it is deleted is not remembered. */
    private synchronized MailFolder walk(String absoluteMailboxName) {
        MailFolder found = super.getMailbox(absoluteMailboxName);
        if (found != null) {
            byName.put(absoluteMailboxName, found);
        }
        return found;
    }

    @Override
    public synchronized void deleteMailbox(MailFolder folder) throws FolderException {
        byName.clear();
        super.deleteMailbox(folder);
    }

    @Override
    public synchronized void renameMailbox(MailFolder existingFolder, String newName) {
        byName.clear();
        super.renameMailbox(existingFolder, newName);
    }
}
