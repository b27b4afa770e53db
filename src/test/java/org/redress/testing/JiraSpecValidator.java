package org.redress.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import org.redress.sandbox.jira.RecordedRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Checks HTTP traffic against Atlassian's published Jira Cloud platform v3 OpenAPI spec
 * ({@code <redress.shared.dir>/jira/jira-cloud-platform-v3.openapi.json}), so tests prove that
 * what the gateway sends would be accepted by real Jira, not merely by our own sandbox.
 *
 * <p>Stricter than the library's defaults: query parameters the spec does not declare are
 * errors (the library ignores them by default), and schemas without an explicit
 * {@code additionalProperties} reject unknown JSON properties (library default, kept).
 *
 * <p>What this cannot check, and why:
 * <ul>
 *   <li>multipart/form-data bodies (attachment upload): the library does not validate multipart
 *       content; method, path, query parameters, headers and the presence of a body are still
 *       checked. The sandbox's own multipart parser and its tests cover the body.</li>
 *   <li>authentication: every operation in the spec also lists an empty security requirement
 *       ({@code {}}), i.e. anonymous access is "allowed" by the document, and the library does not
 *       support OAuth2 schemes; a missing Authorization header therefore is not a violation here.
 *       The sandbox itself answers 401.</li>
 *   <li>the {@code X-Atlassian-Token: no-check} header: Jira requires it for uploads, but the spec
 *       only mentions it in prose, not as a declared header parameter.</li>
 *   <li>presence of response bodies ({@link #validateResponse}): the spec declares no body for
 *       most error responses although Jira sends an ErrorCollection, declares a JSON schema for
 *       204 answers, and declares no content for attachment downloads; only the shape of bodies
 *       the spec does describe is checked.</li>
 *   <li>JQL syntax and Atlassian Document Format: both are plain strings / free-form objects in
 *       the spec ({@code fields} is {@code additionalProperties: {}}); the sandbox validates them.</li>
 * </ul>
 *
 * <p>Loading the 2.5 MB spec takes seconds; the parsed validator is immutable and thread-safe, so
 * it is built once per JVM and shared, while each instance keeps its own list of violations.
 */
public final class JiraSpecValidator {

    private static final String SPEC = "jira/jira-cloud-platform-v3.openapi.json";
    private static final String API_PREFIX = "/rest/api/3/";
    /**
     * The spec declares no body for most error responses (Jira sends an ErrorCollection anyway),
     * a JSON schema for 204 answers, and no content for attachment downloads; whether a body is
     * present is therefore not checked, only the shape of bodies the spec describes.
     */
    private static final java.util.Set<String> IGNORED_RESPONSE_CHECKS =
            java.util.Set.of("validation.response.body.missing", "validation.response.body.unexpected");
    private static volatile OpenApiInteractionValidator shared;

    private final OpenApiInteractionValidator validator;
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());

    private JiraSpecValidator(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    /** The spec file under the shared directory (system property {@code redress.shared.dir}, default "../shared"). */
    public static Path specFile() {
        return Path.of(System.getProperty("redress.shared.dir", "../shared")).resolve(SPEC);
    }

    /** A validator for the shared spec, or empty when the spec file is absent (e.g. a fresh clone without ../shared). */
    public static Optional<JiraSpecValidator> fromSharedSpec() {
        Path spec = specFile();
        if (!Files.isRegularFile(spec)) {
            return Optional.empty();
        }
        return Optional.of(new JiraSpecValidator(load(spec)));
    }

    private static OpenApiInteractionValidator load(Path spec) {
        OpenApiInteractionValidator v = shared;
        if (v == null) {
            synchronized (JiraSpecValidator.class) {
                v = shared;
                if (v == null) {
                    v = OpenApiInteractionValidator
                            .createForSpecificationUrl(spec.toAbsolutePath().toUri().toString())
                            .withLevelResolver(LevelResolver.create()
                                    .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
                                    .build())
                            .build();
                    shared = v;
                }
            }
        }
        return v;
    }

    /** A request listener that validates every {@code /rest/api/3/} request and remembers violations. */
    public Consumer<RecordedRequest> recorder() {
        return request -> violations.addAll(validate(request));
    }

    /** Violations seen so far, each "METHOD path: message". */
    public List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    /** Violations of one request; empty for paths outside {@code /rest/api/3/}. */
    public List<String> validate(RecordedRequest request) {
        if (!request.path().startsWith(API_PREFIX)) {
            return List.of();
        }
        ValidationReport report = validator.validateRequest(toRequest(request));
        return messages(request.method() + " " + request.path(), report);
    }

    /**
     * Violations of a response to a request (status, content type and JSON body against the
     * operation's declared response), to check the sandbox answers in Jira's documented shapes.
     */
    public List<String> validateResponse(RecordedRequest request, int status, String contentType, byte[] body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            response.withContentType(contentType);
        }
        if (body != null && body.length > 0) {
            response.withBody(new String(body, StandardCharsets.UTF_8));
        }
        ValidationReport report = validator.validateResponse(request.path(), method(request.method()), response.build());
        List<String> result = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (!IGNORED_RESPONSE_CHECKS.contains(message.getKey())) {
                result.addAll(messages(request.method() + " " + request.path() + " -> " + status,
                        ValidationReport.singleton(message)));
            }
        }
        return result;
    }

    private static List<String> messages(String prefix, ValidationReport report) {
        List<String> result = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                StringBuilder text = new StringBuilder(prefix).append(": ").append(message.getMessage());
                message.getNestedMessages().forEach(n -> text.append(" / ").append(n));
                result.add(text.toString());
            }
        }
        return result;
    }

    private static Request toRequest(RecordedRequest recorded) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(recorded.method(), recorded.path());
        recorded.headers().forEach(builder::withHeader);
        query(recorded.rawQuery()).forEach(builder::withQueryParam);
        if (recorded.body() != null && recorded.body().length > 0) {
            String contentType = String.valueOf(recorded.header("content-type")).toLowerCase(Locale.ROOT);
            if (contentType.startsWith("multipart/")) {
                // the library skips multipart bodies; passing the bytes still lets it see a body is present
                builder.withBody(recorded.body());
            } else {
                builder.withBody(new String(recorded.body(), StandardCharsets.UTF_8));
            }
        }
        return builder.build();
    }

    private static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static Request.Method method(String method) {
        return Request.Method.valueOf(method.toUpperCase(Locale.ROOT));
    }
}
