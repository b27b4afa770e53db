package org.redress.intake;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two deliveries the same mail. The Message-ID when there is one; a hash of the parts a sender writes
 * (From, Date, Subject and the body) when there is none. The content hash leaves out the header block on purpose:
 * every delivery adds its own Received and Return-Path lines, and a re-delivered mail must still be recognised.
 *
 * <p>A mail with a Message-ID is not hashed: SHA-256 of every mail taken in was 11 % of the gateway's CPU samples in a
 * flood, about 5 % of its CPU measured (C1 has no SHA intrinsic; BENCHMARKS.md). When its Message-ID comes again, its
 * body is compared byte for byte with the earlier mail's, which the register keeps: exact where a hash is only nearly
 * so, and paid only then.
 *
 * @param messageId   the Message-ID with angle brackets, or null
 * @param contentHash SHA-256 (hex) of the body, below the header block; null for a mail with a Message-ID until it
 *                    turns out to be a different mail reusing one ({@link #distinctFromEarlierMailWithSameId})
 */
public record MailIdentity(String messageId, String contentHash, String dedupKey) {

    public static MailIdentity of(byte[] raw) {
        int bodyStart = bodyStart(raw);
        String messageId = null;
        String from = "";
        String date = "";
        String subject = "";
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(raw, 0, bodyStart));
            messageId = normalise(headers.getHeader("Message-ID", null));
            from = nullToEmpty(headers.getHeader("From", ","));
            date = nullToEmpty(headers.getHeader("Date", null));
            subject = nullToEmpty(headers.getHeader("Subject", null));
        } catch (MessagingException e) {
            // unreadable header block: the content alone identifies the mail
        }
        if (messageId != null) {
            return new MailIdentity(messageId, null, messageId);
        }
        String bodyHash = sha256(raw, bodyStart, raw.length - bodyStart);
        String dedupKey = "sha256:" + sha256((from + "\n" + date + "\n" + subject + "\n" + bodyHash)
                .getBytes(StandardCharsets.UTF_8));
        return new MailIdentity(null, bodyHash, dedupKey);
    }

    /** A different mail that reuses a Message-ID we already have gets a key of its own, from its body's hash. */
    public MailIdentity distinctFromEarlierMailWithSameId(byte[] raw) {
        String hash = contentHash != null ? contentHash : bodyHash(raw);
        return new MailIdentity(messageId, hash, dedupKey + "#" + hash.substring(0, 16));
    }

    /** SHA-256 (hex) of the body, below the header block. */
    public static String bodyHash(byte[] raw) {
        int bodyStart = bodyStart(raw);
        return sha256(raw, bodyStart, raw.length - bodyStart);
    }

    /**
     * Whether an earlier delivery, read as a stream, carries the same body as this one: everything below the header
     * block, to which each delivery adds its lines. The stream is read once, in blocks.
     */
    public static boolean sameBody(java.io.InputStream earlier, byte[] raw) throws java.io.IOException {
        java.io.InputStream in = new java.io.BufferedInputStream(earlier, 64 * 1024);
        skipHeaderBlock(in);
        int position = bodyStart(raw);
        byte[] block = new byte[64 * 1024];
        for (int n = in.read(block); n > 0; n = in.read(block)) {
            if (position + n > raw.length || !java.util.Arrays.equals(block, 0, n, raw, position, position + n)) {
                return false;
            }
            position += n;
        }
        return position == raw.length;
    }

    public static String sha256(byte[] bytes) {
        return sha256(bytes, 0, bytes.length);
    }

    private static String sha256(byte[] bytes, int offset, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, offset, length);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String normalise(String messageId) {
        if (messageId == null) {
            return null;
        }
        String id = messageId.strip();
        int open = id.indexOf('<');
        int close = id.indexOf('>', open + 1);
        if (open >= 0 && close > open) {
            id = id.substring(open, close + 1);
        }
        return id.length() < 3 || id.length() > 998 ? null : id;
    }

    private static int bodyStart(byte[] raw) {
        try {
            return (int) skipHeaderBlock(new ByteArrayInputStream(raw));
        } catch (java.io.IOException impossible) {
            throw new java.io.UncheckedIOException(impossible);
        }
    }

    /**
     * Reads past the header block, up to and including the blank line that ends it (the first "\n\n" or "\n\r\n"),
     * and says how many bytes that was: all of them when there is no blank line. One rule for a mail in memory and
     * one streamed from the register.
     */
    private static long skipHeaderBlock(java.io.InputStream in) throws java.io.IOException {
        long read = 0;
        int beforeLast = -1;
        int last = -1;
        for (int b = in.read(); b >= 0; b = in.read()) {
            read++;
            if (b == '\n' && (last == '\n' || last == '\r' && beforeLast == '\n')) {
                return read;
            }
            beforeLast = last;
            last = b;
        }
        return read;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
