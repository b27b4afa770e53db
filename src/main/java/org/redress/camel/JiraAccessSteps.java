package org.redress.camel;

import java.util.Collection;
import java.util.List;
import org.redress.health.PermissionWatch;
import org.redress.jira.JiraAccess;
import org.redress.jira.JiraApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code check-jira-access} route's step ({@code routes/jira.camel.yaml}): asks Jira what the gateway's account
 * may do in the inboxes' projects, keeps the answer for {@code /q/health} ({@code jira.access}) and logs it when it
 * changes, so that a permission taken away is named once, not every ten minutes.
 */
public final class JiraAccessSteps {
    private static final Logger LOG = LoggerFactory.getLogger(JiraAccessSteps.class);

    private final JiraApi jira;
    private final Collection<String> projects;
    private final PermissionWatch watch;

    public JiraAccessSteps(JiraApi jira, Collection<String> projects, PermissionWatch watch) {
        this.jira = jira;
        this.projects = List.copyOf(projects);
        this.watch = watch;
    }

    public void check() {
        JiraAccess.Report report;
        try {
            report = JiraAccess.check(jira, projects);
        } catch (RuntimeException e) {
            watch.failed(e.getMessage());
            throw e;
        }
        List<String> problems = report.gaps().stream().map(JiraAccess.Gap::toString).toList();
        if (!problems.equals(watch.problems())) {
            if (problems.isEmpty()) {
                LOG.info("Jira: the gateway's account may do everything the gateway needs in {}",
                        String.join(", ", projects));
            }
            for (JiraAccess.Gap gap : report.gaps()) {
                if (gap.essential()) {
                    LOG.error("Jira: {}; /q/health is DOWN until it is mended", gap);
                } else {
                    LOG.warn("Jira: {}", gap);
                }
            }
        }
        watch.checked(problems, !report.canHandleComplaints());
    }
}
