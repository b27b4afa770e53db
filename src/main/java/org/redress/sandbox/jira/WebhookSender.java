package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Posts webhook events the way Jira Cloud does for a webhook registered with a secret: signed,
 * one at a time in the order the changes happened, and retried with backoff when the receiver
 * fails. Delivery runs on its own thread so a slow or dead receiver never slows the REST call
 * that caused the event, which is also how Jira behaves.
 */
final class WebhookSender implements AutoCloseable {

    static final int MAX_RETRIES = 5;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);
    /** Outcomes kept for tests; a long demo must not grow without bound. */
    private static final int KEPT_OUTCOMES = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Where events go and which: replaced as a whole so a delivery never mixes one target's URL with another's secret.
     *
     * @param events the {@code webhookEvent} names the webhook is registered for; empty: every event
     */
    private record Target(URI url, String secret, Set<String> events) {
        boolean wants(String webhookEvent) {
            return events.isEmpty() || events.contains(webhookEvent);
        }
    }

    private final ExecutorService executor;
    private final List<WebhookDelivery> outcomes = new ArrayList<>();
    private volatile Target target;
    private HttpClient client;
    private int pending;

    WebhookSender(String threadName) {
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param url    null switches webhooks off
     * @param secret null or empty sends unsigned events
     * @param events the events registered for, by {@code webhookEvent} name; empty: every event
     */
    void target(URI url, String secret, Set<String> events) {
        if (url != null && !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
            throw new IllegalArgumentException("webhook URL must be http or https: " + url);
        }
        this.target = url == null ? null
                : new Target(url, secret == null || secret.isEmpty() ? null : secret, Set.copyOf(events));
    }

    /**
     * Queues one event for the current target. The payload is rendered now, on the caller's
     * thread, so it shows the issue as of the change, and only when the webhook is registered
     * for the event: Jira posts nothing for an event the registration leaves out.
     *
     * @param webhookEvent the {@code webhookEvent} the payload names
     */
    void publish(String webhookEvent, Supplier<ObjectNode> payload) {
        Target to = target;
        if (to == null || !to.wants(webhookEvent)) {
            return;
        }
        ObjectNode event = payload.get();
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalStateException("webhook payload is not serialisable", e);
        }
        String name = event.path("webhookEvent").asText();
        String identifier = UUID.randomUUID().toString();
        synchronized (this) {
            pending++;
        }
        try {
            executor.execute(() -> {
                try {
                    deliver(to, identifier, name, body);
                } finally {
                    done();
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("Jira sandbox is closed; dropped webhook {} {}", name, identifier);
            done();
        }
    }

    /** @return true when nothing is queued or in flight (retries included) any more */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (pending > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }

    synchronized List<WebhookDelivery> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Lets queued deliveries finish for a short while, then abandons the rest. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Jira sandbox closed with webhook deliveries pending; abandoning them");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void done() {
        pending--;
        notifyAll();
    }

    private void deliver(Target to, String identifier, String name, byte[] body) {
        int status = -1;
        for (int attempt = 0; attempt <= MAX_RETRIES; attempt++) {
            if (attempt > 0 && !sleep(FIRST_BACKOFF.multipliedBy(1L << (attempt - 1)))) {
                LOG.warn("Dropped webhook {} {} to {}: sandbox closing", name, identifier, to.url());
                record(identifier, name, body, attempt, status, false);
                return;
            }
            try {
                status = client().send(request(to, identifier, attempt, body), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status / 100 == 2) {
                    record(identifier, name, body, attempt + 1, status, true);
                    return;
                }
                LOG.debug("Webhook {} {} to {} answered {} (attempt {})", name, identifier, to.url(), status, attempt + 1);
            } catch (IOException e) {
                status = -1;
                LOG.debug("Webhook {} {} to {} failed (attempt {}): {}", name, identifier, to.url(), attempt + 1, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("Dropped webhook {} {} to {}: sandbox closing", name, identifier, to.url());
                record(identifier, name, body, attempt + 1, status, false);
                return;
            }
        }
        LOG.warn("Dropped webhook {} {} to {} after {} retries; last status {}", name, identifier, to.url(),
                MAX_RETRIES, status);
        record(identifier, name, body, MAX_RETRIES + 1, status, false);
    }

    private HttpRequest request(Target to, String identifier, int retry, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(to.url())
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-Atlassian-Webhook-Identifier", identifier)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (retry > 0) {
            request.header("X-Atlassian-Webhook-Retry", String.valueOf(retry));
        }
        if (to.secret() != null) {
            request.header("X-Hub-Signature", "sha256=" + hmacSha256Hex(to.secret(), body));
        }
        return request.build();
    }

    /** Jira signs the exact body bytes, so receivers must verify before parsing. */
    private static String hmacSha256Hex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body)).toLowerCase(Locale.ROOT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Created on first use: a sandbox without webhooks should not start the client's threads. */
    private HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return client;
    }

    private static boolean sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized void record(String identifier, String name, byte[] body, int attempts, int status, boolean delivered) {
        if (outcomes.size() == KEPT_OUTCOMES) {
            outcomes.remove(0);
        }
        outcomes.add(new WebhookDelivery(identifier, name, new String(body, StandardCharsets.UTF_8), attempts, status, delivered));
    }
}
