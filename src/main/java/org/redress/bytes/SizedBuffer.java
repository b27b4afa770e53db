package org.redress.bytes;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * An in-memory byte sink for mails and files whose size is known, or nearly, before they are read: it starts at that
 * size, grows by an eighth rather than doubling when the estimate was short, and hands its array over without a copy
 * when it is full to the byte. A {@link java.io.ByteArrayOutputStream} reading a 34 MB mail allocates 34 + 68 + 34
 * MB on the way; this allocates the 34 once, which is what bounds the gateway's heap while large attachments flow.
 * Not thread-safe: one reader fills it.
 */
public final class SizedBuffer extends OutputStream {
    private static final int MIN_STEP = 64 * 1024;

    private final int cap;
    private byte[] buf;
    private int count;

    /**
     * @param expected how many bytes are likely to come (an IMAP RFC822.SIZE, a base64 length × 3/4); 0 if unknown
     * @param cap      the most it will ever hold: writing past it throws {@link Full} after keeping what fits
     */
    public SizedBuffer(long expected, int cap) {
        this.cap = cap;
        this.buf = new byte[(int) Math.max(0, Math.min(expected, cap))];
    }

    @Override
    public void write(int b) {
        if (count >= cap) {
            throw new Full();
        }
        ensure(count + 1);
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        int fits = Math.min(len, cap - count);
        if (fits > 0) {
            ensure(count + fits);
            System.arraycopy(b, off, buf, count, fits);
            count += fits;
        }
        if (fits < len) {
            throw new Full();
        }
    }

    private void ensure(int needed) {
        if (needed > buf.length) {
            long grown = Math.max((long) needed, buf.length + Math.max(MIN_STEP, buf.length / 8L));
            buf = Arrays.copyOf(buf, (int) Math.min(grown, cap));
        }
    }

    public int size() {
        return count;
    }

    /** The bytes written: the buffer itself when it is full to the byte, else a copy of the part written. */
    public byte[] bytes() {
        return count == buf.length ? buf : Arrays.copyOf(buf, count);
    }

    /** Writing went past the cap. Unchecked, so that it passes through writeTo methods that declare only their own. */
    public static final class Full extends RuntimeException {
        public Full() {
            super("more bytes than the buffer's cap", null, false, false);
        }
    }
}
