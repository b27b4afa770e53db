package org.redress.parsing;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The decoded bytes of a part, salvaging what can be read: an unknown Content-Transfer-Encoding ("7-bit",
 * "plain", "spam") yields the raw bytes, and a base64 body truncated in transit yields the bytes before the
 * damage, because half a photo or most of a text is still evidence for the complaint.
 */
final class PartBytes {

    private static final int CHUNK = 8192;
    /** Small enough that a decoding error costs at most one base64 quantum of what came before it. */
    private static final int SALVAGE_CHUNK = 3;

    private PartBytes() {
    }

    /** @param damaged true when the transfer encoding broke off and only the bytes before the damage are here */
    record Decoded(byte[] bytes, boolean damaged) {
    }

    static byte[] read(Part part) {
        return decode(part).bytes();
    }

    static Decoded decode(Part part) {
        byte[] raw = raw(part);
        String encoding = encoding(part);
        if (encoding == null || raw.length == 0) {
            return new Decoded(raw, false);
        }
        try {
            return new Decoded(readAll(MimeUtility.decode(new ByteArrayInputStream(raw), encoding), CHUNK), false);
        } catch (MessagingException unknownEncoding) {
            return new Decoded(raw, false);
        } catch (IOException | RuntimeException damaged) {
            return new Decoded(salvage(raw, encoding), true);
        }
    }

    /** The part's body exactly as it was transferred, before any Content-Transfer-Encoding is undone. */
    static byte[] raw(Part part) {
        try (InputStream in = rawStream(part)) {
            return in == null ? new byte[0] : readAll(in, CHUNK);
        } catch (IOException | MessagingException | RuntimeException unreadable) {
            return new byte[0];
        }
    }

    private static byte[] salvage(byte[] raw, String encoding) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[SALVAGE_CHUNK];
        try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(raw), encoding)) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
            }
        } catch (IOException | MessagingException | RuntimeException damaged) {
            // keep what was decoded before the damage
        }
        return out.toByteArray();
    }

    private static InputStream rawStream(Part part) throws MessagingException, IOException {
        if (part instanceof MimeBodyPart body) {
            return body.getRawInputStream();
        }
        if (part instanceof MimeMessage message) {
            return message.getRawInputStream();
        }
        return part.getInputStream();
    }

    private static String encoding(Part part) {
        if (!(part instanceof MimePart mime)) {
            return null;
        }
        try {
            String encoding = mime.getEncoding();
            return encoding == null || encoding.isBlank() ? null : encoding.trim();
        } catch (MessagingException | RuntimeException unparseable) {
            return null;
        }
    }

    private static byte[] readAll(InputStream in, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[chunk];
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
