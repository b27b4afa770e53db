package org.redress.acknowledgement;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;

/**
 * The words of a mail the gateway composed, for reply routes of channels that do not carry MIME (a file, a queue,
 * a chat): every mail to a customer has its text as its first text/plain part ({@link ReplyMail}).
 */
public final class PlainText {
    private PlainText() {
    }

    /** The first text/plain part's text, or an empty string when the mail has none. */
    public static String of(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = of(multipart.getBodyPart(i));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }
}
