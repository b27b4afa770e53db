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
     * The IMAP UIDVALIDITY and UID (stable across sessions), or the message number for POP3, which is only stable
     * while the mail stays in the mailbox, which it does until it is handled.
     */
    static String id(Message mail) {
        Folder folder = mail.getFolder();
        try {
            if (folder instanceof UIDFolder uids) {
                return "uid " + uids.getUIDValidity() + "/" + uids.getUID(mail);
            }
        } catch (MessagingException e) {
            // fall back to the message number
        }
        return "message " + mail.getMessageNumber();
    }
}
