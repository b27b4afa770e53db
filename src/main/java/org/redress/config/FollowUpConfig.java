package org.redress.config;

import java.time.Duration;
import java.util.Set;
import org.redress.followup.Target;

/**
 * Keeping customers informed and tickets on time: progress updates to the customer, service-level targets and what
 * happens in Jira when one is at risk or missed.
 *
 * @param checkInterval   how often the reminder route looks at the open tickets
 * @param progressAfter   how long a customer may go without news before a progress update (zero: never)
 * @param waitingStatuses Jira statuses (lower case) in which the ticket waits for the customer: no updates, and the
 *                        service-level clock stops
 * @param firstResponse   time to the first answer from an agent
 * @param resolution      time to resolution
 * @param warnAtPercent   share of a target after which the ticket counts as at risk (0: no warning)
 * @param warning         what an at-risk ticket gets
 * @param breached        what a ticket that missed its target gets
 * @param mention         the Atlassian account id mentioned in escalation comments, or null
 * @param mentionGroup    a group named in escalation comments (Jira mentions notify users only), or null
 */
public record FollowUpConfig(Duration checkInterval, Target progressAfter, Set<String> waitingStatuses,
                             Target firstResponse, Target resolution, int warnAtPercent, Escalation warning,
                             Escalation breached, String mention, String mentionGroup) {

    public boolean enabled() {
        return !checkInterval.isZero();
    }

    /**
     * What an escalation does in Jira.
     *
     * @param label    a label to add, or null
     * @param priority null (unchanged), {@code raise} (one level up) or a priority level
     * @param comment  whether an internal comment says what happened
     */
    public record Escalation(String label, String priority, boolean comment) {
        public static final String RAISE = "raise";
    }
}
