package org.redress.satisfaction;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tokens of the one-click score links: a random id (128 bits) and its HMAC-SHA256 under
 * {@code redress.satisfaction.secret}. The signature lets the gateway refuse a made-up or altered link before it
 * touches the database; the id, stored with its question, makes each link usable once.
 */
public final class SatisfactionTokens {
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final int SIGNATURE_BYTES = 16;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    public SatisfactionTokens(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String newId() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return BASE64.encodeToString(id);
    }

    public String token(String id) {
        return id + "." + BASE64.encodeToString(signature(id));
    }

    /** The id of a token whose signature is right, or empty for a forged or mangled one. */
    public Optional<String> verify(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String id = token.substring(0, dot);
        // compared as text: a decoder ignores the unused bits of the last character, so comparing decoded bytes
        // would let four spellings of one token pass
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = BASE64.encodeToString(signature(id)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, expected) ? Optional.of(id) : Optional.empty();
    }

    private byte[] signature(String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] full = mac.doFinal(("redress-satisfaction:" + id).getBytes(StandardCharsets.UTF_8));
            byte[] signature = new byte[SIGNATURE_BYTES];
            System.arraycopy(full, 0, signature, 0, SIGNATURE_BYTES);
            return signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
