package org.redress.camel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.apache.camel.Exchange;
import org.redress.jira.JiraUnavailableException;

/**
 * The circuit breaker's view of Jira's answers ({@code routes/jira.camel.yaml}): an answer that means "Jira cannot
 * take this now" (5xx, 429, none at all) is a failure the breaker counts, and Jira's {@code Retry-After} is kept so
 * that no call is made before it has passed. Refusals of the request itself (4xx) are answers, not failures.
 */
public final class JiraAnswers {
    private static final Duration MAX_WAIT = Duration.ofMinutes(10);

    private final Clock clock;
    private volatile Instant holdUntil = Instant.MIN;

    public JiraAnswers(Clock clock) {
        this.clock = clock;
    }

    public void failIfUnavailable(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        int code = status == null ? 0 : status;
        if (code == 429 || code >= 500 || code == 0) {
            retryAfter(exchange.getMessage().getHeader("Retry-After", String.class));
            throw new JiraUnavailableException("Jira answered " + code, null);
        }
    }

    /** The breaker's fallback: the call failed or was not made (breaker open); the client sees a 503. */
    public void unavailable(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        var message = exchange.getMessage();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 503);
        message.setBody((cause == null ? "Jira unavailable" : cause.getClass().getSimpleName() + ": " + cause.getMessage())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Throws when Jira asked to be left alone until later and that time has not come. */
    public void checkNotHeldOff() {
        Instant until = holdUntil;
        if (clock.instant().isBefore(until)) {
            throw new JiraUnavailableException("Jira asked (Retry-After) not to be called before " + until, null);
        }
    }

    /** {@code Retry-After} as seconds or an HTTP date (RFC 9110); anything else is ignored. At most ten minutes. */
    void retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Instant now = clock.instant();
        Instant until;
        try {
            until = now.plusSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException notSeconds) {
            try {
                until = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException notADate) {
                return;
            }
        }
        Instant latest = now.plus(MAX_WAIT);
        holdUntil = until.isAfter(latest) ? latest : until;
    }
}
