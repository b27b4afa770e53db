package org.redress.config;

import java.util.Locale;

/**
 * One complaint mailbox. The password is held only to build the connection; {@link #toString()} never shows it.
 *
 * @param id              the short name used in keys ({@code redress.inbox.<id>.*}), route ids and the register
 * @param address         the public address customers write to; acknowledgements are sent from it
 * @param protocol        how the mailbox is read
 * @param processedFolder IMAP folder handled mail is moved to, or null to leave it in place marked seen
 */
public record InboxConfig(String id, String address, MailProtocol protocol, String host, int port, String user,
                          String password, String folder, String processedFolder, String jiraProject,
                          String issueType, String language) {

    public InboxConfig {
        address = address.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "Inbox[" + id + " " + address + " " + protocol.scheme() + "://" + host + ":" + port + "/" + folder
                + " user=" + user + " password=****]";
    }
}
