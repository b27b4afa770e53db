package org.redress.config;

/** Ports of the embedded sandbox: a real mail server (GreenMail) and the Jira sandbox, on loopback only. */
public record SandboxConfig(String host, int smtpPort, int imapPort, int pop3Port, int jiraPort, String jiraProjects) {
}
