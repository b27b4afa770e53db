package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jira answers every failure with the same "ErrorCollection" body ({@code errorMessages} for
 * request-level problems, {@code errors} keyed by field name for field problems). Clients branch
 * on those keys, so the sandbox reports failures only through this one shape, thrown as
 * {@link Failure} from anywhere in request handling.
 */
final class JiraErrors {

    static final String ISSUE_NOT_FOUND = "Issue does not exist or you do not have permission to see it.";
    /** What Jira's issue finder says when a referenced issue (e.g. in an issue link) is missing. */
    static final String ISSUE_DOES_NOT_EXIST = "Issue Does Not Exist";
    static final String TEXT_TOO_LONG =
            "The entered text is too long. It exceeds the allowed limit of 32,767 characters.";
    static final String NOT_ADF = "Operation value must be an Atlassian Document (see the Atlassian Document Format)";

    private JiraErrors() {
    }

    /** A failed request: the HTTP status and the Jira error body to send. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final transient ObjectNode body;
        private final transient Map<String, String> headers;

        Failure(int status, ObjectNode body, Map<String, String> headers) {
            super(status + " " + body, null, false, false);
            this.status = status;
            this.body = body;
            this.headers = headers;
        }

        int status() {
            return status;
        }

        ObjectNode body() {
            return body;
        }

        Map<String, String> headers() {
            return headers;
        }
    }

    static ObjectNode body(List<String> messages, Map<String, String> fieldErrors) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        messages.forEach(body.putArray("errorMessages")::add);
        if (messages.isEmpty()) {
            body.putArray("errorMessages");
        }
        ObjectNode errors = body.putObject("errors");
        fieldErrors.forEach(errors::put);
        return body;
    }

    static Failure messages(int status, String... messages) {
        return new Failure(status, body(List.of(messages), Map.of()), Map.of());
    }

    static Failure fields(int status, Map<String, String> fieldErrors) {
        return new Failure(status, body(List.of(), new LinkedHashMap<>(fieldErrors)), Map.of());
    }

    static Failure field(String field, String message) {
        return fields(400, Map.of(field, message));
    }

    static Failure issueNotFound() {
        return messages(404, ISSUE_NOT_FOUND);
    }

    static Failure notAuthenticated() {
        return new Failure(401,
                body(List.of("You are not authenticated. Authentication required to perform this operation."), Map.of()),
                Map.of("WWW-Authenticate", "Basic realm=\"Redress Jira sandbox\""));
    }

    static Failure notFound(String what) {
        return messages(404, what);
    }

    static Failure methodNotAllowed(String allow) {
        return new Failure(405, body(List.of("Method Not Allowed"), Map.of()), Map.of("Allow", allow));
    }

    /** Accumulates field errors the way Jira does: all problems of one request reported together. */
    static final class FieldProblems {
        private final Map<String, String> errors = new LinkedHashMap<>();

        void add(String field, String message) {
            errors.putIfAbsent(field, message);
        }

        boolean isEmpty() {
            return errors.isEmpty();
        }

        void throwIfAny() {
            if (!errors.isEmpty()) {
                throw fields(400, errors);
            }
        }
    }
}
