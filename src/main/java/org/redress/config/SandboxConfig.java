package org.redress.config;

/**
 * Ports of the embedded sandbox: a real mail server (GreenMail), the Jira sandbox and the demo CRM database, on
 * loopback unless {@code host} says otherwise.
 *
 * @param webhookUrl    where the Jira sandbox sends its webhooks (the gateway's {@code /webhooks/jira}), or null
 * @param webhookSecret what it signs them with: the gateway's {@code redress.jira.webhook-secret}
 */
public record SandboxConfig(String host, int smtpPort, int imapPort, int pop3Port, int jiraPort, int crmPort, String jiraProjects,
                            String webhookUrl, String webhookSecret) {

    @Override
    public String toString() {
        return "Sandbox[" + host + " smtp=" + smtpPort + " imap=" + imapPort + " pop3=" + pop3Port + " jira=" + jiraPort
                + " crm=" + crmPort + " webhooks=" + webhookUrl + "]";
    }
}
