package org.redress.parsing;

import jakarta.mail.internet.MimeUtility;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Header values as a person reads them: raw 8-bit bytes read as UTF-8 or windows-1252, then unfolded and RFC
 * 2047-decoded by jakarta.mail. An encoded word in a charset Java does not know ("=?NONE?B?...?=",
 * "=?unknown-8bit?Q?...?=") is re-labelled windows-1252 and decoded again rather than shown to an agent raw.
 */
final class HeaderText {

    private static final Pattern ENCODED_WORD_CHARSET = Pattern.compile("=\\?([^?*\\s]+)(\\*[^?\\s]*)?\\?([bBqQ])\\?");

    private HeaderText() {
    }

    static String decode(String raw) {
        if (raw == null) {
            return null;
        }
        String unfolded = MimeUtility.unfold(undoByteChars(raw)).trim();
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (UnsupportedEncodingException | RuntimeException unknownCharset) {
            try {
                return MimeUtility.decodeText(relabelUnknownCharsets(unfolded));
            } catch (UnsupportedEncodingException | RuntimeException stillUnreadable) {
                return unfolded;
            }
        }
    }

    /**
     * jakarta.mail hands over raw 8-bit header bytes one char per byte (ISO-8859-1), whatever the sender's mail
     * program meant. Such values are read again as UTF-8 when they are valid UTF-8 and as windows-1252 when not,
     * the same rule as for bodies without a charset. Values already holding characters beyond one byte are left.
     */
    static String undoByteChars(String value) {
        if (value == null) {
            return null;
        }
        boolean eightBit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return value;
            }
            eightBit |= c >= 0x80;
        }
        return eightBit ? CharsetText.decode(value.getBytes(StandardCharsets.ISO_8859_1), null) : value;
    }

    private static String relabelUnknownCharsets(String value) {
        Matcher m = ENCODED_WORD_CHARSET.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String charset = CharsetText.charsetOrNull(m.group(1)) == null ? CharsetText.FALLBACK.name() : m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement("=?" + charset + "?" + m.group(3) + "?"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
