package org.redress.camel.imap;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.io.IOException;
import org.redress.bytes.SizedBuffer;

/** A mail as the server holds it (IMAP or POP3): its bytes, and the server's own lasting name for it. */
public final class ServerMail {
    private ServerMail() {
    }

    /**
     * Reads at most {@code limit} bytes of the mail: a mail larger than that is cut there, and the fetch stops, so that
     * one huge mail costs at most the limit in memory.
     */
    public static FetchedMail read(String id, Message mail, int limit) throws MessagingException, IOException {
        int announced = mail.getSize();
        // IMAP's RFC822.SIZE is exact: the buffer is then filled to the byte and handed on without a copy
        SizedBuffer raw = new SizedBuffer(announced > 0 ? announced : 8192, limit);
        try {
            mail.writeTo(raw);
        } catch (SizedBuffer.Full full) {
            return new FetchedMail(id, raw.bytes(), Math.max(announced, limit + 1L), null);
        } catch (MessagingException e) {
            if (!(e.getCause() instanceof SizedBuffer.Full)) {
                throw e;
            }
            return new FetchedMail(id, raw.bytes(), Math.max(announced, limit + 1L), null);
        }
        // read whole: its size is what was read (servers' announced sizes can be approximate)
        return new FetchedMail(id, raw.bytes(), raw.size(), null);
    }

    /**
     * The IMAP UIDVALIDITY and UID, or the POP3 UIDL: both name the mail across sessions, unlike its message
     * number, which another mail takes once earlier ones are deleted.
     */
    public static String id(Message mail) {
        Folder folder = mail.getFolder();
        try {
            if (folder instanceof UIDFolder uids) {
                return "uid " + uids.getUIDValidity() + "/" + uids.getUID(mail);
            }
            // angus-mail's POP3Folder.getUID(Message) answers the UIDL; it is not a UIDFolder
            Object uidl = folder.getClass().getMethod("getUID", Message.class).invoke(folder, mail);
            if (uidl != null) {
                return "uidl " + uidl;
            }
        } catch (MessagingException | ReflectiveOperationException e) {
            // fall back to the message number
        }
        return "message " + mail.getMessageNumber();
    }
}
