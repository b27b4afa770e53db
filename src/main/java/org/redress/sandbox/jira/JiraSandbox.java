package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A local HTTP server that answers the part of the Jira Cloud REST API v3 the gateway uses, with
 * Jira's validation, limits and error bodies. It exists so a newcomer's demo and every test run
 * against something that fails the way Jira fails, without an Atlassian site or credentials. It
 * is not Jira and says so in its pages and server info.
 *
 * <p>Each instance owns all of its state (no statics), so several sandboxes can run in one JVM.
 */
public final class JiraSandbox implements AutoCloseable {

    /** Jira Cloud's default per-file limit is larger; 25 MiB matches typical mail attachment limits. */
    public static final long DEFAULT_MAX_ATTACHMENT_BYTES = 25L * 1024 * 1024;

    private final java.util.Set<String> outages = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Milliseconds every answer waits before it is given, as a Jira Cloud site far away or under load. */
    private volatile long latencyMillis;
    private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> lostAnswers =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, int[]> rateLimits = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, EveryKth> periodicRateLimits = new java.util.concurrent.ConcurrentHashMap<>();

    private static final System.Logger LOG = System.getLogger(JiraSandbox.class.getName());
    private static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,9}");
    private static final long MIN_REQUEST_BYTES = 16L * 1024 * 1024;

    private final String host;
    private final int requestedPort;
    private final Path dataDir;
    private final List<String> projectKeys;
    private final WebhookSender webhooks = new WebhookSender("jira-sandbox-webhooks");
    private volatile Consumer<RecordedRequest> requestListener;
    private Clock clock = Clock.systemUTC();
    private volatile long maxAttachmentBytes = DEFAULT_MAX_ATTACHMENT_BYTES;
    private volatile boolean attachmentsEnabled = true;
    private volatile boolean createAttachments = true;
    private boolean dataCenter;

    private HttpServer server;
    private ExecutorService executor;
    private SandboxIssues issues;
    private Routes routes;
    private String baseUrl;
    private boolean closed;

    /**
     * @param host        interface to listen on, e.g. "127.0.0.1"
     * @param port        0 picks a free port
     * @param dataDir     null = in memory only; otherwise state persists in dataDir (JSON + attachment files) across restarts
     * @param projectKeys the projects issues may be created in, e.g. "CS"
     */
    public JiraSandbox(String host, int port, Path dataDir, List<String> projectKeys) {
        this.host = Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        this.requestedPort = port;
        this.dataDir = dataDir;
        if (projectKeys == null || projectKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one project key is required, e.g. \"CS\"");
        }
        for (String key : projectKeys) {
            if (key == null || !PROJECT_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("not a Jira project key (upper case letter, then letters, digits or _): " + key);
            }
        }
        this.projectKeys = List.copyOf(projectKeys);
    }

    /**
     * Per-file upload limit; larger files are refused with 413. May be changed while the sandbox runs, as a Jira
     * administrator changes it.
     */
    public synchronized JiraSandbox maxAttachmentBytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative limit");
        }
        this.maxAttachmentBytes = bytes;
        return this;
    }

    /**
     * Jira's switch for attachments (Jira settings, System, Attachments): off, every upload is refused with 403 and
     * {@code attachment/meta} says {@code "enabled": false}. May be changed while the sandbox runs.
     */
    public JiraSandbox attachmentsEnabled(boolean enabled) {
        this.attachmentsEnabled = enabled;
        return this;
    }

    /**
     * Whether the caller holds the project permission Create Attachments, in every project: without it every upload
     * is refused with 403 and {@code mypermissions} says {@code "havePermission": false}. May be changed while the
     * sandbox runs, as an administrator edits a permission scheme.
     */
    public JiraSandbox createAttachmentsPermission(boolean granted) {
        this.createAttachments = granted;
        return this;
    }

    /**
     * Behave as Jira Data Center / Server instead of Jira Cloud: REST v2 under /rest/api/2, descriptions and comments
     * as wiki markup strings (an ADF object is refused, as Data Center refuses it), search paged by offset at
     * /rest/api/2/search, attachments served from /secure/attachment. Call before {@link #start()}.
     */
    public synchronized JiraSandbox dataCenter() {
        requireNotStarted();
        this.dataCenter = true;
        return this;
    }

    public boolean isDataCenter() {
        return dataCenter;
    }

    /** The clock for created/updated timestamps and relative JQL dates. Call before {@link #start()}. */
    public synchronized JiraSandbox clock(Clock clock) {
        requireNotStarted();
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Posts Jira Cloud webhook events (issue created; issue updated: transitioned, fields edited,
     * files added; comment created) for changes made through the REST API from now on, signed
     * with {@code X-Hub-Signature} when a secret is given: a webhook registered for all events.
     * Lets the gateway's webhook intake be exercised end to end without Jira. May be called
     * before or after {@link #start()}.
     *
     * @param url    the receiver; null switches webhooks off
     * @param secret the webhook's secret; null or empty sends unsigned events, like a webhook
     *               registered without one
     */
    public JiraSandbox webhook(URI url, String secret) {
        return webhook(url, secret, Set.of());
    }

    /**
     * As {@link #webhook(URI, String)}, for a webhook registered for some events only, as Jira's
     * webhook registration names them ({@code jira:issue_created}, {@code jira:issue_updated},
     * {@code comment_created}): Jira posts nothing for the others.
     *
     * @param events the events registered for; empty: all
     */
    public JiraSandbox webhook(URI url, String secret, Set<String> events) {
        webhooks.target(url, secret, events);
        return this;
    }

    /** How each webhook delivery so far ended (the most recent 1000), in the order they finished. */
    public List<WebhookDelivery> deliveredWebhooks() {
        return webhooks.outcomes();
    }

    /**
     * Waits until every event queued so far was delivered or given up on, retries included, so a
     * test can assert on what arrived without sleeping.
     *
     * @return false when the timeout passed (or the wait was interrupted) first
     */
    public boolean awaitWebhooksDelivered(Duration timeout) {
        try {
            return webhooks.awaitIdle(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Binds the port and, with a data directory, loads the saved state. Port 0 picks a free port. */
    public synchronized JiraSandbox start() throws IOException {
        requireNotStarted();
        if (closed) {
            throw new IllegalStateException("this sandbox was closed; create a new one");
        }
        // the JDK server writes an answer's head and body separately: with Nagle's algorithm on, the body waits for
        // the client's delayed ACK and every call takes 40 ms more (read once, when the JDK's server first loads)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer http = HttpServer.create(new InetSocketAddress(host, requestedPort), 64);
        try {
            baseUrl = "http://" + urlHost(host) + ":" + http.getAddress().getPort();
            issues = new SandboxIssues(projectKeys, dataDir == null ? null : new SandboxStateFile(dataDir), clock, baseUrl,
                    webhooks::publish, dataCenter);
            routes = routes(issues);
            AtomicInteger threads = new AtomicInteger();
            int port = http.getAddress().getPort();
            executor = Executors.newFixedThreadPool(64, r -> {
                Thread t = new Thread(r, "jira-sandbox-" + port + "-" + threads.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            http.setExecutor(executor);
            http.createContext("/", this::handle);
            http.start();
            server = http;
        } catch (IOException | RuntimeException e) {
            http.stop(0);
            if (executor != null) {
                executor.shutdownNow();
            }
            throw e;
        }
        return this;
    }

    private Routes routes(SandboxIssues store) {
        IssueEndpoints issue = new IssueEndpoints(store);
        AttachmentSettings settings = new AttachmentSettings() {
            @Override
            public long maxBytes() {
                return maxAttachmentBytes;
            }

            @Override
            public boolean enabled() {
                return attachmentsEnabled;
            }

            @Override
            public boolean permitted() {
                return createAttachments;
            }
        };
        AttachmentEndpoints attachments = new AttachmentEndpoints(store, settings);
        PermissionEndpoints permissions = new PermissionEndpoints(store, settings);
        ProjectEndpoints projects = new ProjectEndpoints(store, baseUrl, dataCenter);
        SearchEndpoint search = new SearchEndpoint(store);
        AccountEndpoints account = new AccountEndpoints(() -> baseUrl, clock);
        PageEndpoints pages = new PageEndpoints(store);
        IssueLinkEndpoints links = new IssueLinkEndpoints(store);
        String api = dataCenter ? "/rest/api/2" : "/rest/api/3";
        TextFormat text = new TextFormat(dataCenter);
        Routes routes = new Routes()
                .api("GET", api + "/myself", account::myself)
                .api("GET", api + "/serverInfo", account::serverInfo)
                .api("GET", api + "/mypermissions", permissions::mine)
                .api("POST", api + "/issue", text.checked(issue::create))
                .api("GET", api + "/issue/createmeta/{projectIdOrKey}/issuetypes", projects::issueTypes)
                .api("GET", api + "/issue/{issueIdOrKey}", issue::get)
                .api("PUT", api + "/issue/{issueIdOrKey}", text.checked(issue::edit))
                .api("GET", api + "/issue/{issueIdOrKey}/comment", issue::comments)
                .api("POST", api + "/issue/{issueIdOrKey}/comment", text.checked(issue::addComment))
                .api("GET", api + "/issue/{issueIdOrKey}/transitions", issue::transitions)
                .api("POST", api + "/issue/{issueIdOrKey}/transitions", text.checked(issue::transition))
                .api("GET", api + "/issue/{issueIdOrKey}/properties", issue::propertyKeys)
                .api("GET", api + "/issue/{issueIdOrKey}/properties/{propertyKey}", issue::property)
                .api("PUT", api + "/issue/{issueIdOrKey}/properties/{propertyKey}", issue::setProperty)
                .api("DELETE", api + "/issue/{issueIdOrKey}/properties/{propertyKey}", issue::deleteProperty)
                .api("POST", api + "/issue/{issueIdOrKey}/attachments", attachments::upload)
                .api("GET", api + "/attachment/meta", attachments::settings)
                .api("GET", api + "/attachment/{id}", attachments::metadata)
                .api("POST", api + "/issueLink", text.checked(links::create))
                .api("GET", api + "/issueLinkType", links::types);
        if (dataCenter) {
            // Data Center: the old offset search; files only at /secure/attachment, for signed-in users
            routes.api("GET", api + "/search", search::getByOffset)
                    .api("POST", api + "/search", search::postByOffset)
                    .api("GET", "/secure/attachment/{id}/{filename}", attachments::download);
        } else {
            routes.api("GET", api + "/attachment/content/{id}", attachments::content)
                    .api("GET", api + "/search/jql", search::get)
                    .api("POST", api + "/search/jql", search::post)
                    .page("GET", "/secure/attachment/{id}/{filename}", attachments::download);
        }
        return routes.page("GET", "/", pages::index)
                .page("GET", "/browse/{issueKey}", pages::browse);
    }

    /**
     * Simulates an outage of part of Jira: requests whose path starts with {@code pathPrefix} (e.g.
     * {@code /rest/api/3/search}) are answered 503 until {@link #endOutages()}.
     */
    public JiraSandbox outage(String pathPrefix) {
        outages.add(pathPrefix);
        return this;
    }

    /**
     * Simulates a slow Jira: every request is answered {@code latency} later (0 for none). A real Jira Cloud call
     * takes 100–300 ms; one under load, seconds.
     */
    public JiraSandbox latency(java.time.Duration latency) {
        this.latencyMillis = latency.toMillis();
        return this;
    }

    public JiraSandbox endOutages() {
        outages.clear();
        lostAnswers.clear();
        rateLimits.clear();
        periodicRateLimits.clear();
        return this;
    }

    /**
     * Simulates the occasional 429 of a Jira Cloud site under steady load (the benchmark's "with 429s" phase):
     * every {@code every}-th {@code method} request to exactly {@code path} (the k-th, the 2k-th, …) is answered 429
     * with {@code Retry-After: retryAfterSeconds}, until {@link #endOutages()}. Unlike {@link #rateLimit} it never
     * runs out, so a long run meets it at a steady share of its calls.
     */
    public JiraSandbox rateLimitEvery(String method, String path, int every, int retryAfterSeconds) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be at least 1: " + every);
        }
        periodicRateLimits.put(method + " " + path, new EveryKth(every, retryAfterSeconds, new AtomicInteger()));
        return this;
    }

    /** The state of one {@link #rateLimitEvery} rule: how many matching requests it has seen. */
    private record EveryKth(int every, int retryAfterSeconds, AtomicInteger seen) {
        boolean hit() {
            return seen.incrementAndGet() % every == 0;
        }
    }

    /**
     * Simulates Jira's rate limiting: the next {@code count} {@code method} requests to exactly {@code path} are
     * answered 429 with {@code Retry-After: retryAfterSeconds}, as Jira Cloud does.
     */
    public JiraSandbox rateLimit(String method, String path, int count, int retryAfterSeconds) {
        rateLimits.put(method + " " + path, new int[] {count, retryAfterSeconds});
        return this;
    }

    /**
     * Simulates answers lost on the way back (a proxy timing out, a connection cut): the next {@code count}
     * {@code method} requests to exactly {@code path} are carried out, but answered 504. A client that simply tries
     * again creates twice; this is how the sandbox shows it.
     */
    public JiraSandbox loseAnswers(String method, String path, int count) {
        lostAnswers.put(method + " " + path, new java.util.concurrent.atomic.AtomicInteger(count));
        return this;
    }

    private static boolean takeOne(int[] limit) {
        synchronized (limit) {
            if (limit[0] <= 0) {
                return false;
            }
            limit[0]--;
            return true;
        }
    }

    /** The bound port; only valid after {@link #start()}. */
    public synchronized int port() {
        requireStarted();
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>} (the configured host when it is a specific address). */
    public synchronized String baseUrl() {
        requireStarted();
        return baseUrl;
    }

    /**
     * Called for every request received, before it is handled; null removes the listener. The request's body is the
     * array the sandbox then reads: a listener must not change it.
     */
    public void setRequestListener(Consumer<RecordedRequest> listener) {
        this.requestListener = listener;
    }

    /** The same JSON as GET /rest/api/3/issue/{key}, or null when there is no such issue. */
    public JsonNode issue(String key) {
        return store().issueOrNull(key);
    }

    /** All issue keys in creation order. */
    public List<String> issueKeys() {
        return store().keys();
    }

    /** The stored bytes of an attachment, or null when there is no such attachment. */
    public byte[] attachmentContent(String attachmentId) {
        return store().attachmentBytesOrNull(attachmentId);
    }

    /**
     * Stops the server and, after a short grace period for queued webhooks, the webhook thread.
     * State already written to the data directory stays; reading state still works.
     */
    @Override
    public synchronized void close() {
        closed = true;
        if (server != null) {
            server.stop(0);
            server = null;
        }
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
        webhooks.close();
    }

    private synchronized SandboxIssues store() {
        if (issues == null) {
            throw new IllegalStateException("start() the sandbox first");
        }
        return issues;
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException(closed ? "the sandbox is closed" : "start() the sandbox first");
        }
    }

    private void requireNotStarted() {
        if (server != null) {
            throw new IllegalStateException("the sandbox is already started");
        }
    }

    private long maxRequestBytes() {
        return Math.max(MIN_REQUEST_BYTES, maxAttachmentBytes * 4 + 1024 * 1024);
    }

    private static String urlHost(String host) {
        if (host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("localhost")) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private void handle(HttpExchange exchange) {
        try {
            HttpCall call = HttpCall.read(exchange, maxRequestBytes());
            Consumer<RecordedRequest> listener = requestListener;
            if (listener != null) {
                try {
                    listener.accept(call.recorded());
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "Jira sandbox request listener failed", e);
                    respond(call, JiraErrors.messages(500, "The Redress Jira sandbox's request listener failed: " + e));
                    return;
                }
            }
            long latency = latencyMillis;
            if (latency > 0) {
                Thread.sleep(latency);
            }
            String down = outages.stream().filter(call.path()::startsWith).findFirst().orElse(null);
            if (down != null) {
                respond(call, JiraErrors.messages(503, "Service unavailable (the Redress Jira sandbox simulates an "
                        + "outage of " + down + ")"));
                return;
            }
            int[] limit = rateLimits.get(call.method() + " " + call.path());
            if (limit != null && takeOne(limit)) {
                call.json(429, JiraErrors.messages(429, "Rate limit exceeded (the Redress Jira sandbox simulates Jira "
                        + "Cloud's rate limiting).").body(), java.util.Map.of("Retry-After", String.valueOf(limit[1])));
                return;
            }
            EveryKth periodic = periodicRateLimits.get(call.method() + " " + call.path());
            if (periodic != null && periodic.hit()) {
                call.json(429, JiraErrors.messages(429, "Rate limit exceeded (the Redress Jira sandbox simulates Jira "
                        + "Cloud's occasional rate limiting).").body(),
                        java.util.Map.of("Retry-After", String.valueOf(periodic.retryAfterSeconds())));
                return;
            }
            java.util.concurrent.atomic.AtomicInteger lose = lostAnswers.get(call.method() + " " + call.path());
            if (lose != null && lose.getAndDecrement() > 0) {
                call.loseAnswer();
            }
            dispatch(call);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private void dispatch(HttpCall call) {
        try {
            if (call.bodyTooLarge()) {
                throw JiraErrors.messages(413, "The request is too large for the Redress Jira sandbox (limit "
                        + maxRequestBytes() + " bytes).");
            }
            boolean api = call.path().startsWith("/rest/");
            SandboxUser user = null;
            if (api) {
                user = SandboxUser.fromAuthorization(call.header("authorization"));
                if (user == null) {
                    throw JiraErrors.notAuthenticated();
                }
            }
            Routes.Resolution resolution = routes.resolve(call.method(), call.segments());
            if (!resolution.found()) {
                if (resolution.pathExists()) {
                    throw JiraErrors.methodNotAllowed(String.join(", ", resolution.allowedMethods()));
                }
                throw JiraErrors.notFound("No resource at " + call.path() + " in the Redress Jira sandbox.");
            }
            call.pathParams(resolution.params());
            resolution.route().handler().handle(call, user);
        } catch (JiraErrors.Failure failure) {
            respond(call, failure);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Jira sandbox failed on " + call.method() + " " + call.path(), e);
            respond(call, JiraErrors.messages(500, "Internal error in the Redress Jira sandbox: " + e));
        }
    }

    private static void respond(HttpCall call, JiraErrors.Failure failure) {
        if (!call.responded()) {
            call.json(failure.status(), failure.body(), failure.headers());
        }
    }
}
