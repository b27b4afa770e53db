package org.redress.jira;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The label that ties a ticket to the mail it was opened for: {@code redress-mail-} and a hash of the mail's identity
 * (its Message-ID, else its content). Creating an issue is not idempotent in Jira; looking the label up before a
 * second attempt is what keeps a crash, or an answer lost on the way back, from opening a second ticket. A hash,
 * not the register's id, so that two registers (say, a staging gateway) never mistake each other's tickets.
 */
public final class MailLabel {
    private MailLabel() {
    }

    public static String of(String mailIdentity) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(mailIdentity.getBytes(StandardCharsets.UTF_8));
            return "redress-mail-" + HexFormat.of().formatHex(hash, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** JQL finding the ticket opened for the mail. */
    public static String jql(String mailIdentity) {
        return "labels = " + of(mailIdentity);
    }
}
