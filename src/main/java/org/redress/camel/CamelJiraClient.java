package org.redress.camel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpMethods;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.redress.config.JiraConfig;
import org.redress.jira.JiraApi;
import org.redress.jira.JiraRejectedException;
import org.redress.jira.JiraUnavailableException;
import org.redress.jira.Upload;
import org.redress.jira.WikiMarkup;

/**
 * Jira's REST API over Camel's HTTP component (pooled connections, one endpoint for every call). It only carries
 * requests and sorts Jira's answers into "try later" and "refused"; what to send is decided by the domain code, in
 * Jira Cloud's terms (REST v3, ADF). For Jira Data Center it speaks REST v2: every ADF document goes as wiki markup
 * ({@link WikiMarkup}), and search pages by offset ({@code /search}) instead of by token ({@code /search/jql}).
 */
public final class CamelJiraClient implements JiraApi {

    /** Every call goes through the circuit breaker of {@code routes/jira.camel.yaml}. */
    private static final String JIRA_CALL = "direct:jira-call";

    private final ProducerTemplate http;
    private final JiraAnswers answers;
    private final JiraConfig config;
    private final ObjectMapper json;
    private final CallObserver observer;
    /** The REST API's base path: /rest/api/3 (Cloud) or /rest/api/2 (Data Center). */
    private final String api;
    private final boolean dataCenter;

    /** Told of every call, for health and metrics. */
    @FunctionalInterface
    public interface CallObserver {
        /** @param outcome ok, refused (a 4xx on the request), unavailable (5xx, 429, 401, 403) or unreachable */
        void called(String method, String outcome, long nanos);
    }

    public CamelJiraClient(CamelContext camel, JiraConfig config, JiraAnswers answers, ObjectMapper json,
                           CallObserver observer) {
        this.http = camel.createProducerTemplate();
        this.config = config;
        this.answers = answers;
        this.json = json;
        this.observer = observer;
        this.api = config.flavour().api();
        this.dataCenter = config.flavour() == JiraConfig.Flavour.DATACENTER;
    }

    /**
     * The HTTP endpoint the {@code jira-call} route sends to: the path of each call goes in Exchange.HTTP_PATH, and
     * answers are judged here, not by exceptions.
     */
    public static String endpoint(JiraConfig config) {
        return config.url() + "?throwExceptionOnFailure=false"
                + "&connectTimeout=5000&connectionRequestTimeout=5000&responseTimeout=60000&soTimeout=60000";
    }

    @Override
    public String createIssue(JsonNode request) {
        JsonNode created = call("POST", api + "/issue", null, request);
        return created.path("key").asText();
    }

    @Override
    public void attach(String issueKey, List<Upload> uploads) {
        // the file name as browsers send it, raw UTF-8 in filename="…", which is what Jira's own upload form sends:
        // HttpClient 5.5's EXTENDED mode percent-encodes it (HTTPCLIENT-2360), and Jira would keep
        // "facture_%C3%A9t%C3%A9.pdf" as the name
        var builder = MultipartEntityBuilder.create()
                .setMode(HttpMultipartMode.LEGACY)
                .setCharset(StandardCharsets.UTF_8);
        for (Upload upload : uploads) {
            builder.addBinaryBody("file", upload.content(), contentType(upload.mediaType()), upload.filename());
        }
        // judged: an upload Jira could not take (5xx, 429, none) fails the step, which is tried again and then asks
        // the ticket what it already holds; a refusal (4xx) is thrown for TicketFiles to decide
        judge("POST attachments", send("POST", api + "/issue/" + path(issueKey) + "/attachments", null, builder.build(),
                null, true));
    }

    @Override
    public JsonNode issueProperty(String issueKey, String property) {
        Answer answer = send("GET", api + "/issue/" + path(issueKey) + "/properties/" + path(property), null, null,
                null, false);
        if (answer.status == 404) {
            return null;
        }
        return judge("GET issue property", answer).path("value");
    }

    @Override
    public List<String> searchKeys(String jql, int maxResults) {
        List<String> keys = new ArrayList<>();
        searchIssues(jql, List.of("key"), maxResults).forEach(issue -> keys.add(issue.path("key").asText()));
        return keys;
    }

