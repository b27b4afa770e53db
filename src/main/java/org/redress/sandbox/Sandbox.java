package org.redress.sandbox;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.redress.config.SandboxConfig;
import org.redress.parsing.ProviderLookups;
import org.redress.sandbox.jira.JiraSandbox;

/**
 * Everything the gateway talks to, on loopback, for a demo or a test: a real mail server (GreenMail: SMTP, IMAP and
 * POP3, any login accepted, a mailbox per address created on delivery) and the Jira sandbox. It is a sandbox, not a
 * mail server or a Jira for production use.
 */
public final class Sandbox implements AutoCloseable {
    /**
     * The events of the Jira webhook README's setup registers (comment created, issue updated), and so the only ones
     * the sandbox posts to the gateway: an issue's creation is the gateway's own doing, and Jira would not tell it.
     */
    public static final Set<String> WEBHOOK_EVENTS = Set.of("comment_created", "jira:issue_updated");

    private final SandboxConfig config;
    private final Path jiraDataDir;
    private GreenMail mail;
    private JiraSandbox jira;
    private DemoCrm crm;

    /** @param jiraDataDir where the Jira sandbox keeps its issues across restarts, or null to keep them in memory */
    public Sandbox(SandboxConfig config, Path jiraDataDir) {
        this.config = config;
        this.jiraDataDir = jiraDataDir;
    }

    public Sandbox start() throws IOException {
        // the mail server parses every mail it takes in; in a JVM of its own (the benchmark's driver, a test) too
        ProviderLookups.skipClassPathScans();
        mail = new PromptGreenMail(new ServerSetup[] {
                new ServerSetup(config.smtpPort(), config.host(), ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(config.imapPort(), config.host(), ServerSetup.PROTOCOL_IMAP),
                new ServerSetup(config.pop3Port(), config.host(), ServerSetup.PROTOCOL_POP3)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        List<String> projects = Arrays.stream(config.jiraProjects().split(",")).map(String::trim).toList();
        try {
            JiraSandbox unstarted = new JiraSandbox(config.host(), config.jiraPort(), jiraDataDir, projects);
            jira = (config.jiraDataCenter() ? unstarted.dataCenter() : unstarted).start();
            if (config.webhookUrl() != null) {
                // like a Jira Cloud webhook registered with a secret as README's setup registers it: signed, for
                // comments created and issues updated only
                jira.webhook(java.net.URI.create(config.webhookUrl()),
                        config.webhookSecret().isBlank() ? null : config.webhookSecret(), WEBHOOK_EVENTS);
            }
            crm = new DemoCrm(config.host(), config.crmPort()).start();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    public GreenMail mail() {
        return mail;
    }

    public JiraSandbox jira() {
        return jira;
    }

    public DemoCrm crm() {
        return crm;
    }

    /** A few lines telling a person what runs where. */
    public String describe() {
        return "Sandbox (for demos and tests, not production):\n"
                + "  mail server  SMTP " + config.host() + ":" + config.smtpPort() + ", IMAP " + config.host() + ":"
                + config.imapPort() + ", POP3 " + config.host() + ":" + config.pop3Port()
                + "  (any password; log in with the e-mail address)\n"
                + "  Jira sandbox " + jira.baseUrl() + "/  (" + (jira.isDataCenter() ? "as Jira Data Center: REST v2, "
                + "wiki markup; any basic login or bearer token" : "as Jira Cloud: REST v3, ADF; any basic-auth login")
                + ")\n"
                + "  demo CRM     " + crm.jdbcUrl() + "  (table crm_customer)";
    }

    @Override
    public void close() {
        if (crm != null) {
            crm.close();
        }
        if (jira != null) {
            jira.close();
        }
        if (mail != null) {
            mail.stop();
        }
    }
}
