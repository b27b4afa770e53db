package org.redress.sandbox.jira;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The caller, as far as the sandbox cares: any Basic user/token or any Bearer token is accepted,
 * but the account id is derived from the Basic user name so authorship in comments is stable and
 * distinguishable between callers.
 */
record SandboxUser(String accountId, String emailAddress, String displayName) {

    private static final String BEARER_EMAIL = "sandbox-app@redress.invalid";

    /** The caller for an Authorization header, or null when the header does not authenticate. */
    static SandboxUser fromAuthorization(String header) {
        if (header == null) {
            return null;
        }
        String value = header.trim();
        int space = value.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
        String credentials = value.substring(space + 1).trim();
        if (credentials.isEmpty()) {
            return null;
        }
        if (scheme.equals("bearer")) {
            return of(BEARER_EMAIL, "Redress sandbox app");
        }
        if (!scheme.equals("basic")) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String user = decoded.substring(0, colon);
        return of(user, "Redress sandbox user (" + user + ")");
    }

    private static SandboxUser of(String email, String displayName) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(email.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return new SandboxUser("sandbox:" + HexFormat.of().formatHex(hash, 0, 12), email, displayName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
