package org.redress.intake;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.util.Locale;

/**
 * Which conversation a mail belongs to for ordering: its sender's address, read from the header alone, so that a
 * customer's complaint and their reply to it are handled one after the other, in the order they arrived, whichever
 * lane or node handles them. A mail whose sender cannot be read is a conversation of its own ({@code fallback}).
 */
public final class SenderKey {
    private SenderKey() {
    }

    public static String of(byte[] raw, String fallback) {
        if (raw == null) {
            return fallback;
        }
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(raw, 0, headerEnd(raw)), true);
            String from = headers.getHeader("From", ",");
            if (from != null) {
                InternetAddress[] addresses = InternetAddress.parseHeader(from, false);
                if (addresses.length > 0 && addresses[0].getAddress() != null) {
                    return addresses[0].getAddress().toLowerCase(Locale.ROOT);
                }
            }
        } catch (jakarta.mail.MessagingException | RuntimeException e) {
            // unreadable headers: any lane will do, the pipeline reports the mail
        }
        return fallback;
    }

    /** Up to the blank line that ends the header, or at most 64 KB: a lane is not worth reading a whole mail. */
    private static int headerEnd(byte[] raw) {
        int limit = Math.min(raw.length, 1 << 16);
        for (int i = 0; i + 1 < limit; i++) {
            if (raw[i] == '\n' && (raw[i + 1] == '\n' || raw[i + 1] == '\r' && i + 2 < limit && raw[i + 2] == '\n')) {
                return i + 1;
            }
        }
        return limit;
    }
}
