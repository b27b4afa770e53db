package org.redress.acknowledgement;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * An answer to a customer's mail, threaded so that their mail program shows it under their complaint and their
 * reply comes back to the same ticket: {@code Re: <subject> [KEY]}, In-Reply-To and References to their message,
 * and {@code Auto-Submitted: auto-replied} so that their own auto-responder does not answer it (RFC 3834).
 *
 * @param messageId     fixed before the mail is queued, so that a resend is the same mail to the customer's program
 * @param autoSubmitted  the Auto-Submitted value (RFC 3834), or null for a mail a person wrote (an agent's comment)
 * @param files         files sent along (an agent's attachments)
 */
public record ReplyMail(String messageId, String from, String fromName, String to, String toName, String subject,
                        String inReplyTo, List<String> references, String language, String text, String ticketKey,
                        Instant date, String autoSubmitted, List<MailFile> files) {
    /** Building a session reads mail provider files from every jar on the class path: one is enough. */
    private static final Session SESSION = Session.getInstance(new Properties());

    /** A file sent to the customer with a mail. */
    public record MailFile(String filename, String mediaType, byte[] content) {
    }

    public ReplyMail {
        references = List.copyOf(references);
        files = List.copyOf(files);
    }

    private static final Pattern OTHER_TAG = Pattern.compile("\\[\\s*[A-Za-z][A-Za-z0-9_]*-\\d+\\s*]");
    private static final Pattern REPLY_PREFIX = Pattern.compile("^\\s*(re|aw|r|sv|antw|ref)\\s*:\\s*",
            Pattern.CASE_INSENSITIVE);

    /** {@code Re: <original subject> [KEY]}, without doubling a Re: or a key the subject already has. */
    public static String replySubject(String original, String ticketKey) {
        String tag = "[" + ticketKey + "]";
        // another ticket's tag (a stranger naming someone's case) must not travel on: only this ticket's key
        String project = ticketKey.substring(0, ticketKey.lastIndexOf('-') + 1);
        String subject = original == null ? "" : OTHER_TAG.matcher(original).replaceAll(m ->
                m.group().equalsIgnoreCase(tag) || !m.group().replaceAll("[\\[\\s]", "").regionMatches(true, 0, project, 0,
                        project.length()) ? java.util.regex.Matcher.quoteReplacement(m.group()) : "");
        subject = subject.replaceAll("[\\r\\n\\t]+", " ").replaceAll(" {2,}", " ").strip();
        String withKey = subject.contains(tag) ? subject : (subject + " " + tag).strip();
        return REPLY_PREFIX.matcher(withKey).find() ? withKey : "Re: " + withKey;
    }

    public byte[] toMime() {
        try {
            MimeMessage mime = new FixedIdMessage(SESSION, messageId);
            mime.setFrom(address(from, fromName));
            mime.setRecipient(jakarta.mail.Message.RecipientType.TO, address(to, toName));
            mime.setSubject(subject, "UTF-8");
            mime.setSentDate(Date.from(date));
            if (files.isEmpty()) {
                mime.setText(text, "UTF-8");
            } else {
                jakarta.mail.internet.MimeMultipart multipart = new jakarta.mail.internet.MimeMultipart("mixed");
                jakarta.mail.internet.MimeBodyPart body = new jakarta.mail.internet.MimeBodyPart();
                body.setText(text, "UTF-8");
                multipart.addBodyPart(body);
                for (MailFile file : files) {
                    jakarta.mail.internet.MimeBodyPart part = new jakarta.mail.internet.MimeBodyPart();
                    part.setDataHandler(new jakarta.activation.DataHandler(
                            new jakarta.mail.util.ByteArrayDataSource(file.content(), file.mediaType())));
                    part.setFileName(jakarta.mail.internet.MimeUtility.encodeText(file.filename(), "UTF-8", null));
                    part.setDisposition(jakarta.mail.Part.ATTACHMENT);
                    multipart.addBodyPart(part);
                }
                mime.setContent(multipart);
            }
            mime.setHeader("Content-Language", language);
            if (autoSubmitted != null) {
                mime.setHeader("Auto-Submitted", autoSubmitted);
            }
            mime.setHeader("X-Auto-Response-Suppress", "All");
            // kept by forwarders and list software: a mail that comes back with it is ignored (screening's LoopRule)
            mime.setHeader("X-Loop", from);
            mime.setHeader("X-Redress-Ticket", ticketKey);
            if (inReplyTo != null) {
                mime.setHeader("In-Reply-To", inReplyTo);
                List<String> chain = new ArrayList<>(references);
                if (!chain.contains(inReplyTo)) {
                    chain.add(inReplyTo);
                }
                mime.setHeader("References", String.join(" ", chain));
            }
            mime.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            mime.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot build the reply mail: " + e.getMessage(), e);
        }
    }

    private static InternetAddress address(String address, String name) throws UnsupportedEncodingException {
        InternetAddress internet = new InternetAddress();
        internet.setAddress(address);
        if (name != null && !name.isBlank()) {
            internet.setPersonal(name.replaceAll("[\\r\\n]+", " "), "UTF-8");
        }
        return internet;
    }

    /** jakarta.mail replaces the Message-ID on every save; ours must stay what the conversation index recorded. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
