package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Test-side HTTP client for one started sandbox, speaking to it the way the gateway does. */
final class SandboxHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString("agent@example.com:api-token".getBytes(StandardCharsets.UTF_8));
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** One request as sent and its response, kept so tests can check responses against the spec. */
    record Exchange(String method, String path, String rawQuery, int status, String contentType, byte[] body) {
    }

    final JiraSandbox sandbox;
    final List<Exchange> exchanges = new ArrayList<>();

    SandboxHttp(JiraSandbox sandbox) {
        this.sandbox = sandbox;
    }

    static JiraSandbox started(String... projects) {
        return started(null, Clock.systemUTC(), projects);
    }

    static JiraSandbox started(java.nio.file.Path dataDir, Clock clock, String... projects) {
        try {
            return new JiraSandbox("127.0.0.1", 0, dataDir, List.of(projects.length == 0 ? new String[]{"CS"} : projects))
                    .clock(clock).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<byte[]> send(String method, String pathAndQuery, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            URI uri = response.request().uri();
            exchanges.add(new Exchange(method, uri.getPath(), uri.getRawQuery(), response.statusCode(),
                    response.headers().firstValue("content-type").orElse(null), response.body()));
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response get(String pathAndQuery) {
        return new Response(send("GET", pathAndQuery, null, null, "Authorization", BASIC, "Accept", "application/json"));
    }

    Response post(String path, Object json) {
        return json("POST", path, json);
    }

    Response put(String path, Object json) {
        return json("PUT", path, json);
    }

    Response delete(String path) {
        return new Response(send("DELETE", path, null, null, "Authorization", BASIC));
    }

    Response json(String method, String path, Object json) {
        try {
            byte[] body = json instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(json);
            return new Response(send(method, path, "application/json", body, "Authorization", BASIC, "Accept", "application/json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a Task in CS and returns its key. */
    String create(String summary) {
        return create("CS", summary, doc("Customer wrote: " + summary));
    }

    String create(String project, String summary, JsonNode description) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode fields = body.putObject("fields");
        fields.putObject("project").put("key", project);
        fields.putObject("issuetype").put("name", "Task");
        fields.put("summary", summary);
        if (description != null) {
            fields.set("description", description);
        }
        Response response = post("/rest/api/3/issue", body);
        if (response.status() != 201) {
            throw new AssertionError("create failed: " + response.status() + " " + response.text());
        }
        return response.json().path("key").asText();
    }

    Response search(String jql, String... extraQuery) {
        StringBuilder query = new StringBuilder("/rest/api/3/search/jql?jql=").append(encode(jql));
        for (String extra : extraQuery) {
            query.append('&').append(extra);
        }
        return get(query.toString());
    }

    List<String> searchKeys(String jql) {
        Response response = search(jql, "fields=summary");
        if (response.status() != 200) {
            throw new AssertionError("search failed: " + response.status() + " " + response.text());
        }
        List<String> keys = new ArrayList<>();
        response.json().path("issues").forEach(i -> keys.add(i.path("key").asText()));
        return keys;
    }

    Response upload(String key, byte[] multipartBody, String boundary, boolean xsrfHeader) {
        List<String> headers = new ArrayList<>(List.of("Authorization", BASIC));
        if (xsrfHeader) {
            headers.addAll(List.of("X-Atlassian-Token", "no-check"));
        }
        return new Response(send("POST", "/rest/api/3/issue/" + key + "/attachments",
                "multipart/form-data; boundary=" + boundary, multipartBody, headers.toArray(String[]::new)));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A one-paragraph ADF document. */
    static ObjectNode doc(String text) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("type", "doc").put("version", 1);
        ArrayNode content = doc.putArray("content");
        ObjectNode paragraph = content.addObject().put("type", "paragraph");
        paragraph.putArray("content").addObject().put("type", "text").put("text", text);
        return doc;
    }

    /** Builds a multipart/form-data body with one part per file, exactly as given. */
    static final class Multipart {
        final String boundary = "----redress-test-" + Long.toHexString(System.nanoTime());
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart part(String name, String dispositionExtra, String contentType, byte[] content) {
            write("--" + boundary + "\r\n");
            write("Content-Disposition: form-data; name=\"" + name + "\"" + dispositionExtra + "\r\n");
            if (contentType != null) {
                write("Content-Type: " + contentType + "\r\n");
            }
            write("\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        Multipart file(String filename, String contentType, byte[] content) {
            return part("file", "; filename=\"" + filename + "\"", contentType, content);
        }

        byte[] build() {
            write("--" + boundary + "--\r\n");
            return out.toByteArray();
        }

        private void write(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A response with convenient access to its status and JSON body. */
    record Response(HttpResponse<byte[]> raw) {
        int status() {
            return raw.statusCode();
        }

        String text() {
            return new String(raw.body(), StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text(), e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }
}
