package org.redress.camel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.redress.reporting.RegisterApi;

/**
 * The register API's steps ({@code routes/api.camel.yaml}): the token check, then one call of {@link RegisterApi}
 * per endpoint, answered as JSON. Refusals and bad parameters are answered by {@link #refuse}, the
 * {@code api-call} route configuration's error step.
 */
public final class RegisterApiSteps {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RegisterApiSteps.class);

    private final RegisterApi api;
    private final org.redress.store.ComplaintRegister register;
    private final byte[] token;
    private final ObjectMapper json;

    public RegisterApiSteps(RegisterApi api, org.redress.store.ComplaintRegister register, String token,
                            ObjectMapper json) {
        this.api = api;
        this.register = register;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.json = json;
    }

    /** Lets a call through only with {@code Authorization: Bearer <redress.api.token>}: 401 without, 403 wrong. */
    public void authorize(Exchange exchange) {
        String authorization = exchange.getIn().getHeader("Authorization", String.class);
        // the token must not travel on to anything the route calls, nor into logs
        exchange.getIn().removeHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiRefusal(401, "this API needs 'Authorization: Bearer <redress.api.token>'");
        }
        byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token)) {
            throw new ApiRefusal(403, "wrong token");
        }
    }

    public void customerHistory(Exchange exchange) {
        // platform-http has decoded the path parameter already: decoding again would turn '+' into a space
        answer(exchange, 200, api.customerHistory(header(exchange, "email")));
    }

    public void complaints(Exchange exchange) {
        answer(exchange, 200, api.complaints(header(exchange, "from"), header(exchange, "to"),
                header(exchange, "inbox"), header(exchange, "status"), header(exchange, "limit")));
    }

    public void complaint(Exchange exchange) {
        long id = complaintId(exchange);
        var found = api.complaint(id);
        if (found.isEmpty()) {
            throw new ApiRefusal(404, "no complaint " + id);
        }
        answer(exchange, 200, found.get());
    }

    /**
     * The mail exactly as the register keeps it ({@code message/rfc822}): where an agent finds a file that was too
     * large for Jira, or the beginning of a mail too large to read whole.
     */
    public void rawMail(Exchange exchange) {
        long id = complaintId(exchange);
        org.redress.store.RegisterEntry entry = register.byId(id).orElseThrow(() -> new ApiRefusal(404, "no complaint " + id));
        exchange.getMessage().setBody(register.rawMail(entry));
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        // a mail as received; a complaint from another channel as its route handed it over (routes/README.md)
        boolean mail = entry.cameByEmail();
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, mail ? "message/rfc822" : "application/json");
        exchange.getMessage().setHeader("Content-Disposition", "attachment; filename=\"complaint-" + id
                + (mail ? ".eml" : ".json") + "\"");
    }

    private static long complaintId(Exchange exchange) {
        try {
            return Long.parseLong(header(exchange, "id"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a complaint id is a number, got '" + header(exchange, "id") + "'");
        }
    }

    public void report(Exchange exchange) {
        answer(exchange, 200, api.report(header(exchange, "from"), header(exchange, "to")));
    }

    /** The error step: a refusal keeps its status, a bad parameter is a 400, anything else a 500 without details. */
    public void refuse(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int status;
        String message;
        if (failure instanceof ApiRefusal refusal) {
            status = refusal.status;
            message = refusal.getMessage();
        } else if (failure instanceof IllegalArgumentException) {
            status = 400;
            message = failure.getMessage();
        } else {
            status = 500;
            message = "the register could not answer; see the gateway's log";
            LOG.warn("register API {} failed", exchange.getFromRouteId(), failure);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", message);
        if (status == 401) {
            exchange.getMessage().setHeader("WWW-Authenticate", "Bearer realm=\"redress\"");
        }
        answer(exchange, status, body);
    }

    private void answer(Exchange exchange, int status, Object body) {
        try {
            exchange.getMessage().setBody(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
    }

    private static String header(Exchange exchange, String name) {
        return exchange.getIn().getHeader(name, String.class);
    }

    /** A call the API refuses, with the HTTP status to answer. */
    public static final class ApiRefusal extends RuntimeException {
        private final int status;

        ApiRefusal(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
