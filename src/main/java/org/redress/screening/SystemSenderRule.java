package org.redress.screening;

import org.redress.complaint.Complaint;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Senders that are programs by convention: MAILER-DAEMON and postmaster send bounces (RFC 5321 §4.5.1), and
 * "noreply"-style mailboxes say in their name that nobody reads the answer. A noreply sender is not an auto-reply
 * as such, but a customer never complains from one, and an acknowledgement sent to it would go nowhere; such mail
 * is ignored with its own reason so the log does not call it an auto-reply.
 */
final class SystemSenderRule implements ScreeningRule {

    private static final Pattern DAEMON = Pattern.compile("mailer-daemon|postmaster");
    /** noreply, no-reply, no_reply, donotreply, do-not-reply, and their suffixed forms (noreply-billing). */
    private static final Pattern NO_REPLY = Pattern.compile("(?:no|do[-_.]?not)[-_.]?reply.*");

    /** MAILER-DAEMON or postmaster: the senders of bounces. */
    static boolean isMailSystem(Complaint mail) {
        return DAEMON.matcher(localPart(mail)).matches();
    }

    @Override
    public String reasonToIgnore(Complaint mail) {
        String address = mail.sender() == null ? "" : mail.sender().address();
        String local = localPart(mail);
        if (DAEMON.matcher(local).matches()) {
            return "system sender: " + address;
        }
        if (NO_REPLY.matcher(local).matches()) {
            return "sender does not accept replies: " + address;
        }
        return null;
    }

    private static String localPart(Complaint mail) {
        String address = mail.sender() == null || mail.sender().address() == null ? "" : mail.sender().address();
        int at = address.lastIndexOf('@');
        return (at >= 0 ? address.substring(0, at) : address).toLowerCase(Locale.ROOT);
    }
}
