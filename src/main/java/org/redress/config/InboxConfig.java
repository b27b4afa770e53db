package org.redress.config;

import java.time.ZoneId;
import java.util.Locale;
import org.redress.followup.BusinessCalendar;

/**
 * One complaint mailbox. The password is held only to build the connection; {@link #toString()} never shows it.
 *
 * @param id              the short name used in keys ({@code redress.inbox.<id>.*}), route ids and the register
 * @param address         the public address customers write to; acknowledgements are sent from it
 * @param protocol        how the mailbox is read
 * @param processedFolder IMAP folder handled mail is moved to, or null to leave it in place marked seen
 * @param timeZone        where the inbox's customers and agents are: business hours and dates in mails use it
 * @param calendar        the business hours reminders and service-level targets count in
 * @param oauth           how to get the XOAUTH2 access token used instead of the password, or null for a password
 */
public record InboxConfig(String id, String address, MailProtocol protocol, String host, int port, String user,
                          String password, String folder, String processedFolder, String jiraProject,
                          String issueType, String language, ZoneId timeZone,
                          BusinessCalendar calendar, OAuthConfig oauth) {

    public InboxConfig {
        address = address.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "Inbox[" + id + " " + address + " " + protocol.scheme() + "://" + host + ":" + port + "/" + folder
                + " user=" + user + (oauth == null ? " password=****]" : " " + oauth + "]");
    }
}
