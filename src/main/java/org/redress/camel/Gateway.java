package org.redress.camel;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.CamelContext;
import org.redress.camel.imap.ImapInboxComponent;
import org.redress.config.HistoryConfig;
import org.redress.followup.FollowUps;
import org.redress.followup.TicketActions;
import org.redress.satisfaction.SatisfactionPages;
import org.redress.satisfaction.SatisfactionSurvey;
import org.redress.store.FollowUpStore;
import org.redress.store.SatisfactionStore;
import org.redress.history.CustomerHistoryLookup;
import org.redress.intake.Enrichment;
import org.redress.jira.JiraAccess;
import org.redress.jira.JiraCustomerTickets;
import org.redress.reporting.RegisterApi;
import org.redress.store.Assessments;
import org.redress.store.RegisterHistory;
import org.redress.store.RegisterQueries;
import org.redress.triage.CategoryClassifier;
import org.redress.triage.HintDetector;
import org.redress.triage.Triage;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.main.SimpleMainShutdownStrategy;
import org.redress.acknowledgement.AcknowledgementComposer;
import org.redress.acknowledgement.CustomerMailComposer;
import org.redress.conversation.SubjectKey;
import org.redress.conversation.ThreadMatcher;
import org.redress.intake.ReplyIntake;
import org.redress.jira.ReplyCommentMapper;
import org.redress.relay.CommentVisibility;
import org.redress.relay.CustomerUpdates;
import org.redress.acknowledgement.TemplateRenderer;
import org.redress.config.InboxConfig;
import org.redress.health.GatewayHealth;
import org.redress.config.RedressConfig;
import org.redress.config.SmtpConfig;
import org.redress.intake.ComplaintIntake;
import org.redress.jira.TicketMapper;
import org.redress.parsing.AttachmentReader;
import org.redress.parsing.LanguageGuesser;
import org.redress.parsing.MailParser;
import org.redress.parsing.ProviderLookups;
import org.redress.screening.MailScreen;
import org.redress.store.ComplaintRegister;
import org.redress.store.ConversationLocks;
import org.redress.store.ConversationIndex;
import org.redress.store.Database;
import org.redress.store.Outbox;
import org.redress.store.RawMailStore;
import org.redress.store.Tickets;
import org.redress.channel.SubmissionJson;
import org.redress.channel.SubmissionRules;
import org.redress.channel.WebFormPage;
import org.redress.config.ChannelsConfig;
import org.redress.intake.SubmissionIntake;
import org.redress.parsing.SubmissionParser;
import org.redress.oauth.OAuthTokens;
import org.redress.oauth.TokenEndpoint;
import org.redress.oauth.TokenLog;

/**
 * The running gateway: a Camel Main whose routes come from {@code routes/*.camel.yaml}, with the domain objects
 * bound as the beans those routes call, and one inbox route per configured inbox made from the
 * {@code complaint-inbox} template. Start-up checks everything it can (configuration, database, templates) before
 * the first mail is read.
 */
