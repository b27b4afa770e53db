package org.redress.parsing;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import org.redress.complaint.Attachment;
import org.redress.complaint.Complaint;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Raw mail to the normalized {@link Complaint} that everything after intake works from. Real mail is often
 * malformed; a complaint that cannot be parsed perfectly is still a complaint, so this keeps whatever can be read
 * and fails only when there is nothing at all. Thread-safe; share one instance.
 */
public final class MailParser {

    private static final String CHANNEL = "email";

    private final AttachmentReader attachments;
    private final LanguageGuesser languages;
    private final Session session;
    private final MimeWalker walker;

    public MailParser(AttachmentReader attachments, LanguageGuesser languages) {
        this(attachments, languages, Long.MAX_VALUE);
    }

    /** @param maxFileBytes files larger than this are listed with their size, their bytes left in the raw mail */
    public MailParser(AttachmentReader attachments, LanguageGuesser languages, long maxFileBytes) {
        this.attachments = Objects.requireNonNull(attachments, "attachments");
        this.languages = Objects.requireNonNull(languages, "languages");
        this.session = LenientMailSession.create();
        this.walker = new MimeWalker(session, maxFileBytes);
    }

    /**
     * @param rawMime    the message as received (RFC 5322 bytes)
     * @param inbox      the id of the configured inbox that received it
     * @param receivedAt when the gateway took it
     * @throws MailParseException (unchecked) when the bytes hold no header field, no text and no file
     */
    public Complaint parse(byte[] rawMime, String inbox, Instant receivedAt) {
        if (rawMime == null || rawMime.length == 0) {
            throw new MailParseException("empty message: no bytes to parse");
        }
        MimeMessage message;
        try {
            message = new MimeMessage(session, new SharedByteArrayInputStream(rawMime));
        } catch (MessagingException e) {
            throw new MailParseException("unreadable message (" + rawMime.length + " bytes): " + e.getMessage(), e);
        }
        MessageHeaders headers = new MessageHeaders(message);
        MailContent content = walker.walk(message);
        String text = TextCleanup.clean(content.text());
        List<Attachment> files = readAttachments(content);
        if (headers.isEmpty() && text.isEmpty() && files.isEmpty()) {
            throw new MailParseException(nothingUsable(rawMime, content));
        }
        String subject = headers.subject();
        String language = languages.guess(subject.isEmpty() ? text : subject + "\n\n" + text);
        return new Complaint(CHANNEL, inbox, headers.sender(), headers.recipients(), subject, text, language, files,
                headers.messageId(), headers.inReplyTo(), headers.references(), headers.sentAt(), receivedAt,
                headers.all());
    }

    private List<Attachment> readAttachments(MailContent content) {
        List<Attachment> files = new ArrayList<>();
        for (FoundAttachment found : content.attachments()) {
            files.add(found.read(attachments, files.size() + 1));
        }
        return files;
    }

    private static String nothingUsable(byte[] raw, MailContent content) {
        String firstLine = new String(raw, 0, Math.min(raw.length, 200), StandardCharsets.ISO_8859_1)
                .lines().findFirst().orElse("").strip();
        StringBuilder reason = new StringBuilder("not a mail message: no header fields, no text and no attachment in ")
                .append(raw.length).append(" bytes (first line: \"").append(firstLine).append("\")");
        if (!content.problems().isEmpty()) {
            reason.append("; ").append(String.join("; ", content.problems()));
        }
        return reason.toString();
    }
}
