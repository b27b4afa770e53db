package org.redress.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * An OAuth2 token endpoint on loopback, answering as Microsoft's identity platform and Google's do: form POSTs with
 * a grant, JSON with {@code access_token} and {@code expires_in}; or {@code invalid_client} when told to fail. Each
 * token it issues is handed to a listener (the test's mail server then accepts only that token).
 */
public final class LocalTokenEndpoint implements AutoCloseable {
    private final HttpServer server;
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    private volatile boolean failing;
    private volatile int expiresIn;

    /** @param issuedTo told (path, token) of every token issued, before it is answered */
    public LocalTokenEndpoint(int expiresInSeconds, BiConsumer<String, String> issuedTo) throws IOException {
        this.expiresIn = expiresInSeconds;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Map<String, String> form = new LinkedHashMap<>();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            for (String pair : body.split("&")) {
                String[] kv = pair.split("=", 2);
                form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
            form.put("path", exchange.getRequestURI().getPath());
            form.put("content-type", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
            requests.add(form);
            String answer;
            int status;
            if (failing || !"POST".equals(exchange.getRequestMethod())) {
                status = 401;
                answer = "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret "
                        + "provided.\"}";
            } else {
                String token = "token-" + issued.incrementAndGet() + "-" + form.get("grant_type");
                issuedTo.accept(exchange.getRequestURI().getPath(), token);
                status = 200;
                answer = "{\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + ",\"access_token\":\"" + token + "\"}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void failing(boolean failing) {
        this.failing = failing;
    }

    public List<Map<String, String>> requests() {
        return new ArrayList<>(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
