package org.redress.parsing;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;

import java.util.Locale;

/**
 * The Content-Type of a part, read the way {@code MimeBodyPart.isMimeType} does when the header is broken: a bad
 * parameter list must not hide the media type, because the media type decides whether a part is the customer's
 * words or a file.
 */
final class PartType {

    private final String baseType;
    private final ContentType contentType;

    private PartType(String baseType, ContentType contentType) {
        this.baseType = baseType;
        this.contentType = contentType;
    }

    static PartType of(Part part) {
        String raw;
        try {
            raw = part.getContentType();
        } catch (MessagingException e) {
            raw = null;
        }
        return parse(raw);
    }

    static PartType parse(String raw) {
        ContentType ct = lenient(raw);
        if (ct == null || ct.getPrimaryType() == null || ct.getSubType() == null) {
            return new PartType("text/plain", null);
        }
        return new PartType(ct.getBaseType().toLowerCase(Locale.ROOT), ct);
    }

    private static ContentType lenient(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return new ContentType(raw);
        } catch (ParseException e) {
            int semicolon = raw.indexOf(';');
            if (semicolon > 0) {
                try {
                    return new ContentType(raw.substring(0, semicolon));
                } catch (ParseException ignored) {
                    return null;
                }
            }
            return null;
        }
    }

    /** Lower-case "type/subtype"; text/plain when the header is missing or unreadable (RFC 2045 default). */
    String baseType() {
        return baseType;
    }

    boolean isMultipart() {
        return baseType.startsWith("multipart/");
    }

    boolean isText() {
        return baseType.startsWith("text/");
    }

    boolean isHtml() {
        return baseType.equals("text/html");
    }

    boolean isForwardedMessage() {
        return baseType.equals("message/rfc822") || baseType.equals("message/global");
    }

    /** A Content-Type parameter (RFC 2231 decoded by jakarta.mail), or null. */
    String parameter(String name) {
        return contentType == null ? null : contentType.getParameter(name);
    }

    /** The header as jakarta.mail re-serialises it, for building a data source that finds the boundary. */
    String headerValue() {
        return contentType == null ? baseType : contentType.toString();
    }
}
