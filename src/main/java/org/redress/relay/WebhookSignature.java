package org.redress.relay;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Jira Cloud signs a webhook registered with a secret as {@code X-Hub-Signature: sha256=<hex HMAC-SHA256 of the
 * body>}. Anyone who can reach the gateway could otherwise make it mail customers whatever they like.
 */
public final class WebhookSignature {
    public enum Verdict { VALID, MISSING, WRONG }

    private final byte[] secret;

    public WebhookSignature(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public Verdict check(byte[] body, String header) {
        if (header == null || header.isBlank()) {
            return Verdict.MISSING;
        }
        String value = header.strip();
        if (!value.regionMatches(true, 0, "sha256=", 0, 7)) {
            return Verdict.WRONG;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(value.substring(7).toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Verdict.WRONG;
        }
        // constant-time comparison: the answer's timing must not leak how much of a forged signature was right
        return MessageDigest.isEqual(sign(body), given) ? Verdict.VALID : Verdict.WRONG;
    }

    public String header(byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(sign(body));
    }

    private byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