    @Override
    public List<JsonNode> searchIssues(String jql, List<String> fields, int maxResults) {
        List<JsonNode> issues = new ArrayList<>();
        String pageToken = null;
        boolean more;
        do {
            ObjectNode body = json.createObjectNode();
            body.put("jql", jql);
            body.put("maxResults", Math.min(100, maxResults - issues.size()));
            fields.forEach(body.putArray("fields")::add);
            if (dataCenter) {
                // Data Center still pages by offset, and says how many there are in all
                body.put("startAt", issues.size());
                JsonNode page = call("POST", api + "/search", null, body);
                page.path("issues").forEach(issues::add);
                more = !page.path("issues").isEmpty() && issues.size() < page.path("total").asInt(0);
            } else {
                if (pageToken != null) {
                    body.put("nextPageToken", pageToken);
                }
                JsonNode page = call("POST", api + "/search/jql", null, body);
                page.path("issues").forEach(issues::add);
                pageToken = page.path("nextPageToken").isTextual() ? page.path("nextPageToken").asText() : null;
                more = pageToken != null;
            }
        } while (more && issues.size() < maxResults);
        return issues;
    }

    @Override
    public JsonNode issue(String issueKey, List<String> fields) {
        Answer answer = send("GET", api + "/issue/" + path(issueKey), "fields=" + query(String.join(",", fields)),
                null, null, false);
        if (answer.status == 404) {
            return null;
        }
        return judge("GET issue", answer);
    }

    @Override
    public String addComment(String issueKey, JsonNode adfBody) {
        ObjectNode body = json.createObjectNode();
        body.set("body", adfBody);
        return call("POST", api + "/issue/" + path(issueKey) + "/comment", null, body).path("id").asText();
    }

    @Override
    public String addInternalComment(String issueKey, JsonNode adfBody) {
        ObjectNode body = json.createObjectNode();
        body.set("body", adfBody);
        ObjectNode property = body.putArray("properties").addObject();
        property.put("key", "sd.public.comment");
        property.putObject("value").put("internal", true);
        return call("POST", api + "/issue/" + path(issueKey) + "/comment", null, body).path("id").asText();
    }

    @Override
    public void editIssue(String issueKey, JsonNode edit) {
        call("PUT", api + "/issue/" + path(issueKey), null, edit);
    }

    @Override
    public List<JsonNode> comments(String issueKey) {
        return everyPage(api + "/issue/" + path(issueKey) + "/comment", "orderBy=created&maxResults=100",
                page -> page.path("comments"));
    }

    /**
     * Every item of an answer paged by offset, asking from {@code startAt=0} until Jira's {@code total} is reached, a
     * page says it is the last ({@code isLast}, Data Center's), or comes back empty. An answer without a total is
     * taken as one page.
     */
    private List<JsonNode> everyPage(String path, String query, Function<JsonNode, JsonNode> items) {
        List<JsonNode> all = new ArrayList<>();
        int total;
        do {
            JsonNode page = call("GET", path, query + "&startAt=" + all.size(), null);
            JsonNode these = items.apply(page);
            these.forEach(all::add);
            total = page.path("total").asInt(all.size());
            if (these.isEmpty() || page.path("isLast").asBoolean(false)) {
                break;
            }
        } while (all.size() < total);
        return all;
    }

    @Override
    public List<JsonNode> transitions(String issueKey) {
        List<JsonNode> transitions = new ArrayList<>();
        call("GET", api + "/issue/" + path(issueKey) + "/transitions", null, null).path("transitions")
                .forEach(transitions::add);
        return transitions;
    }

    @Override
    public void transition(String issueKey, String transitionId) {
        ObjectNode body = json.createObjectNode();
        body.putObject("transition").put("id", transitionId);
        call("POST", api + "/issue/" + path(issueKey) + "/transitions", null, body);
    }

    @Override
    public void link(String linkType, String inwardKey, String outwardKey) {
        ObjectNode body = json.createObjectNode();
        body.putObject("type").put("name", linkType);
        body.putObject("inwardIssue").put("key", inwardKey);
        body.putObject("outwardIssue").put("key", outwardKey);
        call("POST", api + "/issueLink", null, body);
    }

    @Override
    public JsonNode myself() {
        return call("GET", api + "/myself", null, null);
    }

    @Override
    public List<JsonNode> issueTypes(String projectKey) {
        // Cloud names the page's items issueTypes, Data Center values
        return everyPage(api + "/issue/createmeta/" + path(projectKey) + "/issuetypes", "maxResults=50",
                page -> page.has("issueTypes") ? page.path("issueTypes") : page.path("values"));
    }

    @Override
    public JsonNode attachmentSettings() {
        return call("GET", api + "/attachment/meta", null, null);
    }

    @Override
    public JsonNode myPermissions(PermissionScope scope, String key, List<String> permissions) {
        String context = scope == PermissionScope.PROJECT ? "projectKey=" : "issueKey=";
        return call("GET", api + "/mypermissions", context + query(key) + "&permissions="
                + query(String.join(",", permissions)), null);
    }

