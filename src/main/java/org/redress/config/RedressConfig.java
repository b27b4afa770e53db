package org.redress.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.redress.followup.BusinessCalendar;

/**
 * The whole, validated configuration. Built once at start-up from {@code config/application.properties} (the file in
 * the working directory, else the copy inside the jar), then system properties, then explicit overrides (tests);
 * secrets are written as {@code ${env:NAME}} so that they live in the environment, not in the file.
 * {@code camel.*} keys are passed to Camel, which validates its own.
 */
public record RedressConfig(Path dataDir, int httpPort, DatabaseConfig database, JiraConfig jira, SmtpConfig smtp,
                            IntakeConfig intake, AcknowledgementConfig acknowledgement, SandboxConfig sandbox,
                            List<InboxConfig> inboxes, ConversationConfig conversation, HistoryConfig history,
                            TriageConfig triage, FollowUpConfig followUp, SatisfactionConfig satisfaction,
                            String apiToken, Duration inboxDownAfter, ChannelsConfig channels, Path routesDir,
                            ClusterConfig cluster, WorkConfig work,
                            Map<String, String> camelProperties) {

    public static final String CONFIG_FILE = "config/application.properties";

    public static RedressConfig load(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(fileSettings());
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith("redress.") || k.toString().startsWith("camel.")) {
                merged.put(k.toString(), v.toString());
            }
        });
        merged.putAll(overrides);
        return from(merged, System.getenv());
    }

    /** Builds and validates the configuration from explicit values; the first problem found names its key. */
    public static RedressConfig from(Map<String, String> values, Map<String, String> environment) {
        Map<String, String> redress = new LinkedHashMap<>();
        Map<String, String> camel = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith("redress.")) {
                redress.put(key, value);
            } else if (key.startsWith("camel.")) {
                camel.put(key, value);
            } else {
                throw new ConfigException(key, "is not a known setting: keys start with 'redress.' or 'camel.'");
            }
        });
        Settings s = new Settings(redress, environment);
        Path dataDir = Path.of(s.optional("redress.data-dir", "data"));
        String defaultDb = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("redress");
        DatabaseConfig database = new DatabaseConfig(s.optional("redress.db.url", defaultDb),
                s.optional("redress.db.user", "sa"), s.optional("redress.db.password", ""),
                blankToNull(s.optional("redress.db.schema", null)));
        if (!database.url().startsWith("jdbc:h2:") && !database.url().startsWith("jdbc:postgresql:")) {
            throw new ConfigException("redress.db.url", "must be a jdbc:h2: or jdbc:postgresql: URL, got '" + database.url() + "'");
        }
        JiraConfig jira = new JiraConfig(trimSlash(s.required("redress.jira.url")),
                s.choice("redress.jira.auth", JiraConfig.JiraAuth.class, JiraConfig.JiraAuth.BASIC),
                s.optional("redress.jira.user", ""), s.required("redress.jira.token"),
                s.optional("redress.jira.customer-property", "redress.customer"),
                s.choice("redress.jira.flavour", JiraConfig.Flavour.class, JiraConfig.Flavour.CLOUD));
        if (jira.auth() == JiraConfig.JiraAuth.BASIC && jira.user().isBlank()) {
            throw new ConfigException("redress.jira.user", "is required with redress.jira.auth=basic (the account's "
                    + "e-mail on Cloud, its user name on Data Center)");
        }
        OAuthConfig smtpOAuth = oauth(s, "redress.smtp.", "smtp");
        SmtpConfig smtp = new SmtpConfig(s.required("redress.smtp.host"), s.port("redress.smtp.port", 25),
                s.optional("redress.smtp.user", ""), smtpOAuth == null ? s.optional("redress.smtp.password", "")
                        : s.optional("redress.smtp.password", "").substring(0, 0),
                s.choice("redress.smtp.security", SmtpConfig.Security.class, SmtpConfig.Security.NONE), smtpOAuth,
                atMost(positive(s, "redress.smtp.connections", SmtpConfig.DEFAULT_CONNECTIONS), 32,
                        "redress.smtp.connections", "connections the outbox sends through at once"));
        if (smtpOAuth != null && smtp.user().isBlank()) {
            throw new ConfigException("redress.smtp.user", "is required with redress.smtp.auth=oauth2 (the mailbox "
                    + "the token is for)");
        }
        List<String> languages = list(s.optional("redress.languages", "fr,it,en,de,es"));
        String fallbackLanguage = s.optional("redress.fallback-language", "en");
        if (!languages.contains(fallbackLanguage)) {
            throw new ConfigException("redress.fallback-language", "must be one of redress.languages " + languages);
        }
        IntakeConfig intake = new IntakeConfig(s.duration("redress.intake.poll-interval", Duration.ofMillis(500)),
                positive(s, "redress.intake.max-attempts", 3), s.optional("redress.intake.quarantine-folder", "Quarantine"),
                positive(s, "redress.intake.max-attachment-text", 100_000), languages, fallbackLanguage,
                new IntakeConfig.SizeLimits(s.size("redress.intake.max-message-size", 25L << 20),
                        s.size("redress.intake.max-attachment-size", 10L << 20),
                        s.duration("redress.intake.attachment-text-timeout", Duration.ofSeconds(30))),
                s.optional("redress.intake.oversized-folder", "Oversized"), authservId(s),
                s.optional("redress.intake.quarantine-alert-project", ""),
                atMost(positive(s, "redress.intake.parallelism", 16), 64, "redress.intake.parallelism",
                        "mails handled at once per inbox"), s.bool("redress.intake.idle", false));
        if (intake.limits().maxAttachmentBytes() > intake.limits().maxMessageBytes()) {
            throw new ConfigException("redress.intake.max-attachment-size",
                    "must not be larger than redress.intake.max-message-size");
        }
        if (intake.limits().maxMessageBytes() > Integer.MAX_VALUE - 64) {
            throw new ConfigException("redress.intake.max-message-size", "must be below 2GB");
        }
        if (intake.oversizedFolder().isBlank()) {
            throw new ConfigException("redress.intake.oversized-folder", "must name an IMAP folder (default Oversized)");
        }
        if (!intake.quarantineAlertProject().matches("([A-Z][A-Z0-9_]+)?")) {
            throw new ConfigException("redress.intake.quarantine-alert-project", "must be a Jira project key such as "
                    + "CS (capital letters, digits, _), or empty for no alerts; got '" + intake.quarantineAlertProject()
                    + "'");
        }
        if (intake.limits().textTimeout().isZero()) {
            throw new ConfigException("redress.intake.attachment-text-timeout", "must be longer than zero");
        }
        AcknowledgementConfig ack = new AcknowledgementConfig(
                s.duration("redress.acknowledgement.first-response", Duration.ofHours(24)),
                Path.of(s.optional("redress.acknowledgement.templates-dir", "config/templates")),
                s.integer("redress.acknowledgement.max-per-sender-per-hour", 5));
        if (ack.maxPerSenderPerHour() < 0) {
            throw new ConfigException("redress.acknowledgement.max-per-sender-per-hour", "must be 0 (no cap) or more");
        }
        int httpPort = s.port("redress.http.port", 8080);
        boolean webhooks = s.bool("redress.conversation.webhooks", true);
        SandboxConfig sandbox = new SandboxConfig(s.optional("redress.sandbox.host", "127.0.0.1"),
                s.port("redress.sandbox.smtp-port", 3025), s.port("redress.sandbox.imap-port", 3143),
                s.port("redress.sandbox.pop3-port", 3110), s.port("redress.sandbox.jira-port", 8089),
                s.port("redress.sandbox.crm-port", 8091),
                s.optional("redress.sandbox.jira-projects", "CS"),
                blankToNull(s.optional("redress.sandbox.webhook-url",
                        webhooks ? "http://127.0.0.1:" + httpPort + "/webhooks/jira" : "")),
                s.optional("redress.jira.webhook-secret", ""), jira.flavour() == JiraConfig.Flavour.DATACENTER);
        List<InboxConfig> inboxes = inboxes(s, languages, calendars(s));
        ConversationConfig conversation = conversation(s);
        HistoryConfig history = history(s);
        TriageConfig triage = triage(s);
        FollowUpConfig followUp = FollowUpSettings.read(s, inboxes, triage.priority().levels(),
                ack.firstResponse());
        SatisfactionConfig satisfaction = FollowUpSettings.satisfaction(s, httpPort);
        String apiToken = s.required("redress.api.token");
        if (apiToken.length() < 12) {
            throw new ConfigException("redress.api.token", "must be at least 12 characters: it guards customers' data");
        }
        // three missed polls at the least, so that a slow poll interval does not make a healthy inbox flap
        Duration threePolls = intake.pollInterval().multipliedBy(3);
        Duration inboxDownAfter = s.duration("redress.health.inbox-down-after",
                threePolls.compareTo(Duration.ofSeconds(30)) > 0 ? threePolls : Duration.ofSeconds(30));
        if (inboxDownAfter.compareTo(intake.pollInterval()) <= 0) {
            throw new ConfigException("redress.health.inbox-down-after",
                    "must be longer than redress.intake.poll-interval (" + intake.pollInterval() + ")");
        }
        if (intake.idle() && inboxDownAfter.compareTo(Duration.ofSeconds(10)) < 0) {
            // an inbox waiting in IDLE goes round at least at each sweep, every 5 s
            throw new ConfigException("redress.health.inbox-down-after", "must be at least PT10S with "
                    + "redress.intake.idle=true: an inbox waiting in IDLE reports a round every 5 s");
        }
        ChannelsConfig channels = channels(s, inboxes);
        Path routesDir = Path.of(s.optional("redress.routes-dir", "routes"));
        ClusterConfig cluster = cluster(s, database);
        WorkConfig work = work(s, database, intake);
        s.rejectUnknownKeys();
        return new RedressConfig(dataDir, httpPort, database, jira, smtp, intake, ack, sandbox, inboxes, conversation,
                history, triage, followUp, satisfaction, apiToken, inboxDownAfter, channels, routesDir, cluster, work,
                camel);
    }

    /**
     * {@code <prefix>auth=oauth2} and its {@code <prefix>oauth.*} keys, or null for {@code auth=password} (the
     * default). Providers fill in what they can: microsoft (client credentials, the tenant's token URL, Exchange
     * Online's scope), google (a refresh token, Google's token URL).
     */
    private static OAuthConfig oauth(Settings s, String prefix, String account) {
        String auth = s.optional(prefix + "auth", "password");
        if (auth.equalsIgnoreCase("password")) {
            return null;
        }
        if (!auth.equalsIgnoreCase("oauth2")) {
            throw new ConfigException(prefix + "auth", "must be password or oauth2, got '" + auth + "'");
        }
        String o = prefix + "oauth.";
        String provider = s.optional(o + "provider", "other").toLowerCase(Locale.ROOT);
        String tokenUrl;
        String scope;
        OAuthConfig.Grant grant;
        switch (provider) {
            case "microsoft" -> {
                String tenant = s.required(o + "tenant");
                tokenUrl = s.optional(o + "token-url", "https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/token");
                scope = s.optional(o + "scope", "https://outlook.office365.com/.default");
                grant = s.choice(o + "grant", OAuthConfig.Grant.class, OAuthConfig.Grant.CLIENT_CREDENTIALS);
            }
            case "google" -> {
                tokenUrl = s.optional(o + "token-url", "https://oauth2.googleapis.com/token");
                scope = s.optional(o + "scope", "");
                grant = s.choice(o + "grant", OAuthConfig.Grant.class, OAuthConfig.Grant.REFRESH_TOKEN);
            }
            case "other" -> {
                tokenUrl = s.required(o + "token-url");
                scope = s.optional(o + "scope", "");
                grant = s.choice(o + "grant", OAuthConfig.Grant.class, OAuthConfig.Grant.CLIENT_CREDENTIALS);
            }
            default -> throw new ConfigException(o + "provider", "must be microsoft, google or other, got '"
                    + provider + "'");
        }
        if (!tokenUrl.matches("https?://\\S+")) {
            throw new ConfigException(o + "token-url", "must be an http(s) URL, got '" + tokenUrl + "'");
        }
        String refreshToken = grant == OAuthConfig.Grant.REFRESH_TOKEN ? s.required(o + "refresh-token")
                : s.optional(o + "refresh-token", "");
        Duration refreshBefore = s.duration(o + "refresh-before", Duration.ofMinutes(5));
        String clientSecret = grant == OAuthConfig.Grant.CLIENT_CREDENTIALS ? s.required(o + "client-secret")
                : s.optional(o + "client-secret", "");
        if (refreshBefore.isZero() || refreshBefore.isNegative()) {
            throw new ConfigException(o + "refresh-before", "must be longer than zero");
        }
        return new OAuthConfig(account, o, tokenUrl, grant, s.required(o + "client-id"), clientSecret, refreshToken,
                scope, refreshBefore);
    }

    private static ClusterConfig cluster(Settings s, DatabaseConfig database) {
        ClusterConfig.Service service = s.choice("redress.cluster.service", ClusterConfig.Service.class,
                ClusterConfig.Service.NONE);
        String nodeId = s.optional("redress.cluster.node-id", null);
        if (nodeId == null || nodeId.isBlank()) {
            nodeId = service == ClusterConfig.Service.NONE ? "single" : defaultNodeId();
        }
        String nodes = s.optional("redress.cluster.zookeeper.nodes", "");
        if (service == ClusterConfig.Service.ZOOKEEPER && nodes.isBlank()) {
            throw new ConfigException("redress.cluster.zookeeper.nodes", "is required with redress.cluster.service="
                    + "zookeeper (host:port of the ensemble, comma-separated)");
        }
        String basePath = s.optional("redress.cluster.zookeeper.base-path", "/redress");
        if (!basePath.matches("(/[A-Za-z0-9._-]+)+")) {
            throw new ConfigException("redress.cluster.zookeeper.base-path", "must be a znode path such as /redress");
        }
        Duration session = s.duration("redress.cluster.zookeeper.session-timeout", Duration.ofSeconds(10));
        if (session.compareTo(Duration.ofSeconds(4)) < 0 || session.compareTo(Duration.ofSeconds(40)) > 0) {
            throw new ConfigException("redress.cluster.zookeeper.session-timeout", "must be between PT4S and PT40S "
                    + "(ZooKeeper's own bounds at its default tick): a node silent this long loses its inboxes");
        }
        Duration lease = s.duration("redress.cluster.kubernetes.lease-duration", Duration.ofSeconds(15));
        if (lease.compareTo(Duration.ofSeconds(5)) < 0) {
            throw new ConfigException("redress.cluster.kubernetes.lease-duration", "must be at least PT5S");
        }
        if (service != ClusterConfig.Service.NONE && !database.url().startsWith("jdbc:postgresql:")) {
            throw new ConfigException("redress.cluster.service", "needs the nodes to share their state: set "
                    + "redress.db.url to a PostgreSQL database (the embedded H2 belongs to one node)");
        }
        return new ClusterConfig(service, nodeId, nodes, basePath, session,
                blankToNull(s.optional("redress.cluster.kubernetes.namespace", null)), lease,
                Set.copyOf(list(s.optional("redress.cluster.singleton-routes", "folder-channel"))));
    }

    private static WorkConfig work(Settings s, DatabaseConfig database, IntakeConfig intake) {
        WorkConfig.Queue queue = s.choice("redress.work.queue", WorkConfig.Queue.class, WorkConfig.Queue.IN_PROCESS);
        String addresses = s.optional("redress.work.rabbitmq.addresses", "127.0.0.1:5672");
        if (!addresses.matches("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+)(:\\d{1,5})?(,(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+)(:\\d{1,5})?)*")) {
            throw new ConfigException("redress.work.rabbitmq.addresses", "must be host:port, comma-separated, got '"
                    + addresses + "'");
        }
        String queueName = s.optional("redress.work.rabbitmq.queue", "redress.work");
        if (!queueName.matches("[A-Za-z0-9._-]{1,200}")) {
            throw new ConfigException("redress.work.rabbitmq.queue", "must be letters, digits, '.', '_' or '-', got '"
                    + queueName + "'");
        }
        // each item on the queue holds two database connections (its conversation's lock, its work): several nodes
        // must fit PostgreSQL's max_connections together
        int concurrency = s.integer("redress.work.concurrency", 8);
        if (concurrency < 1 || concurrency > 64) {
            throw new ConfigException("redress.work.concurrency", "must be between 1 and 64, got " + concurrency);
        }
        Duration retryAfter = s.duration("redress.work.retry-after", Duration.ofSeconds(10));
        Duration orderWait = s.duration("redress.work.order-wait", Duration.ofMillis(500));
        if (retryAfter.toMillis() < 100) {
            throw new ConfigException("redress.work.retry-after", "must be at least PT0.1S");
        }
        if (orderWait.toMillis() < 50) {
            throw new ConfigException("redress.work.order-wait", "must be at least PT0.05S");
        }
        if (queue == WorkConfig.Queue.RABBITMQ && !database.url().startsWith("jdbc:postgresql:")) {
            throw new ConfigException("redress.work.queue", "rabbitmq hands complaints to every node, which must "
                    + "read them from one register: set redress.db.url to a PostgreSQL database");
        }
        return new WorkConfig(queue, addresses, s.optional("redress.work.rabbitmq.username", "guest"),
                s.optional("redress.work.rabbitmq.password", "guest"),
                s.optional("redress.work.rabbitmq.virtual-host", "/"), queueName, concurrency, retryAfter, orderWait);
    }

    /** The pod's or host's name, and the process id: two nodes on one host stay apart. */
    private static String defaultNodeId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "node";
            }
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    private static ChannelsConfig channels(Settings s, List<InboxConfig> inboxes) {
        String inbox = s.optional("redress.channels.inbox", inboxes.get(0).id());
        if (inboxes.stream().noneMatch(i -> i.id().equals(inbox))) {
            throw new ConfigException("redress.channels.inbox", "must name a configured inbox ("
                    + inboxes.stream().map(InboxConfig::id).toList() + "), got '" + inbox + "'");
        }
        Set<String> types = Set.copyOf(list(s.optional("redress.channels.file-types", ChannelsConfig.DEFAULT_FILE_TYPES)));
        for (String type : types) {
            if (!type.matches("[a-z0-9.+-]+/[a-z0-9.+-]+")) {
                throw new ConfigException("redress.channels.file-types", "must list media types such as "
                        + "application/pdf, got '" + type + "'");
            }
        }
        Duration retryAfter = s.duration("redress.channels.retry-after", Duration.ofSeconds(30));
        if (retryAfter.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new ConfigException("redress.channels.retry-after", "must be at least PT1S");
        }
        int maxFiles = s.integer("redress.channels.max-files", 5);
        if (maxFiles < 0 || maxFiles > 50) {
            throw new ConfigException("redress.channels.max-files", "must be between 0 and 50, got " + maxFiles);
        }
        return new ChannelsConfig(inbox, maxFiles, types, retryAfter, s.bool("redress.web.enabled", true));
    }

    /** One server name, as it opens that server's Authentication-Results header (RFC 8601 authserv-id). */
    private static String authservId(Settings s) {
        String id = s.optional("redress.intake.authserv-id", "");
        if (!id.matches("[^\\s;()\"=/]*")) {
            throw new ConfigException("redress.intake.authserv-id", "must be the receiving server's authserv-id alone "
                    + "(e.g. mx.example.com, as its Authentication-Results headers begin), got '" + id + "'");
        }
        return id;
    }

    private static HistoryConfig history(Settings s) {
        String crmUrl = blankToNull(s.optional("redress.crm.url", null));
        if (crmUrl != null && !crmUrl.startsWith("jdbc:")) {
            throw new ConfigException("redress.crm.url", "must be a JDBC URL, got '" + crmUrl + "'");
        }
        String query = s.optional("redress.crm.query", "SELECT name, tier, customer_since, lifetime_value, "
                + "preferred_language FROM crm_customer WHERE lower(email) = :#email");
        if (!query.contains(":#email")) {
            throw new ConfigException("redress.crm.query", "must use the customer's address as :#email");
        }
        if (query.contains("?") || query.contains("&")) {
            throw new ConfigException("redress.crm.query", "cannot contain '?' or '&' (it becomes a camel-sql "
                    + "endpoint URI); use named parameters such as :#email");
        }
        String jql = s.optional("redress.history.jira-jql",
                "project in ({projects}) AND text ~ \"{email}\" ORDER BY created DESC");
        if (!jql.contains("{email}")) {
            throw new ConfigException("redress.history.jira-jql", "must contain {email}");
        }
        return new HistoryConfig(crmUrl, s.optional("redress.crm.user", ""), s.optional("redress.crm.password", ""),
                query, Set.copyOf(list(s.optional("redress.crm.vip-tiers", "gold,platinum"))), jql,
                positive(s, "redress.history.max-tickets", 20), s.optional("redress.history.link-type", "Relates"));
    }

    private static TriageConfig triage(Settings s) {
        Map<String, String> referenceKeys = s.under("redress.hints.reference");
        if (referenceKeys.isEmpty()) {
            referenceKeys = Map.of("order", "\\b[A-Z]{2,4}-\\d{4}-\\d{4,6}\\b",
                    "invoice", "(?i)\\b(?:invoice|facture|fattura|rechnung|factura)\\s*+(?:n[o°º]?\\.?|nr\\.?|#)?+\\s*+:?+\\s*+"
                            + "(?=[A-Z0-9/-]*\\d)[A-Z0-9][A-Z0-9/-]{3,}+");
        }
        List<java.util.regex.Pattern> references = new ArrayList<>();
        referenceKeys.forEach((name, regex) -> {
            try {
                references.add(java.util.regex.Pattern.compile(regex));
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new ConfigException("redress.hints.reference." + name, "is not a valid regular expression: "
                        + e.getDescription());
            }
        });
        Map<String, List<String>> categories = new LinkedHashMap<>();
        s.under("redress.category").forEach((name, terms) -> {
            List<String> words = Arrays.stream(terms.split(",")).map(String::trim).filter(t -> !t.isEmpty()
                    && !t.equals("*")).toList();
            if (words.isEmpty()) {
                throw new ConfigException("redress.category." + name, "needs at least one term");
            }
            categories.put(name, words);
        });
        if (categories.isEmpty()) {
            categories.putAll(org.redress.triage.CategoryClassifier.DEFAULTS);
        }
        List<String> levels = Arrays.stream(s.optional("redress.priority.levels", "Highest,High,Medium,Low,Lowest")
                .split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
        String base = level(s, "redress.priority.default", "Medium", levels);
        Map<org.redress.triage.HintKind, String> byHint = new java.util.EnumMap<>(org.redress.triage.HintKind.class);
        Map<String, String> hintDefaults = Map.of("legal", "High", "hostility", "High");
        for (org.redress.triage.HintKind kind : org.redress.triage.HintKind.values()) {
            String level = level(s, "redress.priority.hint." + kind.code(), hintDefaults.get(kind.code()), levels);
            if (level != null) {
                byHint.put(kind, level);
            }
        }
        Map<String, String> byTier = new LinkedHashMap<>();
        Map<String, String> tierKeys = s.under("redress.priority.tier");
        if (tierKeys.isEmpty()) {
            tierKeys = Map.of("gold", "High", "platinum", "High");
        }
        tierKeys.forEach((tier, level) -> byTier.put(tier.toLowerCase(Locale.ROOT),
                checkLevel("redress.priority.tier." + tier, level, levels)));
        String repeat = level(s, "redress.priority.repeat-complainant", null, levels);
        return new TriageConfig(references, categories,
                new org.redress.triage.PriorityPolicy(levels, base, byHint, byTier, repeat),
                s.bool("redress.priority.field", true));
    }

    private static String level(Settings s, String key, String fallback, List<String> levels) {
        String value = blankToNull(s.optional(key, fallback));
        return value == null ? null : checkLevel(key, value, levels);
    }

    private static String checkLevel(String key, String value, List<String> levels) {
        return levels.stream().filter(l -> l.equalsIgnoreCase(value)).findFirst().orElseThrow(() ->
                new ConfigException(key, "must be one of redress.priority.levels " + levels + ", got '" + value + "'"));
    }

    private static ConversationConfig conversation(Settings s) {
        boolean webhooks = s.bool("redress.conversation.webhooks", true);
        String secret = s.optional("redress.jira.webhook-secret", "");
        if (webhooks && secret.isBlank()) {
            throw new ConfigException("redress.jira.webhook-secret", "is required while redress.conversation.webhooks "
                    + "is true: the gateway refuses unsigned webhook calls");
        }
        Duration poll = s.duration("redress.conversation.poll-interval", Duration.ofMinutes(1));
        if (!webhooks && poll.isZero()) {
            throw new ConfigException("redress.conversation.poll-interval", "cannot be 0 while "
                    + "redress.conversation.webhooks is false: agents' comments would never reach customers");
        }
        return new ConversationConfig(webhooks, secret, poll,
                s.optional("redress.conversation.internal-marker", "[internal]"),
                s.choice("redress.conversation.resolved-reply", ConversationConfig.ResolvedReply.class,
                        ConversationConfig.ResolvedReply.REOPEN),
                s.optional("redress.conversation.reopen-transition", "Reopen"),
                s.optional("redress.conversation.follow-up-link", "Relates"));
    }

    /**
     * The secrets still at the shipped configuration's public sandbox defaults. Fine against the sandbox; anywhere
     * else anyone could call the register API, forge webhooks or score links.
     */
    public List<String> secretsAtSandboxDefaults() {
        List<String> keys = new ArrayList<>();
        if (apiToken.equals("sandbox-api-token")) {
            keys.add("redress.api.token (REDRESS_API_TOKEN)");
        }
        if (conversation.webhookSecret().equals("sandbox-webhook-secret")) {
            keys.add("redress.jira.webhook-secret (REDRESS_JIRA_WEBHOOK_SECRET)");
        }
        if (satisfaction.enabled() && satisfaction.secret().equals("sandbox-satisfaction-secret")) {
            keys.add("redress.satisfaction.secret (REDRESS_SATISFACTION_SECRET)");
        }
        if (work.shared() && work.password().equals("guest")) {
            keys.add("redress.work.rabbitmq.password (RabbitMQ's guest login only works on the broker's own host)");
        }
        return keys;
    }

    /** Every address the gateway sends from: mail from these is never a complaint (it would be a loop). */
    public Set<String> ownAddresses() {
        Set<String> own = new HashSet<>();
        inboxes.forEach(inbox -> own.add(inbox.address()));
        return own;
    }

    /** The Jira projects the inboxes file into: only their keys in a subject can name a ticket. */
    public Set<String> projects() {
        Set<String> projects = new HashSet<>();
        inboxes.forEach(inbox -> projects.add(inbox.jiraProject()));
        return projects;
    }

    public InboxConfig inbox(String id) {
        return inboxes.stream().filter(inbox -> inbox.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no inbox " + id));
    }

    /** Named business calendars ({@code redress.calendar.<name>.hours|holidays}); "default" is always open. */
    private static Map<String, BusinessCalendar> calendars(Settings s) {
        Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
        calendars.put("default", BusinessCalendar.ALWAYS);
        for (String name : s.groupIds("redress.calendar")) {
            String hoursKey = "redress.calendar." + name + ".hours";
            String holidaysKey = "redress.calendar." + name + ".holidays";
            var hours = calendarPart(hoursKey, () -> BusinessCalendar.hours(s.required(hoursKey)));
            var holidays = calendarPart(holidaysKey, () -> BusinessCalendar.holidays(s.optional(holidaysKey, "")));
            calendars.put(name, BusinessCalendar.of(hours, holidays));
        }
        return calendars;
    }

    private static <T> T calendarPart(String key, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, e.getMessage());
        }
    }

    private static List<InboxConfig> inboxes(Settings s, List<String> languages, Map<String, BusinessCalendar> calendars) {
        List<InboxConfig> inboxes = new ArrayList<>();
        Set<String> addresses = new HashSet<>();
        for (String id : s.groupIds("redress.inbox")) {
            if (!id.matches("[a-z0-9][a-z0-9-]*")) {
                throw new ConfigException("redress.inbox." + id, "inbox ids are lower-case letters, digits and '-'");
            }
            String p = "redress.inbox." + id + ".";
            String address = s.required(p + "address");
            if (!address.matches("[^@\\s]+@[^@\\s]+")) {
                throw new ConfigException(p + "address", "must be an e-mail address, got '" + address + "'");
            }
            if (!addresses.add(address.toLowerCase(Locale.ROOT))) {
                throw new ConfigException(p + "address", "is used by another inbox too");
            }
            MailProtocol protocol = s.choice(p + "protocol", MailProtocol.class, MailProtocol.IMAP);
            int defaultPort = switch (protocol) {
                case IMAP -> 143; case IMAPS -> 993; case POP3 -> 110; case POP3S -> 995;
            };
            String language = s.optional(p + "language", "en");
            if (!languages.contains(language)) {
                throw new ConfigException(p + "language", "must be one of redress.languages " + languages + ", got '" + language + "'");
            }
            String processed = blankToNull(s.optional(p + "processed-folder", null));
            if (processed != null && !protocol.hasFolders()) {
                throw new ConfigException(p + "processed-folder", "only IMAP mailboxes have folders");
            }
            String zone = s.optional(p + "time-zone", "UTC");
            ZoneId timeZone;
            try {
                timeZone = ZoneId.of(zone);
            } catch (java.time.DateTimeException e) {
                throw new ConfigException(p + "time-zone", "must be a time zone such as Europe/Paris, got '" + zone + "'");
            }
            String calendar = s.optional(p + "calendar", "default");
            if (!calendars.containsKey(calendar)) {
                throw new ConfigException(p + "calendar", "names no calendar (redress.calendar." + calendar
                        + ".hours is not set)");
            }
            OAuthConfig oauth = oauth(s, p, "inbox." + id);
            if (oauth != null && !protocol.hasFolders()) {
                throw new ConfigException(p + "auth", "oauth2 (XOAUTH2) is for IMAP and IMAPS inboxes; Microsoft 365 "
                        + "and Gmail both offer IMAP");
            }
            inboxes.add(new InboxConfig(id, address, protocol, s.required(p + "host"), s.port(p + "port", defaultPort),
                    // with oauth2 a password left in the file is not used
                    s.optional(p + "user", address), oauth == null ? s.required(p + "password")
                            : s.optional(p + "password", "").substring(0, 0),
                    s.optional(p + "folder", "INBOX"),
                    processed, s.required(p + "jira-project"), s.optional(p + "issue-type", "Task"), language,
                    timeZone, calendars.get(calendar), oauth));
        }
        if (inboxes.isEmpty()) {
            throw new ConfigException("redress.inbox.<id>.address", "no inbox is configured");
        }
        return List.copyOf(inboxes);
    }

    private static int positive(Settings s, String key, int fallback) {
        int value = s.integer(key, fallback);
        if (value < 1) {
            throw new ConfigException(key, "must be at least 1, got " + value);
        }
        return value;
    }

    private static int atMost(int value, int max, String key, String what) {
        if (value > max) {
            throw new ConfigException(key, "must be at most " + max + " (" + what + "), got " + value);
        }
        return value;
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(v -> !v.isEmpty())
                .map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The settings of the configuration file alone: the working directory's, else the jar's. */
    public static Map<String, String> fileSettings() {
        Path file = Path.of(CONFIG_FILE);
        try {
            if (Files.isRegularFile(file)) {
                return parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            try (InputStream in = RedressConfig.class.getClassLoader().getResourceAsStream(CONFIG_FILE)) {
                if (in == null) {
                    throw new ConfigException("redress.*", "no " + CONFIG_FILE + " in the working directory or the jar");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new ConfigException("redress.*", "cannot read " + CONFIG_FILE + ": " + e.getMessage());
        }
    }

    private static Map<String, String> parse(String text) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new StringReader(text)) {
            properties.load(reader);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(k -> values.put(k, properties.getProperty(k)));
        return values;
    }
}
