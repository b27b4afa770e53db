package org.redress.intake;

import com.fasterxml.jackson.databind.JsonNode;
import org.redress.config.InboxConfig;
import org.redress.config.RedressConfig;
import org.redress.jira.JiraApi;
import org.redress.jira.QuarantineAlert;
import org.redress.store.ComplaintRegister;
import org.redress.store.RegisterEntry;

/**
 * Opens one Jira issue per quarantined mail in {@code redress.intake.quarantine-alert-project}, after the fact and
 * apart from intake: the mail is already safe in the register, and Jira may well be why it was quarantined. Each
 * alert is looked for by its label before it is created, so a crash between Jira's answer and the register's record
 * opens no second one.
 */
public final class QuarantineAlerts {
    private final ComplaintRegister register;
    private final JiraApi jira;
    private final QuarantineAlert alerts;
    private final RedressConfig config;

    public QuarantineAlerts(ComplaintRegister register, JiraApi jira, QuarantineAlert alerts, RedressConfig config) {
        this.register = register;
        this.jira = jira;
        this.alerts = alerts;
        this.config = config;
    }

    /** @return how many alerts were raised (or found raised) in this call */
    public int raise() {
        String project = config.intake().quarantineAlertProject();
        if (project.isEmpty()) {
            return 0;
        }
        int raised = 0;
        RuntimeException first = null;
        for (RegisterEntry entry : register.quarantinedWithoutAlert()) {
            try {
                raise(entry, project);
                raised++;
            } catch (RuntimeException failed) {
                // this one is tried again at the next tick; the others are not held up by it
                first = first == null ? failed : first;
            }
        }
        if (first != null) {
            throw first;
        }
        return raised;
    }

    private void raise(RegisterEntry entry, String project) {
        String label = QuarantineAlert.label(entry.dedupKey());
        String key = jira.searchKeys("labels = " + label, 1).stream().findFirst().orElse(null);
        if (key == null) {
            InboxConfig inbox = config.inbox(entry.inbox());
            JsonNode request = alerts.request(project, inbox.issueType(), entry.id(), entry.dedupKey(),
                    inbox.address(), entry.sender(), entry.subject(), entry.reason(),
                    inbox.protocol().hasFolders() ? config.intake().quarantineFolder() : null,
                    "/q/quarantine/" + entry.id());
            key = jira.createIssue(request);
        }
        register.alerted(entry.id(), key);
    }
}
