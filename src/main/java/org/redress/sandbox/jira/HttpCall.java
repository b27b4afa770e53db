package org.redress.sandbox.jira;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request/response pair. The body is read completely up front because the request listener
 * must see it before handling starts; reading stops at a size cap so a hostile or broken client
 * cannot exhaust memory.
 */
final class HttpCall {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final HttpExchange exchange;
    private final String method;
    private final String path;
    private final String rawPath;
    private final String rawQuery;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final boolean bodyTooLarge;
    private final Map<String, List<String>> query;
    private List<String> pathParams = List.of();
    private boolean responded;
    private boolean answerLost;

    private HttpCall(HttpExchange exchange, byte[] body, boolean bodyTooLarge) {
        this.exchange = exchange;
        this.method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        this.path = exchange.getRequestURI().getPath();
        this.rawPath = exchange.getRequestURI().getRawPath();
        this.rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, List<String>> lower = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
        lower.replaceAll((k, v) -> List.copyOf(v));
        this.headers = Collections.unmodifiableMap(lower);
        this.body = body;
        this.bodyTooLarge = bodyTooLarge;
        this.query = parseQuery(rawQuery);
    }

    static HttpCall read(HttpExchange exchange, long maxBodyBytes) throws IOException {
        // with Transfer-Encoding the body's length is its chunks', whatever a Content-Length says (RFC 9112, 6.3);
        // recent JDKs answer such a request 400 before it gets here, older ones pass it on
        long declared = exchange.getRequestHeaders().containsKey("Transfer-Encoding") ? -1 : contentLength(exchange);
        try (InputStream in = exchange.getRequestBody()) {
            if (declared >= 0 && declared <= Math.min(maxBodyBytes, Integer.MAX_VALUE - 8)) {
                // straight into an array of the declared size: no 64 KB buffer, no copy out of a growing one (uploads
                // are the benchmark driver's largest requests); the server's stream ends at Content-Length
                byte[] body = new byte[(int) declared];
                int read = in.readNBytes(body, 0, body.length);
                return new HttpCall(exchange, read == body.length ? body : Arrays.copyOf(body, read), false);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            boolean tooLarge = false;
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > maxBodyBytes) {
                    // keep reading so the client gets the 413 instead of a reset connection
                    tooLarge = true;
                } else {
                    out.write(buffer, 0, n);
                }
            }
            return new HttpCall(exchange, out.toByteArray(), tooLarge);
        }
    }

    private static long contentLength(HttpExchange exchange) {
        String value = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    /** The request for the listener; its body is this call's own array, which nothing changes. */
    RecordedRequest recorded() {
        return new RecordedRequest(method, path, rawQuery, headers, body);
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    /** Path segments split on the raw path and then decoded, so an encoded slash stays inside its segment. */
    List<String> segments() {
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/", -1)) {
            try {
                segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw JiraErrors.messages(400, "Malformed path");
            }
        }
        return segments.subList(1, segments.size());
    }

    boolean bodyTooLarge() {
        return bodyTooLarge;
    }

    byte[] body() {
        return body;
    }

    String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    void pathParams(List<String> params) {
        this.pathParams = List.copyOf(params);
    }

    String pathParam(int index) {
        return pathParams.get(index);
    }

    /** All values of a query parameter, comma-separated lists flattened as Jira does for list parameters. */
    List<String> queryList(String name) {
        List<String> result = new ArrayList<>();
        for (String value : query.getOrDefault(name, List.of())) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    result.add(item.trim());
                }
            }
        }
        return result;
    }

    String queryValue(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    Integer queryInt(String name) {
        String value = queryValue(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw JiraErrors.messages(400, "The value '" + value + "' of query parameter '" + name + "' is not a number.");
        }
    }

    boolean queryFlag(String name) {
        return "true".equalsIgnoreCase(queryValue(name));
    }

    /** The JSON body; Jira refuses other media types with 415 before looking at the content. */
    JsonNode jsonBody() {
        String contentType = header("content-type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).trim().startsWith("application/json")) {
            throw JiraErrors.messages(415, "Unsupported Media Type: send Content-Type application/json");
        }
        if (body.length == 0) {
            throw JiraErrors.messages(400, "No content to map due to end-of-input");
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw JiraErrors.messages(400, e.getOriginalMessage());
        } catch (IOException e) {
            throw JiraErrors.messages(400, String.valueOf(e.getMessage()));
        }
    }

    boolean responded() {
        return responded;
    }

    void json(int status, JsonNode node) {
        try {
            send(status, "application/json;charset=UTF-8", JSON.writeValueAsBytes(node), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void json(int status, JsonNode node, Map<String, String> extraHeaders) {
        try {
            send(status, "application/json;charset=UTF-8", JSON.writeValueAsBytes(node), extraHeaders);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void noContent() {
        send(204, null, new byte[0], Map.of());
    }

    void html(int status, String html) {
        send(status, "text/html;charset=UTF-8", html.getBytes(StandardCharsets.UTF_8), Map.of(
                "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'",
                "X-Frame-Options", "DENY",
                "Referrer-Policy", "no-referrer"));
    }

    /** The request is carried out, but its answer is replaced by a 504, as a proxy answers when Jira's was lost. */
    void loseAnswer() {
        answerLost = true;
    }

    void send(int status, String contentType, byte[] content, Map<String, String> extraHeaders) {
        if (responded) {
            throw new IllegalStateException("response already sent");
        }
        responded = true;
        if (answerLost) {
            status = 504;
            contentType = "application/json;charset=UTF-8";
            content = "{\"errorMessages\":[\"Gateway timeout (the Redress Jira sandbox carried the request out and lost its answer)\"],\"errors\":{}}"
                    .getBytes(StandardCharsets.UTF_8);
            extraHeaders = Map.of();
        }
        var responseHeaders = exchange.getResponseHeaders();
        if (contentType != null) {
            responseHeaders.set("Content-Type", contentType);
        }
        responseHeaders.set("X-Content-Type-Options", "nosniff");
        responseHeaders.set("Cache-Control", "no-store");
        extraHeaders.forEach(responseHeaders::set);
        try {
            boolean empty = content.length == 0 || "HEAD".equals(method);
            exchange.sendResponseHeaders(status, empty ? -1 : content.length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(content);
                }
            }
        } catch (IOException e) {
            // the client went away; nothing left to tell it
        }
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return result;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            result.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return result;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw JiraErrors.messages(400, "Malformed query string");
        }
    }
}
