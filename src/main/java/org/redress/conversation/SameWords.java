package org.redress.conversation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The fingerprint of what a sender wrote themselves, so that the same words coming again from the same address are
 * recognised: a customer who resends their complaint should not have to read a second "we received it" nor find a
 * second ticket, and an auto-responder that answers every mail with the same text, under a new subject and without
 * any threading header, must not be acknowledged again and again. Quotes and signatures are left out (an auto-reply
 * quoting our acknowledgement differs only there), as are case and spacing. The files count too (name and size): the
 * same "please see the attached invoice" with another invoice is another message.
 */
public final class SameWords {
    /**
     * Fewer letters than this ("Thanks!", "Please see attached", a name and a greeting) say too little to call two
     * mails the same message.
     */
    static final int MIN_LETTERS = 40;

    private SameWords() {
    }

    /** @return the hex SHA-256 of the normalised new words and the files, or null when too few words to compare */
    public static String fingerprint(org.redress.complaint.Complaint mail) {
        String fingerprint = fingerprint(mail.text());
        if (fingerprint == null || mail.attachments().isEmpty()) {
            return fingerprint;
        }
        StringBuilder files = new StringBuilder(fingerprint);
        mail.attachments().stream().map(a -> a.filename() + ":" + a.size()).sorted()
                .forEach(file -> files.append('\n').append(file));
        return sha256(files.toString());
    }

    /** @return the hex SHA-256 of the normalised new words, or null when there are too few to compare */
    public static String fingerprint(String text) {
        String words = ReplyText.newWords(text == null ? "" : text).toLowerCase(Locale.ROOT)
                .replaceAll("[\\s\\p{Punct}]+", " ").strip();
        if (words.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
            return null;
        }
        return sha256(words);
    }

    private static String sha256(String words) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(words.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
