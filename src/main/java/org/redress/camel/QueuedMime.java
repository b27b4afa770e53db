package org.redress.camel;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;

/**
 * A mail as the outbox keeps it: complete (Date, Message-ID, MIME-Version written when it was composed) and sent byte
 * for byte as stored. Jakarta Mail's usual {@code saveChanges()} would decode and encode the body again and make up a
 * Message-ID (looking up the host's name) only for the sender to put the stored one back: CPU for nothing, and a mail
 * sent again after a crash could differ from the first copy.
 */
final class QueuedMime extends MimeMessage {
    QueuedMime(Session session, byte[] stored) throws MessagingException {
        super(session, new ByteArrayInputStream(stored));
    }
}
