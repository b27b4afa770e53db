package org.redress.parsing;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.redress.bytes.SizedBuffer;

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

    /**
     * @param bytes   the decoded bytes, at most the cap given to {@link #decode(Part, long)}
     * @param damaged true when the transfer encoding broke off and only the bytes before the damage are here
     * @param size    the decoded size of the whole part, larger than {@code bytes} when the part was over the cap
     */
    record Decoded(byte[] bytes, boolean damaged, long size) {
        boolean cut() {
            return size > bytes.length;
        }
    }

    static byte[] read(Part part, long cap) {
        return decode(part, cap).bytes();
    }

    /**
     * Decodes the part as it streams from the message, keeping at most {@code cap} bytes and counting the rest, so that
     * an oversized file costs its size in time, not in memory.
     */
    static Decoded decode(Part part, long cap) {
        String encoding = encoding(part);
        try (InputStream raw = rawStream(part)) {
            if (raw == null) {
                return new Decoded(new byte[0], false, 0);
            }
            long expected = expectedSize(part, encoding);
            if (encoding == null) {
                return readCapped(raw, cap, false, expected);
            }
            InputStream decoded;
            try {
                decoded = MimeUtility.decode(raw, encoding);
            } catch (MessagingException unknownEncoding) {
                return readCapped(raw, cap, false, expected);
            }
            return readCapped(decoded, cap, false, expected);
        } catch (IOException | MessagingException | RuntimeException damaged) {
            return encoding == null ? new Decoded(new byte[0], true, 0) : salvage(part, encoding, cap);
        }
    }

    /** The part's body exactly as it was transferred, before any Content-Transfer-Encoding is undone. */
    static byte[] raw(Part part) {
        try (InputStream in = rawStream(part)) {
            return in == null ? new byte[0] : readCapped(in, Integer.MAX_VALUE - 64, false, 0).bytes();
        } catch (IOException | MessagingException | RuntimeException unreadable) {
            return new byte[0];
        }
    }

    /** Decodes again in quanta small enough that an error costs at most one base64 quantum of what came before it. */
    private static Decoded salvage(Part part, String encoding, long cap) {
        try (InputStream raw = rawStream(part);
             InputStream in = MimeUtility.decode(raw, encoding)) {
            return readCapped(in, cap, true, 0);
        } catch (IOException | MessagingException | RuntimeException unreadable) {
            return new Decoded(new byte[0], true, 0);
        }
    }

    /**
     * Reads up to {@code cap} bytes and counts the rest. With {@code salvaging}, reads in tiny chunks and stops at the
     * first error, keeping what came before it.
     */
    private static Decoded readCapped(InputStream in, long cap, boolean salvaging, long expected) throws IOException {
        SizedBuffer out = new SizedBuffer(expected, (int) Math.min(cap, Integer.MAX_VALUE - 64));
        byte[] buffer = new byte[salvaging ? SALVAGE_CHUNK : CHUNK];
        long size = 0;
        boolean damaged = false;
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException | RuntimeException broken) {
                if (!salvaging) {
                    throw broken;
                }
                damaged = true;
                break;
            }
            if (n == -1) {
                break;
            }
            if (size < cap) {
                out.write(buffer, 0, (int) Math.min(n, cap - size));
            }
            size += n;
        }
        return new Decoded(out.bytes(), damaged, size);
    }

    /**
     * About how many bytes the part decodes to, so that its buffer is allocated once: base64 carries 3 bytes in 4
     * characters plus line breaks; other encodings are taken at their transferred size.
     */
    private static long expectedSize(Part part, String encoding) {
        try {
            long transferred = part.getSize();
            if (transferred <= 0) {
                return 0;
            }
            return "base64".equalsIgnoreCase(encoding) ? transferred / 4 * 3 * 76 / 78 + 3 : transferred;
        } catch (MessagingException unknown) {
            return 0;
        }
    }

    static InputStream rawStream(Part part) throws MessagingException, IOException {
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
}
