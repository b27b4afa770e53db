package org.redress.sandbox.jira;

import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A multipart/form-data body (RFC 7578) split into parts. Written by hand because the JDK has no
 * parser and attachments are customer files: the content must come back byte for byte, so the
 * parser never decodes part bodies as text and only strips the CRLF that belongs to the delimiter.
 */
final class MultipartForm {

    /** One part; header names lower case, content exactly as sent. */
    record Part(Map<String, String> headers, String name, String filename, String contentType, byte[] content) {
    }

    private MultipartForm() {
    }

    /** The boundary parameter of a multipart/form-data Content-Type, or null when it is not one. */
    static String boundary(String contentType) {
        if (contentType == null) {
            return null;
        }
        List<String> pieces = splitParameters(contentType);
        if (pieces.isEmpty() || !pieces.get(0).trim().equalsIgnoreCase("multipart/form-data")) {
            return null;
        }
        String boundary = parameters(pieces.subList(1, pieces.size())).get("boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            return null;
        }
        return boundary;
    }

    /**
     * Splits the body on {@code --boundary} delimiters. Tolerates a preamble, an epilogue, transport
     * padding after delimiters and bare LF line ends in part headers, as lenient servers do.
     *
     * @throws IllegalArgumentException when the body is not well-formed multipart
     */
    static List<Part> parse(byte[] body, String boundary) {
        byte[] dash = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int start;
        if (startsWith(body, 0, dash)) {
            start = dash.length;
        } else {
            int found = indexOf(body, delimiter, 0);
            if (found < 0) {
                throw new IllegalArgumentException("no multipart boundary '" + boundary + "' found in the body");
            }
            start = found + delimiter.length;
        }
        List<Part> parts = new ArrayList<>();
        while (true) {
            if (startsWith(body, start, new byte[]{'-', '-'})) {
                return parts;
            }
            int lineEnd = start;
            while (lineEnd < body.length && (body[lineEnd] == ' ' || body[lineEnd] == '\t')) {
                lineEnd++;
            }
            if (startsWith(body, lineEnd, new byte[]{'\r', '\n'})) {
                lineEnd += 2;
            } else if (lineEnd < body.length && body[lineEnd] == '\n') {
                lineEnd += 1;
            } else {
                throw new IllegalArgumentException("malformed multipart delimiter line");
            }
            int next = indexOf(body, delimiter, lineEnd);
            if (next < 0) {
                throw new IllegalArgumentException("multipart body has no closing boundary");
            }
            parts.add(part(body, lineEnd, next));
            start = next + delimiter.length;
        }
    }

    /**
     * The part between {@code from} and {@code end} of the body, read where it lies: only its content is copied, once
     * (uploads are the benchmark driver's largest requests, and every copy of them new memory).
     */
    private static Part part(byte[] body, int from, int end) {
        int headerEnd;
        int bodyStart;
        int crlf = indexOf(body, new byte[]{'\r', '\n', '\r', '\n'}, from, end);
        // a bare-LF blank line counts only before the CRLF one: not looked for in the file's bytes after it
        int lf = indexOf(body, new byte[]{'\n', '\n'}, from, crlf < 0 ? end : crlf + 2);
        if (end - from >= 2 && startsWith(body, from, new byte[]{'\r', '\n'})) {
            headerEnd = from;
            bodyStart = from + 2;
        } else if (crlf >= 0 && (lf < 0 || crlf < lf)) {
            headerEnd = crlf;
            bodyStart = crlf + 4;
        } else if (lf >= 0) {
            headerEnd = lf;
            bodyStart = lf + 2;
        } else {
            throw new IllegalArgumentException("multipart part has no blank line after its headers");
        }
        Map<String, String> headers = headers(new String(body, from, headerEnd - from, StandardCharsets.UTF_8));
        Map<String, String> disposition = Map.of();
        String dispositionHeader = headers.get("content-disposition");
        if (dispositionHeader != null) {
            List<String> pieces = splitParameters(dispositionHeader);
            disposition = parameters(pieces.subList(1, pieces.size()));
        }
        String filename = disposition.get("filename");
        String extended = disposition.get("filename*");
        if (extended != null) {
            String decoded = decodeExtended(extended);
            if (decoded != null) {
                filename = decoded;
            }
        }
        if (filename != null) {
            filename = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
        }
        return new Part(headers, disposition.get("name"), filename, headers.get("content-type"),
                Arrays.copyOfRange(body, bodyStart, end));
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> headers = new LinkedHashMap<>();
        String lastName = null;
        for (String line : block.split("\r?\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && lastName != null) {
                headers.merge(lastName, " " + line.trim(), String::concat);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("malformed multipart part header: " + line);
            }
            lastName = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            headers.put(lastName, line.substring(colon + 1).trim());
        }
        return headers;
    }

    /** Splits "value; a=b; c=\"d;e\"" on semicolons outside quoted strings. */
    private static List<String> splitParameters(String header) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (quoted && c == '\\' && i + 1 < header.length()) {
                current.append(c).append(header.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                pieces.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        pieces.add(current.toString());
        return pieces;
    }

    private static Map<String, String> parameters(List<String> pieces) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String piece : pieces) {
            int eq = piece.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = piece.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = piece.substring(eq + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = unquote(value.substring(1, value.length() - 1));
            }
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    /** Quoted-string unescaping, but a backslash before anything except a quote or backslash is kept (Windows paths). */
    private static String unquote(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && (value.charAt(i + 1) == '"' || value.charAt(i + 1) == '\\')) {
                out.append(value.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** RFC 8187 ext-value: {@code charset'language'percent-encoded}; null when malformed. */
    private static String decodeExtended(String value) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0) {
            return null;
        }
        try {
            Charset charset = Charset.forName(value.substring(0, first).trim());
            return URLDecoder.decode(value.substring(second + 1).replace("+", "%2B"), charset.name());
        } catch (IllegalArgumentException | UnsupportedEncodingException e) {
            // covers unknown charsets (IllegalCharsetNameException, UnsupportedCharsetException) and bad escapes
            return null;
        }
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        if (offset < 0 || offset + prefix.length > data.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] data, byte[] pattern, int from) {
        return indexOf(data, pattern, from, data.length);
    }

    /**
     * Where {@code pattern} starts at or after {@code from}, ending at or before {@code end}; -1 when nowhere. A
     * Boyer–Moore–Horspool search: the delimiter starts with CRLF, which a mail or a text file has on every line, so
     * a byte-by-byte search stopped at each of them; a byte not in the delimiter skips its whole length (the search
     * was 13 % of the benchmark driver's samples; BENCHMARKS.md, "The collector, the instrument's searches, C2 warmed
     * at a rate, and a warm limit").
     */
    static int indexOf(byte[] data, byte[] pattern, int from, int end) {
        int length = pattern.length;
        int last = Math.min(end, data.length) - length;
        if (length == 0) {
            return Math.max(from, 0) <= last ? Math.max(from, 0) : -1;
        }
        int[] skip = new int[256];
        Arrays.fill(skip, length);
        for (int i = 0; i < length - 1; i++) {
            skip[pattern[i] & 0xff] = length - 1 - i;
        }
        int at = Math.max(from, 0);
        while (at <= last) {
            int j = length - 1;
            while (data[at + j] == pattern[j]) {
                if (j == 0) {
                    return at;
                }
                j--;
            }
            at += skip[data[at + length - 1] & 0xff];
        }
        return -1;
    }
}
