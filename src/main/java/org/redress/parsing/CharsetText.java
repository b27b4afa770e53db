package org.redress.parsing;

import jakarta.mail.internet.MimeUtility;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes of a text part to a String without ever failing on the charset. The declared charset wins when Java knows
 * it; otherwise (no charset, "unknown-8bit", "x-user-defined", a typo) the text is read as UTF-8 when it is valid
 * UTF-8 and as windows-1252 when not, which is what western European mail programs write when they mislabel.
 * "us-ascii" labels on 8-bit text and UTF-8 labels on invalid bytes are the common lies and get the same fallback;
 * "iso-8859-1" is read as its superset windows-1252.
 */
final class CharsetText {

    static final Charset FALLBACK = Charset.forName("windows-1252");

    /** "iso-8859-8-i" and "-e" only say how to lay out right-to-left text; the bytes are plain ISO-8859-8/6. */
    private static final Pattern DIRECTIONAL_SUFFIX = Pattern.compile("(?i)(iso-?8859-[0-9]+)-[ie]");

    private CharsetText() {
    }

    static String decode(byte[] bytes, String declaredCharset) {
        Charset declared = charsetOrNull(declaredCharset);
        if (declared == null || declared.equals(StandardCharsets.US_ASCII) || declared.equals(StandardCharsets.UTF_8)) {
            return guessUtf8OrFallback(bytes);
        }
        // as browsers do (WHATWG Encoding): "iso-8859-1" text from Windows has € and curly quotes in 0x80-0x9F
        return new String(bytes, declared.equals(StandardCharsets.ISO_8859_1) ? FALLBACK : declared);
    }

    /** The Java charset for a MIME charset name, or null when the name is missing or Java does not support it. */
    static Charset charsetOrNull(String mimeName) {
        if (mimeName == null || mimeName.isBlank()) {
            return null;
        }
        String name = mimeName.trim();
        // Java's own alias table first: jakarta.mail's MIME-to-Java map turns "us-ascii" into ISO-8859-1
        Charset charset = forName(name);
        if (charset == null) {
            charset = forName(MimeUtility.javaCharset(name));
        }
        if (charset == null) {
            Matcher directional = DIRECTIONAL_SUFFIX.matcher(name);
            if (directional.matches()) {
                charset = forName(directional.group(1));
            }
        }
        return charset;
    }

    private static Charset forName(String name) {
        try {
            return name == null ? null : Charset.forName(name);
        } catch (IllegalArgumentException unsupportedOrIllegal) {
            return null;
        }
    }

    private static String guessUtf8OrFallback(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, FALLBACK);
        }
    }
}
