package org.redress.config;

/**
 * Ports of the embedded sandbox: a real mail server (GreenMail), the Jira sandbox and the demo CRM database, on
 * loopback unless {@code host} says otherwise.
 *
 * @param webhookUrl    where the Jira sandbox sends its webhooks (the gateway's {@code /webhooks/jira}), or null
 * @param webhookSecret what it signs them with: the gateway's {@code redress.jira.webhook-secret}
 * @param jiraDataCenter whether the Jira sandbox behaves as Jira Data Center (REST v2, wiki markup) rather than
 *                       Cloud: it follows {@code redress.jira.flavour}
 */
public record SandboxConfig(String host, int smtpPort, int imapPort, int pop3Port, int jiraPort, int crmPort, String jiraProjects,
                            String webhookUrl, String webhookSecret, boolean jiraDataCenter) {

    public SandboxConfig(String host, int smtpPort, int imapPort, int pop3Port, int jiraPort, int crmPort,
                         String jiraProjects, String webhookUrl, String webhookSecret) {
        this(host, smtpPort, imapPort, pop3Port, jiraPort, crmPort, jiraProjects, webhookUrl, webhookSecret, false);
    }

    /** The same sandbox with Jira as Cloud or as Data Center. */
    public SandboxConfig withJiraDataCenter(boolean dataCenter) {
        return new SandboxConfig(host, smtpPort, imapPort, pop3Port, jiraPort, crmPort, jiraProjects, webhookUrl,
                webhookSecret, dataCenter);
    }

    @Override
    public String toString() {
        return "Sandbox[" + host + " smtp=" + smtpPort + " imap=" + imapPort + " pop3=" + pop3Port + " jira=" + jiraPort
                + " crm=" + crmPort + " webhooks=" + webhookUrl + (jiraDataCenter ? " jira=datacenter" : "") + "]";
    }
}
