package org.redress.config;

/** The mailbox protocols camel-mail can consume from. */
public enum MailProtocol {
    IMAP, IMAPS, POP3, POP3S;

    public String scheme() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** POP3 has no folders and no flags: handled mail is deleted (the register keeps the raw message). */
    public boolean hasFolders() {
        return this == IMAP || this == IMAPS;
    }
}
