package org.redress.camel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redress.health.PermissionWatch;
import org.redress.jira.JiraAccess;
import org.redress.jira.JiraApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code check-jira-access} route's step ({@code routes/jira.camel.yaml}): asks Jira what the gateway's account
 * may do where the gateway files issues, keeps the answer for {@code /q/health} ({@code jira.access}) and logs what
 * changed, so that a permission taken away is named once, and named again when it is mended, not at every check.
 *
 * <p>The timer ticks every 30 s. Jira is asked again {@link #EVERY} after an answer that leaves mail handled, at every
 * tick while something stops mail (so that health is UP soon after the mending), and after a failure at growing
 * intervals from 30 s to {@link #EVERY} (so that a Jira that could not answer at start-up is asked again soon, and one
 * that stays down is not asked, nor logged about, twice a minute).
 */
public final class JiraAccessSteps {
    static final Duration EVERY = Duration.ofMinutes(10);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(JiraAccessSteps.class);

    private final JiraApi jira;
    private final List<JiraAccess.Filing> filings;
    private final PermissionWatch watch;
    private final Clock clock;
    // the timer's one thread alone reads and writes these
    private Instant nextCheck = Instant.MIN;
    private Duration retryAfter = FIRST_RETRY;
    private Map<String, JiraAccess.Gap> known;

    public JiraAccessSteps(JiraApi jira, List<JiraAccess.Filing> filings, PermissionWatch watch, Clock clock) {
        this.jira = jira;
        this.filings = List.copyOf(filings);
        this.watch = watch;
        this.clock = clock;
    }

    public void check() {
        Instant now = clock.instant();
        if (now.isBefore(nextCheck)) {
            return;
        }
        JiraAccess.Report report;
        try {
            report = JiraAccess.check(jira, filings);
        } catch (RuntimeException e) {
            watch.failed(e.getMessage());
            nextCheck = now.plus(retryAfter);
            retryAfter = retryAfter.multipliedBy(2).compareTo(EVERY) > 0 ? EVERY : retryAfter.multipliedBy(2);
            throw e;
        }
        retryAfter = FIRST_RETRY;
        nextCheck = report.canHandleComplaints() ? now.plus(EVERY) : now;
        log(report);
        watch.checked(report.gaps().stream().map(JiraAccess.Gap::toString).toList(), !report.canHandleComplaints());
    }

    private void log(JiraAccess.Report report) {
        Map<String, JiraAccess.Gap> now = new LinkedHashMap<>();
        report.gaps().forEach(gap -> now.put(gap.key(), gap));
        if (known == null && now.isEmpty()) {
            LOG.info("Jira: the gateway's account may do everything the gateway needs in {}",
                    String.join(", ", filings.stream().map(JiraAccess.Filing::project).distinct().toList()));
        }
        for (JiraAccess.Gap gap : now.values()) {
            if (known != null && known.containsKey(gap.key())) {
                continue;
            }
            if (gap.essential()) {
                LOG.error("Jira: {}; /q/health is DOWN until it is mended (asked again every 30 s)", gap);
            } else {
                LOG.warn("Jira: {}", gap);
            }
        }
        if (known != null) {
            known.values().stream().filter(gap -> !now.containsKey(gap.key()) && report.looked(gap))
                    .forEach(gap -> LOG.info("Jira: mended: {}", gap));
            // a gap this check could not look at again is still known
            known.values().stream().filter(gap -> !now.containsKey(gap.key()) && !report.looked(gap))
                    .forEach(gap -> now.put(gap.key(), gap));
        }
        known = now;
    }
}
