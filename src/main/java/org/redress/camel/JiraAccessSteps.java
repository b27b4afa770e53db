package org.redress.camel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.redress.health.PermissionWatch;
import org.redress.jira.JiraAccess;
import org.redress.jira.JiraApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code check-jira-access} route's step ({@code routes/jira.camel.yaml}): asks Jira what the gateway's account
 * may do where the gateway files issues, keeps the answer for {@code /q/health} ({@code jira.access}) and logs what
 * changed, so that a permission taken away is named once, and named again as mended, not every ten minutes. The
 * timer ticks every 30 s, so that a Jira that could not answer at start-up is asked again soon; one that answered is
 * asked again after {@link #EVERY}.
 */
public final class JiraAccessSteps {
    static final Duration EVERY = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(JiraAccessSteps.class);

    private final JiraApi jira;
    private final List<JiraAccess.Filing> filings;
    private final PermissionWatch watch;
    private final Clock clock;
    /** When Jira last answered; the timer's thread alone reads and writes it. */
    private Instant answered;

    public JiraAccessSteps(JiraApi jira, List<JiraAccess.Filing> filings, PermissionWatch watch, Clock clock) {
        this.jira = jira;
        this.filings = List.copyOf(filings);
        this.watch = watch;
        this.clock = clock;
    }

    public void check() {
        Instant now = clock.instant();
        if (answered != null && now.isBefore(answered.plus(EVERY))) {
            return;
        }
        JiraAccess.Report report;
        try {
            report = JiraAccess.check(jira, filings);
        } catch (RuntimeException e) {
            watch.failed(e.getMessage());
            throw e;
        }
        answered = now;
        List<String> before = watch.problems();
        List<String> problems = report.gaps().stream().map(JiraAccess.Gap::toString).toList();
        if (before == null && problems.isEmpty()) {
            LOG.info("Jira: the gateway's account may do everything the gateway needs in {}",
                    String.join(", ", filings.stream().map(JiraAccess.Filing::project).distinct().toList()));
        }
        for (JiraAccess.Gap gap : report.gaps()) {
            if (before != null && before.contains(gap.toString())) {
                continue;
            }
            if (gap.essential()) {
                LOG.error("Jira: {}; /q/health is DOWN until it is mended", gap);
            } else {
                LOG.warn("Jira: {}", gap);
            }
        }
        if (before != null) {
            before.stream().filter(problem -> !problems.contains(problem))
                    .forEach(problem -> LOG.info("Jira: mended: {}", problem));
        }
        watch.checked(problems, !report.canHandleComplaints());
    }
}
