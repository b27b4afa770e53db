package org.redress.parsing;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.activation.DataSource;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.mail.util.SharedByteArrayInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Walks a message's MIME tree and sorts every part into the customer's words, a file, or a forwarded message.
 * A part that cannot be read costs that part only: the walk records the problem and goes on, and a multipart whose
 * boundary is wrong is retried with jakarta.mail guessing the boundary, then read as plain text.
 */
final class MimeWalker {

    /** Types whose text is the customer's words; other text/* (calendar, csv, vcard, code) is a file. */
    private static final Set<String> BODY_TYPES = Set.of("text/plain", "text/html", "text/enriched");
    /** Deeper nesting is pathological (or hostile); the rest is kept as one file rather than walked. */
    private static final int MAX_DEPTH = 20;

    private final Session session;
    private final long maxFileBytes;

    /** @param maxFileBytes a file larger than this is listed with its size but its bytes are not kept */
    MimeWalker(Session session, long maxFileBytes) {
        this.session = session;
        this.maxFileBytes = maxFileBytes;
    }

    MailContent walk(MimeMessage message) {
        MailContent content = new MailContent();
        walkPart(message, content, 0);
        return content;
    }

    private void walkPart(Part part, MailContent out, int depth) {
        PartType type = PartType.of(part);
        try {
            if (depth > MAX_DEPTH) {
                out.addProblem("MIME nesting deeper than " + MAX_DEPTH + " kept as a file");
                addFile(null, part, type, out);
            } else if (type.isMultipart()) {
                walkMultipart(part, type, out, depth);
            } else if (type.isForwardedMessage()) {
                walkForwarded(part, out, depth);
            } else {
                String filename = FileNames.of(part, type);
                if (filename == null && !isAttachmentDisposition(part) && BODY_TYPES.contains(type.baseType())) {
                    readText(part, type, out);
                } else {
                    addFile(filename, part, type, out);
                }
            }
        } catch (RuntimeException unexpected) {
            out.addProblem(type.baseType() + " part unreadable: " + unexpected);
        }
    }

    private void addFile(String filename, Part part, PartType type, MailContent out) {
        PartBytes.Decoded decoded = PartBytes.decode(part, maxFileBytes);
        out.addAttachment(decoded.cut()
                ? new FoundAttachment.Withheld(filename, type.baseType(), decoded.size(), maxFileBytes)
                : new FoundAttachment.File(filename, decoded.bytes(), type.baseType()));
    }

    private static boolean isAttachmentDisposition(Part part) {
        try {
            String disposition = part.getDisposition();
            return disposition != null && disposition.strip().toLowerCase(Locale.ROOT).startsWith(Part.ATTACHMENT);
        } catch (MessagingException | RuntimeException unparseable) {
            return false;
        }
    }

    /** A text body longer than the file limit is read up to it: the beginning of what the customer wrote still counts. */
    private void readText(Part part, PartType type, MailContent out) {
        PartBytes.Decoded decoded = PartBytes.decode(part, maxFileBytes);
        String text = CharsetText.decode(decoded.bytes(), type.parameter("charset"));
        out.addText(type.isHtml() ? HtmlText.toText(text) : text, !type.isHtml());
        if (decoded.damaged()) {
            out.addDamagedText(type.baseType() + " part cut short by a broken transfer encoding");
        }
        if (decoded.cut()) {
            out.addProblem(type.baseType() + " part of " + decoded.size() + " bytes read up to its first "
                    + maxFileBytes + " bytes");
        }
    }

    private void walkMultipart(Part part, PartType type, MailContent out, int depth) {
        // RFC 2046 forbids encoding a multipart, so the raw body comes first (read in place: its parts share the
        // message's bytes); some senders encode it anyway
        List<BodyPart> parts = bodyParts(new RawBody(part, type.headerValue()));
        if (parts == null) {
            parts = bodyParts(new RawBody(part, type.baseType()));
        }
        if (parts == null) {
            byte[] body = PartBytes.raw(part);
            byte[] decoded = PartBytes.read(part, maxFileBytes);
            if (!Arrays.equals(decoded, body)) {
                parts = bodyParts(decoded, type);
            }
            if (parts == null) {
                out.addProblem(type.baseType() + " without readable parts, kept as text");
                out.addText(CharsetText.decode(body, type.parameter("charset")), true);
                return;
            }
        }
        if (type.baseType().equals("multipart/alternative")) {
            walkAlternatives(parts, out, depth);
        } else {
            for (BodyPart bodyPart : parts) {
                walkPart(bodyPart, out, depth + 1);
            }
        }
    }