    @Override
    public byte[] attachmentContent(String attachmentId) {
        Answer answer = dataCenter ? dataCenterAttachment(attachmentId)
                : send("GET", api + "/attachment/content/" + path(attachmentId), "redirect=false", null, null, false);
        if (answer.status >= 200 && answer.status < 300) {
            return answer.body == null ? new byte[0] : answer.body;
        }
        judge("GET attachment content", answer);
        throw new JiraUnavailableException("GET attachment content: Jira answered " + answer.status, null);
    }

    /** Data Center has no attachment content endpoint: the file is at the {@code content} URL of its metadata. */
    private Answer dataCenterAttachment(String attachmentId) {
        String content = call("GET", api + "/attachment/" + path(attachmentId), null, null).path("content").asText();
        String path = content.startsWith(config.url()) ? content.substring(config.url().length())
                : java.net.URI.create(content).getRawPath();
        return send("GET", path, null, null, null, false);
    }

    private JsonNode call(String method, String path, String query, JsonNode body) {
        try {
            JsonNode sent = dataCenter ? WikiMarkup.documentsAsWiki(body) : body;
            byte[] bytes = sent == null ? null : json.writeValueAsBytes(sent);
            return judge(method + " " + path, send(method, path, query, bytes, "application/json", false));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Answer send(String method, String path, String query, Object body, String contentType, boolean upload) {
        answers.checkNotHeldOff();
        long started = System.nanoTime();
        Exchange exchange = http.request(JIRA_CALL, e -> {
            var in = e.getIn();
            // the enum itself: camel-http reads the header as HttpMethods, and a String costs a full scan of the
            // converter registry on every call (no String-to-enum converter is cached): 2.5 % of the gateway's CPU
            in.setHeader(Exchange.HTTP_METHOD, HttpMethods.valueOf(method));
            in.setHeader(Exchange.HTTP_PATH, path);
            if (query != null) {
                in.setHeader(Exchange.HTTP_QUERY, query);
            }
            in.setHeader("Authorization", config.authorizationHeader());
            in.setHeader("Accept", "application/json");
            if (upload) {
                in.setHeader("X-Atlassian-Token", "no-check");
            }
            if (contentType != null) {
                in.setHeader(Exchange.CONTENT_TYPE, contentType);
            }
            in.setBody(body);
        });
        if (exchange.getException() != null) {
            observer.called(method, "unreachable", System.nanoTime() - started);
            throw new JiraUnavailableException("Jira at " + config.url() + " cannot be reached: "
                    + exchange.getException().getMessage(), exchange.getException());
        }
        var out = exchange.getMessage();
        Integer status = out.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        Answer answer = new Answer(status == null ? 0 : status, out.getBody(byte[].class));
        observer.called(method, outcome(answer.status), System.nanoTime() - started);
        return answer;
    }

    private static String outcome(int status) {
        if (status >= 200 && status < 300) {
            return "ok";
        }
        if (unavailable(status)) {
            return "unavailable";
        }
        return "refused";
    }

    /** Jira is down, overloaded or no longer lets us in: try later, not the request's fault. */
    private static boolean unavailable(int status) {
        return status == 429 || status >= 500 || status == 401 || status == 403 || status == 0;
    }

    private JsonNode judge(String what, Answer answer) {
        String text = answer.body == null ? "" : new String(answer.body, StandardCharsets.UTF_8);
        if (answer.status >= 200 && answer.status < 300) {
            try {
                return text.isBlank() ? json.createObjectNode() : json.readTree(text);
            } catch (IOException e) {
                throw new JiraUnavailableException(what + ": Jira answered " + answer.status + " with unreadable JSON", e);
            }
        }
        String errors = jiraErrors(text);
        if (unavailable(answer.status)) {
            throw new JiraUnavailableException(answer.status, what + ": Jira answered " + answer.status + " " + errors,
                    null);
        }
        throw new JiraRejectedException(answer.status, what + ": " + errors);
    }

    /** Jira's error JSON ({"errorMessages":[…],"errors":{field:message}}) as one line. */
    private String jiraErrors(String text) {
        try {
            JsonNode errors = json.readTree(text);
            List<String> parts = new ArrayList<>();
            errors.path("errorMessages").forEach(m -> parts.add(m.asText()));
            errors.path("errors").fields().forEachRemaining(f -> parts.add(f.getKey() + ": " + f.getValue().asText()));
            return parts.isEmpty() ? text : String.join("; ", parts);
        } catch (IOException | RuntimeException e) {
            return text.length() > 300 ? text.substring(0, 300) : text;
        }
    }

    private static ContentType contentType(String mediaType) {
        try {
            return ContentType.parse(mediaType == null ? "application/octet-stream" : mediaType);
        } catch (RuntimeException e) {
            return ContentType.APPLICATION_OCTET_STREAM;
        }
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private record Answer(int status, byte[] body) {
    }
}
