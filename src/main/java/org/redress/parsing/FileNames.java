package org.redress.parsing;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File names as the ticket shows them. Every attachment needs one (agents download them), mail programs send names
 * RFC 2231-, RFC 2047- or not encoded at all, with Windows paths or none; names made up here say what the file is.
 */
final class FileNames {

    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}\\\\/:*?\"<>|]+");
    private static final int MAX_LENGTH = 120;
    private static final Pattern BROKEN_NAME_PARAMETER =
            Pattern.compile("(?i)(?:^|[;\\s])(?:file)?name\\s*=\\s*(?:\"([^\"]*)\"|([^;\"\\r\\n]+))");

    private FileNames() {
    }

    /** The part's decoded file name (Content-Disposition filename, else Content-Type name), or null. */
    static String of(Part part, PartType type) {
        String name;
        try {
            name = part.getFileName();
        } catch (MessagingException | RuntimeException unparseableDisposition) {
            name = null;
        }
        if (name == null || name.isBlank()) {
            name = type.parameter("name");
        }
        if (name == null || name.isBlank()) {
            name = salvaged(part);
        }
        return clean(HeaderText.decode(name));
    }

    /**
     * jakarta.mail rejects a whole parameter list for one unquoted space or 8-bit byte ("name=This is a test.txt")
     * unless a JVM-wide property is set; the name is the one thing worth rescuing from such a header.
     */
    private static String salvaged(Part part) {
        for (String header : new String[] {"Content-Disposition", "Content-Type"}) {
            try {
                String[] values = part.getHeader(header);
                if (values == null) {
                    continue;
                }
                Matcher m = BROKEN_NAME_PARAMETER.matcher(values[0]);
                if (m.find()) {
                    return m.group(1) != null ? m.group(1) : m.group(2).strip();
                }
            } catch (MessagingException ignored) {
                // no such header
            }
        }
        return null;
    }

    /** The name without directories or control characters, or null when nothing is left. */
    static String clean(String name) {
        if (name == null) {
            return null;
        }
        String n = name.strip();
        int lastSeparator = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        if (lastSeparator >= 0) {
            n = n.substring(lastSeparator + 1);
        }
        n = n.replaceAll("\\p{Cntrl}", "").strip();
        return n.isEmpty() ? null : n;
    }

    /** "attachment-2.pdf": the position in the complaint's attachment list and the extension of the real type. */
    static String synthesized(int position, String mediaType) {
        return "attachment-" + position + extension(mediaType);
    }

    /** "<subject>.eml" for a forwarded message, so an agent sees which mail it is before opening it. */
    static String forwarded(String subject) {
        String base = subject == null ? "" : UNSAFE.matcher(subject).replaceAll("_").strip();
        if (base.length() > MAX_LENGTH) {
            base = base.substring(0, MAX_LENGTH).strip();
        }
        return (base.isEmpty() ? "forwarded" : base) + ".eml";
    }

    static String extension(String mediaType) {
        try {
            String ext = MimeTypes.getDefaultMimeTypes().forName(mediaType.toLowerCase(Locale.ROOT)).getExtension();
            return ext == null || ext.isEmpty() ? ".bin" : ext;
        } catch (MimeTypeException | RuntimeException unknown) {
            return ".bin";
        }
    }
}
