package org.redress.sandbox.jira;

import java.util.List;
import java.util.Map;

/**
 * One HTTP request exactly as the sandbox received it, handed to the request listener before the
 * sandbox acts on it, so tests can check what the gateway really sent (for example against the
 * published Jira spec) rather than what the sandbox made of it.
 *
 * @param method   HTTP method, upper case
 * @param path     decoded request path, e.g. {@code /rest/api/3/issue/CS-1}
 * @param rawQuery query string as sent (still percent-encoded), or null when there was none
 * @param headers  request headers; names in lower case
 * @param body     request body bytes (empty when there was none): the sandbox's own array, not a copy (uploads
 *                 are the benchmark driver's largest requests), to be read, never changed
 */
public record RecordedRequest(String method, String path, String rawQuery,
                              Map<String, List<String>> headers, byte[] body) {

    /** First value of a header (name matched case-insensitively), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