    private static MailContent choose(List<MailContent> alternatives, boolean intactOnly) {
        MailContent richest = null;
        for (MailContent alternative : alternatives) {
            if (!alternative.hasText() || (intactOnly && alternative.isDamaged())) {
                continue;
            }
            if (alternative.hasPlainText()) {
                return alternative;
            }
            richest = alternative;
        }
        return richest;
    }

    /**
     * The parts, or null when there are none. When the stated boundary is not in the body, jakarta.mail is asked
     * again without it, and then takes the first "--" line as the boundary.
     */
    private static List<BodyPart> bodyParts(byte[] body, PartType type) {
        List<BodyPart> parts = bodyParts(body, type.headerValue());
        return parts != null ? parts : bodyParts(body, type.baseType());
    }

    private static List<BodyPart> bodyParts(byte[] body, String contentType) {
        return bodyParts(new ByteArrayDataSource(body, contentType));
    }

    private static List<BodyPart> bodyParts(DataSource body) {
        try {
            MimeMultipart multipart = new MimeMultipart(body);
            int count = multipart.getCount();
            if (count == 0) {
                return null;
            }
            List<BodyPart> parts = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                parts.add(multipart.getBodyPart(i));
            }
            return parts;
        } catch (MessagingException | RuntimeException unreadable) {
            return null;
        }
    }

    /**
     * Text from the first plain-text alternative that has some, else from the last alternative that has any
     * (RFC 2046: the last is the richest), preferring alternatives whose transfer encoding was intact; files from
     * every alternative, since the HTML's inline images are not repeated in the plain text.
     */
    private void walkAlternatives(List<BodyPart> parts, MailContent out, int depth) {
        List<MailContent> alternatives = new ArrayList<>();
        for (BodyPart part : parts) {
            MailContent alternative = new MailContent();
            walkPart(part, alternative, depth + 1);
            alternatives.add(alternative);
        }
        MailContent chosen = choose(alternatives, true);
        if (chosen == null) {
            chosen = choose(alternatives, false);
        }
        for (MailContent alternative : alternatives) {
            if (alternative == chosen) {
                out.addAll(alternative);
            } else {
                out.addFilesOf(alternative);
            }
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    /** A multipart's body as a data source that streams it from the message instead of copying it. */
    private record RawBody(Part part, String contentType) implements DataSource {
        @Override
        public InputStream getInputStream() throws IOException {
            try {
                InputStream raw = PartBytes.rawStream(part);
                return raw == null ? InputStream.nullInputStream() : raw;
            } catch (MessagingException e) {
                throw new IOException(e);
            }
        }

        @Override
        public OutputStream getOutputStream() {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getName() {
            return "multipart body";
        }
    }

    private void walkForwarded(Part part, MailContent out, int depth) {
        PartBytes.Decoded whole = PartBytes.decode(part, maxFileBytes);
        if (whole.cut()) {
            out.addProblem("forwarded message of " + whole.size() + " bytes read up to its first " + maxFileBytes);
        }
        byte[] bytes = whole.bytes();
        if (isBlank(bytes)) {
            out.addProblem("empty forwarded message dropped");
            return;
        }
        MimeMessage forwarded;
        try {
            forwarded = new MimeMessage(session, new SharedByteArrayInputStream(bytes));
        } catch (MessagingException unreadable) {
            out.addProblem("forwarded message unreadable: " + unreadable.getMessage());
            out.addAttachment(new FoundAttachment.File(FileNames.forwarded(null), bytes, "message/rfc822"));
            return;
        }
        MessageHeaders headers = new MessageHeaders(forwarded);
        MailContent inner = new MailContent();
        walkPart(forwarded, inner, depth + 1);
        String text = TextCleanup.clean(inner.text());
        if (headers.isEmpty() && text.isEmpty() && inner.attachments().isEmpty()) {
            // not a message after all (a placeholder line in a report): keep the bytes, add no empty block
            out.addAttachment(new FoundAttachment.File(FileNames.forwarded(null), bytes, "message/rfc822"));
            return;
        }
        out.addForwarded(ForwardedBlock.format(headers, text));
        out.addAttachment(new FoundAttachment.ForwardedMessage(FileNames.forwarded(headers.subject()), bytes, text));
        for (FoundAttachment attachment : inner.attachments()) {
            out.addAttachment(attachment);
        }
        inner.problems().forEach(out::addProblem);
    }
}
