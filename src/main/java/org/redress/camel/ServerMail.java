package org.redress.camel;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** A mail as the server holds it: its bytes, and the server's own name for it when the bytes cannot be had. */
final class ServerMail {
    private ServerMail() {
    }

    static byte[] bytes(Message mail) throws MessagingException, IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(Math.max(1024, mail.getSize()));
        mail.writeTo(raw);
        return raw.toByteArray();
    }

    /**
     * The IMAP UIDVALIDITY and UID, or the POP3 UIDL: both name the mail across sessions, unlike its message
     * number, which another mail takes once earlier ones are deleted.
     */
    static String id(Message mail) {
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
