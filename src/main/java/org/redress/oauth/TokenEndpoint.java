package org.redress.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.redress.config.OAuthConfig;

/**
 * An OAuth2 token endpoint (RFC 6749 section 4.4 client credentials, section 6 refresh token), as Microsoft
 * identity platform and Google serve them: a form POST answered with {@code access_token} and {@code expires_in}.
 */
public final class TokenEndpoint {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json;
    private final Clock clock;

    public TokenEndpoint(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** A token, and the refresh token to use next time when the endpoint rotated it (else null). */
    public record Issued(AccessToken token, String rotatedRefreshToken) {
    }

    /**
     * @param refreshToken the refresh token to present (the configured one, or the one the endpoint last rotated to)
     * @throws TokenRefreshException what the endpoint answered (its {@code error} and description), or why none
     */
    public Issued fetch(OAuthConfig config, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        if (config.grant() == OAuthConfig.Grant.CLIENT_CREDENTIALS) {
            form.put("grant_type", "client_credentials");
        } else {
            form.put("grant_type", "refresh_token");
            form.put("refresh_token", refreshToken);
        }
        form.put("client_id", config.clientId());
        if (!config.clientSecret().isEmpty()) {
            form.put("client_secret", config.clientSecret());
        }
        if (!config.scope().isEmpty()) {
            form.put("scope", config.scope());
        }
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.tokenUrl())).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TokenRefreshException("the token endpoint " + config.tokenUrl() + " cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenRefreshException("interrupted while asking " + config.tokenUrl(), e);
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (IOException e) {
            answer = json.createObjectNode();
        }
        if (response.statusCode() != 200 || !answer.path("access_token").isTextual()) {
            String error = answer.path("error").asText("");
            String description = answer.path("error_description").asText("");
            throw new TokenRefreshException("the token endpoint answered " + response.statusCode()
                    + (error.isEmpty() ? "" : " " + error) + (description.isEmpty() ? "" : ": "
                    + description.lines().findFirst().orElse("")), null);
        }
        long seconds = answer.path("expires_in").asLong(3600);
        // Microsoft's delegated grant answers with a new refresh token, and the old one stops working
        String rotated = answer.path("refresh_token").isTextual() ? answer.path("refresh_token").asText() : null;
        return new Issued(new AccessToken(answer.path("access_token").asText(), clock.instant().plusSeconds(seconds)),
                rotated);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