public final class Gateway implements AutoCloseable {
    public static final String INBOX_TEMPLATE = "complaint-inbox";
    public static final String POP3_INBOX_TEMPLATE = "complaint-inbox-pop3";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Gateway.class);

    private final RedressConfig config;
    private final Database database;
    private final ComplaintRegister register;
    private final Outbox outbox;
    private final Main main;
    private final HikariDataSource crmDataSource;
    private final AttachmentReader attachmentReader;
    private final KeptOpenMailSender smtpSender;
    private final GatewayHealth health;
    private final OAuthTokens oauthTokens;
    private final WorkQueue workQueue;

    private Gateway(RedressConfig config, Clock clock) throws Exception {
        this.config = config;
        ProviderLookups.skipClassPathScans();
        config.secretsAtSandboxDefaults().forEach(key -> LOG.warn("{} is the sandbox's public default: set it before "
                + "the gateway faces anything but the sandbox", key));
        ObjectMapper json = new ObjectMapper();
        Files.createDirectories(config.dataDir());
        // every lane of every inbox may hold a connection, each of the outbox's senders one, and the timer routes
        // theirs; an item of the shared work queue holds its conversation's lock on one
        // (org.redress.store.ConversationLocks) and works with another
        int workConnections = config.work().shared() ? 2 * config.work().concurrency() : 0;
        int outboxConnections = config.smtp().connections();
        database = new Database(config.database(), Math.min(64, config.intake().parallelism()
                * config.inboxes().size() + 6) + workConnections + outboxConnections);
        register = new ComplaintRegister(database, new RawMailStore(database));
        health = new GatewayHealth(config.inboxes().stream().map(InboxConfig::id).toList(),
                config.inboxDownAfter(), clock);
        outbox = new Outbox(database);
        ConversationIndex conversations = new ConversationIndex(database);
        Tickets tickets = new Tickets(database);
        TemplateRenderer templates = new TemplateRenderer(config.acknowledgement().templatesDir(),
                config.intake().fallbackLanguage());
        List<String> templateNames = new java.util.ArrayList<>(List.of(AcknowledgementComposer.TEMPLATE));
        templateNames.addAll(CustomerMailComposer.TEMPLATES);
        templateNames.add(SatisfactionPages.TEMPLATE);
        templateNames.add(WebFormPage.TEMPLATE);
        templates.verify(templateNames, config.intake().languages());
        attachmentReader = new AttachmentReader(config.intake().maxAttachmentText(),
                config.intake().limits().textTimeout());
        LanguageGuesser languageGuesser = new LanguageGuesser(new HashSet<>(config.intake().languages()));
        MailParser parser = new MailParser(attachmentReader, languageGuesser,
                config.intake().limits().maxAttachmentBytes());
        SubmissionParser submissionParser = new SubmissionParser(attachmentReader, languageGuesser,
                new HashSet<>(config.intake().languages()));
        MailScreen screen = new MailScreen(config.ownAddresses());
        TicketMapper ticketMapper = new TicketMapper(json, config.jira().customerProperty(),
                config.history().vipTiers(), config.triage().priorityField());
        Assessments assessments = new Assessments(database);
        Triage triage = new Triage(new HintDetector(config.triage().references()),
                new CategoryClassifier(config.triage().categories()), config.triage().priority());
        crmDataSource = config.history().crmEnabled() ? crmDataSource(config.history()) : null;
        AcknowledgementComposer acknowledgements = new AcknowledgementComposer(templates,
                config.acknowledgement().firstResponse());

        oauthTokens = new OAuthTokens(config, new TokenEndpoint(json, clock), clock, new TokenLog(clock));
        smtpSender = new KeptOpenMailSender(config.smtp(), oauthTokens.smtp());
        // connects only when redress.work.queue=rabbitmq: the in-process routes never touch it
        workQueue = new WorkQueue(config.work());
        if (config.work().shared()) {
            workQueue.declare();
        }
        main = new Main();
        // Redress's own shutdown hook stops Camel (draining in-flight mail) and only then closes the database.
        // The default strategy adds a JVM hook of Camel's own (even after disableHangupSupport(), in 4.17).
        main.setShutdownStrategy(new SimpleMainShutdownStrategy());
        main.configure().withRoutesIncludePattern(routesPattern(config.routesDir()));
        main.setInitialProperties(camelProperties(config));
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport support) {
                CamelContext camel = support.getCamelContext();
                if (config.cluster().clustered()) {
                    // inboxes and background tasks run on one node at a time: elected per route, failing over
                    var clusterService = ClusterSingletons.service(config.cluster());
                    try {
                        camel.addService(clusterService);
                    } catch (Exception e) {
                        throw new IllegalStateException("the cluster service cannot be added: " + e.getMessage(), e);
                    }
                    camel.addRoutePolicyFactory(new ClusterSingletons(clusterService, config.cluster()));
                }
                JiraAnswers jiraAnswers = new JiraAnswers(clock);
                camel.getRegistry().bind("jiraAnswers", jiraAnswers);
                camel.getRegistry().bind("mailProperties", mailProperties());
                camel.getRegistry().bind("smtpSender", smtpSender);
                // the outbox's senders: as many as the mail sender keeps connections
                camel.getRegistry().bind("outboxSenders", camel.getExecutorServiceManager()
                        .newFixedThreadPool(this, "outbox-sender", config.smtp().connections()));
                FollowUpStore followUpStore = new FollowUpStore(database);
                GatewayMetrics metrics = new GatewayMetrics(config.inboxes(), new SatisfactionStore(database), outbox,
                        followUpStore, register, health, clock);
                camel.getRegistry().bind("metrics", metrics);
                if (database.fileCounts().isPresent()) {
                    metrics.watchRegisterFile(database::fileCounts);
                }
                InboxWatching inboxWatching = new InboxWatching(metrics, health);
                camel.getRegistry().bind("inboxWatching", inboxWatching);
                CamelJiraClient jira = new CamelJiraClient(camel, config.jira(), jiraAnswers, json,
                        (method, outcome, nanos) -> {
                            metrics.jiraCalled(method, outcome, nanos);
                            if (outcome.equals("ok") || outcome.equals("refused")) {
                                health.jira().succeeded();
                            } else {
                                health.jira().failed(method + " call " + outcome);
                            }
                        });
                ComplaintIntake intake = new ComplaintIntake(register, outbox, conversations, database, parser,
                        screen, ticketMapper, jira, acknowledgements, config.intake(), clock, tickets,
                        config.ownAddresses(), assessments, config.acknowledgement().maxPerSenderPerHour(),
                        followUpStore);
                CustomerHistoryLookup history = new CustomerHistoryLookup(new RegisterHistory(database),
                        new JiraCustomerTickets(jira, config.history().jiraJql(), config.projects(),
                                config.history().maxTickets()),
                        crmDataSource == null ? null : new CrmLookup(camel.createProducerTemplate()));
                if (crmDataSource != null) {
                    camel.getRegistry().bind("crm", crmDataSource);
                }
                camel.getRegistry().bind("enrichment", new EnrichmentSteps(new Enrichment(history, triage, jira,
                        assessments, config.history().linkType(), clock)));
                camel.getRegistry().bind("registerApi", new RegisterApiSteps(new RegisterApi(new RegisterQueries(database),
                        assessments, history, followUpStore, clock), register, config.apiToken(), json));
                CustomerMailComposer mails = new CustomerMailComposer(templates, config.acknowledgement().firstResponse());
                ThreadMatcher matcher = new ThreadMatcher(conversations::ticketOf, new SubjectKey(config.projects()));
                SatisfactionSurvey survey = new SatisfactionSurvey(new SatisfactionStore(database), followUpStore,
                        database, config.satisfaction(), config.conversation().reopenTransition(), clock);
                camel.getRegistry().bind("reply", new ReplySteps(new ReplyIntake(register, tickets, conversations,
                        outbox, database, matcher, new ReplyCommentMapper(), mails, jira, config.conversation(),
                        survey, clock, config.intake(), followUpStore)));
                camel.getRegistry().bind("jiraEvents", new JiraEventSteps(new CustomerUpdates(tickets, outbox,
                        conversations, database, jira, mails,
                        new CommentVisibility(config.conversation().internalMarker()), survey, clock),
                        config.conversation(), json));
                Map<String, InboxConfig> inboxes = new LinkedHashMap<>();
                config.inboxes().forEach(inbox -> inboxes.put(inbox.address(), inbox));
                camel.getRegistry().bind("followUps", new FollowUpSteps(new FollowUps(jira, tickets, followUpStore,
                        outbox, conversations, database, mails, config.followUp(), inboxes,
                        config.triage().priority().levels(), clock),
                        new TicketActions(jira, followUpStore, tickets, clock)));
                camel.getRegistry().bind(ImapInboxComponent.SCHEME,
                        new ImapInboxComponent(config, mailProperties(), inboxWatching, oauthTokens));
                camel.getRegistry().bind("oauthTokens", oauthTokens);
                camel.getRegistry().bind("pageHeaders", SatisfactionSteps.pageHeaders());
                camel.getRegistry().bind("satisfaction", new SatisfactionSteps(new SatisfactionPages(survey, tickets,
                        templates, config.intake().fallbackLanguage())));
                camel.getRegistry().bind("intake", new IntakeSteps(intake, config));
                SubmissionIntake submissions = bindChannels(camel, intake, submissionParser, templates, json, clock);
                Map<String, InboxConfig> byId = new LinkedHashMap<>();
                config.inboxes().forEach(inbox -> byId.put(inbox.id(), inbox));
                camel.getRegistry().bind("rabbitConnection", workQueue.connections());
                camel.getRegistry().bind("workHeaders", WorkQueue.headerFilter());
                camel.getRegistry().bind("work", new WorkSteps(json, register, new ConversationLocks(database), intake,
                        submissions, byId::get, byId.get(config.channels().inbox()), clock,
                        config.work().retryAfter(), config.work().orderWait(), config.channels().retryAfter()));
                camel.getRegistry().bind("bounces", new BounceSteps(new org.redress.intake.BounceIntake(database,
                        register, conversations, outbox, tickets, jira, clock)));
                camel.getRegistry().bind("sender", new SenderSteps(new org.redress.intake.SenderCheck(
                        new org.redress.authenticity.SenderAuthenticity(config.intake().authservId()))));
                camel.getRegistry().bind("outbox", new OutboxSteps(outbox, clock, metrics, health.smtp()));
                camel.getRegistry().bind("jiraAccess", new JiraAccessSteps(jira, filings(), health.jiraAccess(),
                        clock));
                camel.getRegistry().bind("health", new HealthSteps(register, outbox, health, oauthTokens,
                        config.cluster().clustered()));
                metrics.watchTokens(oauthTokens);
                metrics.watchSmtpConnections(smtpSender::usableConnections);
                camel.getRegistry().bind("quarantine", new QuarantineSteps(register, new org.redress.intake.QuarantineAlerts(
                        register, jira, new org.redress.jira.QuarantineAlert(json), config)));
            }
        });
    }

    /** The channel contract's beans (routes/channels.camel.yaml) and the web channel's (routes/web-form.camel.yaml). */
    private SubmissionIntake bindChannels(CamelContext camel, ComplaintIntake intake,
                                          SubmissionParser submissionParser, TemplateRenderer templates,
                                          ObjectMapper json, Clock clock) {
        ChannelsConfig channels = config.channels();
        long maxFile = config.intake().limits().maxAttachmentBytes();
        SubmissionJson submissionJson = new SubmissionJson(json);
        Map<String, InboxConfig> byId = new LinkedHashMap<>();
        config.inboxes().forEach(inbox -> byId.put(inbox.id(), inbox));
        SubmissionRules rules = new SubmissionRules(new HashSet<>(config.intake().languages()), byId.keySet(),
                channels.fileTypes(), channels.maxFiles(), maxFile, config.intake().limits().maxMessageBytes(),
                attachmentReader::detectType, channel -> hasReplyRoute(camel, channel));
        SubmissionIntake submissions = new SubmissionIntake(register, submissionJson, rules, submissionParser, byId::get,
                byId.get(channels.inbox()), clock);
        camel.getRegistry().bind("channels", new ChannelSteps(submissions, intake, submissionJson,
                channels.retryAfter(), config.work().shared()));
        camel.getRegistry().bind("webForm", new WebFormSteps(new WebFormPage(templates, config.intake().languages(),
                channels.maxFiles(), maxFile), submissionJson, json, config.intake().fallbackLanguage(),
                channels.webForm()));
        return submissions;
    }

    /** Where the gateway files issues in Jira, each with the settings that say so: the inboxes, and the alerts. */
    private List<JiraAccess.Filing> filings() {
        List<JiraAccess.Filing> filings = new java.util.ArrayList<>();
        for (InboxConfig inbox : config.inboxes()) {
            String prefix = "redress.inbox." + inbox.id();
            filings.add(new JiraAccess.Filing(inbox.jiraProject(), inbox.issueType(), true, prefix + ".jira-project",
                    prefix + ".issue-type"));
            if (!config.intake().quarantineAlertProject().isEmpty()) {
                // an alert is opened with the issue type of the inbox whose mail was quarantined
                filings.add(new JiraAccess.Filing(config.intake().quarantineAlertProject(), inbox.issueType(), false,
                        "redress.intake.quarantine-alert-project", "redress.intake.quarantine-alert-project or "
                        + prefix + ".issue-type"));
            }
        }
        return filings;
    }

    /** Whether a route answers on {@code direct:reply-<channel>}: without one, a channel's answers could not leave. */
    private static boolean hasReplyRoute(CamelContext camel, String channel) {
        if (channel == null || !channel.matches("[a-z][a-z0-9-]*")) {
            return false;
        }
        String uri = "direct://reply-" + channel;
        return camel.getRoutes().stream().anyMatch(route -> route.getEndpoint().getEndpointUri().startsWith(uri)
                && (route.getEndpoint().getEndpointUri().length() == uri.length()
                || route.getEndpoint().getEndpointUri().charAt(uri.length()) == '?'));
    }

    /** Starts the gateway; returns once every inbox route is polling. */
    public static Gateway start(RedressConfig config, Clock clock) throws Exception {
        Gateway gateway = new Gateway(config, clock);
        try {
            gateway.main.start();
            gateway.addCrmRoute();
            gateway.addInboxRoutes();
            return gateway;
        } catch (Exception | Error e) {
            gateway.close();
            throw e;
        }
    }

    public ComplaintRegister register() {
        return register;
    }

    public Outbox outbox() {
        return outbox;
    }

    public CamelContext camel() {
        return main.getCamelContext();
    }

    @Override
    public void close() {
        try {
            main.stop();
        } catch (Exception e) {
            // stopping is best effort; the database is closed regardless
        } finally {
            if (crmDataSource != null) {
                crmDataSource.close();
            }
            attachmentReader.close();
            smtpSender.close();
            workQueue.close();
            database.close();
        }
    }

    /** The CRM query route, when a CRM is configured. */
    private void addCrmRoute() throws Exception {
        if (crmDataSource != null) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("query", config.history().crmQuery());
            parameters.put("timeoutSeconds", 5);
            main.getCamelContext().addRouteFromTemplate("crm-lookup", "crm-query", parameters);
        }
    }

    /**
     * A small pool that never blocks start-up: a CRM that is down when the gateway starts is a CRM that is down,
     * reported per complaint as "history unavailable", not a reason to refuse complaints.
     */
    private static HikariDataSource crmDataSource(HistoryConfig history) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(history.crmUrl());
        hikari.setUsername(history.crmUser());
        hikari.setPassword(history.crmPassword());
        hikari.setPoolName("redress-crm");
        hikari.setMaximumPoolSize(2);
        hikari.setMinimumIdle(0);
        hikari.setConnectionTimeout(3_000);
        hikari.setValidationTimeout(2_000);
        hikari.setInitializationFailTimeout(-1);
        hikari.setReadOnly(true);
        return new HikariDataSource(hikari);
    }

    private void addInboxRoutes() throws Exception {
        CamelContext camel = main.getCamelContext();
        for (InboxConfig inbox : config.inboxes()) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("inbox", inbox.id());
            if (inbox.protocol().hasFolders()) {
                camel.addRouteFromTemplate("inbox-" + inbox.id(), INBOX_TEMPLATE, parameters);
                continue;
            }
            parameters.put("scheme", inbox.protocol().scheme());
            parameters.put("host", inbox.host());
            parameters.put("port", inbox.port());
            parameters.put("username", inbox.user());
            parameters.put("password", inbox.password());
            parameters.put("folder", inbox.folder());
            parameters.put("delay", Math.max(100, config.intake().pollInterval().toMillis()));
            camel.addRouteFromTemplate("inbox-" + inbox.id(), POP3_INBOX_TEMPLATE, parameters);
        }
    }

    /**
     * IMAP reads a large mail in pieces of {@code fetchsize} bytes, one round trip each: angus-mail's 16 KB make a 20 MB mail
     * 1,300 round trips (85 s against GreenMail); 1 MB pieces make it 20, and memory is spent by the mail anyway.
     */
    static java.util.Properties mailProperties() {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("mail.imap.fetchsize", String.valueOf(1 << 20));
        properties.setProperty("mail.imaps.fetchsize", String.valueOf(1 << 20));
        // POP3 has no partial fetch: a mail is downloaded whole, to a temporary file rather than into the heap
        properties.setProperty("mail.pop3.filecache.enable", "true");
        properties.setProperty("mail.pop3s.filecache.enable", "true");
        return properties;
    }

    /**
     * The routes in redress.routes-dir (default routes/ in the working directory) when it exists: integrators edit
     * those and drop channel routes in; else the jar's copy.
     */
    private static String routesPattern(Path routesDir) {
        return Files.isDirectory(routesDir) ? "file:" + routesDir.toString().replace('\\', '/') + "/*.camel.yaml"
                : "classpath:routes/*.camel.yaml";
    }

    private static Map<String, Object> camelProperties(RedressConfig config) {
        Map<String, Object> properties = new LinkedHashMap<>(config.camelProperties());
        properties.put("redress.smtp.endpoint", smtpEndpoint(config.smtp()));
        properties.put("redress.jira.endpoint", CamelJiraClient.endpoint(config.jira()));
        // every lane of every inbox may wait on Jira at once, and the timers beside them; Camel's default of 20
        // connections per host made lanes queue for a connection while a 150 ms Jira answered the others
        String jiraConnections = String.valueOf(config.intake().parallelism() * config.inboxes().size() + 8);
        for (String scheme : List.of("http", "https")) {
            properties.putIfAbsent("camel.component." + scheme + ".connections-per-route", jiraConnections);
            properties.putIfAbsent("camel.component." + scheme + ".max-total-connections", "400");
        }
        properties.putIfAbsent("camel.server.enabled", "true");
        Duration poll = config.conversation().pollInterval();
        properties.put("redress.conversation.polling", String.valueOf(!poll.isZero()));
        properties.put("redress.conversation.poll-millis", String.valueOf(poll.isZero() ? 60_000 : poll.toMillis()));
        Duration check = config.followUp().checkInterval();
        properties.put("redress.reminders.enabled", String.valueOf(!check.isZero()));
        properties.put("redress.quarantine-alerts.enabled",
                String.valueOf(!config.intake().quarantineAlertProject().isEmpty()));
        properties.put("redress.reminders.check-millis", String.valueOf(check.isZero() ? 60_000 : Math.max(100, check.toMillis())));
        properties.putIfAbsent("camel.server.port", String.valueOf(config.httpPort()));
        // drop-in channel routes keep their folders under the gateway's data directory
        properties.put("redress.data-dir", config.dataDir().toAbsolutePath().toString().replace('\\', '/'));
        properties.put("redress.oauth.enabled", String.valueOf(config.inboxes().stream().anyMatch(i -> i.oauth() != null)
                || config.smtp().oauth() != null));
        properties.put("redress.channels.retry-millis", String.valueOf(config.channels().retryAfter().toMillis()));
        // after intake: handled on this node, or put on the work queue all nodes share (routes/work.camel.yaml)
        boolean shared = config.work().shared();
        properties.put("redress.work.shared", String.valueOf(shared));
        properties.put("redress.work.in-process", String.valueOf(!shared));
        properties.put("redress.work.mail-uri", shared ? "direct:queue-work" : "direct:handle-mail");
        properties.put("redress.work.submission-uri", shared ? "direct:queue-work"
                : "seda:submissions?waitForTaskToComplete=Never&blockWhenFull=true&offerTimeout=2000");
        properties.put("redress.work.queue-name", config.work().queueName());
        properties.put("redress.work.concurrency", String.valueOf(config.work().concurrency()));
        properties.putIfAbsent("camel.component.spring-rabbitmq.header-filter-strategy", "#workHeaders");
        // a submission's files may add up to redress.intake.max-message-size, a third more as base64 in JSON; a
        // larger request is refused by the HTTP server (413) before it is read into memory
        long maxBody = config.intake().limits().maxMessageBytes() / 3 * 4 + (1 << 20);
        properties.putIfAbsent("camel.server.maxBodySize", String.valueOf(Math.min(Integer.MAX_VALUE, maxBody)));
        properties.putIfAbsent("camel.server.host", "0.0.0.0");
        // longer than the slowest Jira call (60 s answer timeout): a stop never cuts a mail between
        // "Jira created the issue" and "the register recorded it"
        properties.putIfAbsent("camel.main.shutdownTimeout", "75");
        // the SMTP login lives in the sender bean (KeptOpenMailSender), not in any Camel property or endpoint URI
        return properties;
    }

    /** Security, login and timeouts are the sender's ({@link KeptOpenMailSender}): it keeps its connections open. */
    private static String smtpEndpoint(SmtpConfig smtp) {
        String scheme = smtp.security() == SmtpConfig.Security.SSL ? "smtps" : "smtp";
        return scheme + "://" + smtp.host() + ":" + smtp.port() + "?javaMailSender=#smtpSender";
    }
}
