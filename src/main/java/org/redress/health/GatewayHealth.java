package org.redress.health;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The watches of everything the gateway talks to, one per inbox plus Jira and SMTP. An inbox is DOWN when it has
 * not been read successfully for {@code inboxDownAfter}; Jira and SMTP when their last call failed and none
 * succeeded since (they are called only when there is work, so silence is not a failure); Jira's access when its
 * account may not do what every complaint needs.
 */
public final class GatewayHealth {
    private final Map<String, Watch> inboxes = new LinkedHashMap<>();
    private final Watch jira;
    private final Watch smtp;
    private final PermissionWatch jiraAccess;
    private final Duration inboxDownAfter;

    public GatewayHealth(List<String> inboxIds, Duration inboxDownAfter, Clock clock) {
        inboxIds.forEach(id -> inboxes.put(id, new Watch(clock)));
        this.jira = new Watch(clock);
        this.smtp = new Watch(clock);
        this.jiraAccess = new PermissionWatch(clock);
        this.inboxDownAfter = inboxDownAfter;
    }

    /** @throws IllegalArgumentException for an inbox that is not configured */
    public Watch inbox(String id) {
        Watch watch = inboxes.get(id);
        if (watch == null) {
            throw new IllegalArgumentException("no inbox '" + id + "'");
        }
        return watch;
    }

    /** UP while the inbox has been read successfully within {@code inboxDownAfter}. */
    public Watch.Status inboxStatus(String id) {
        return inbox(id).status(inboxDownAfter);
    }

    public Watch jira() {
        return jira;
    }

    public Watch smtp() {
        return smtp;
    }

    /** What the gateway's Jira account may not do in the projects it files into. */
    public PermissionWatch jiraAccess() {
        return jiraAccess;
    }

    /**
     * Each watched part by name ({@code inbox.<id>}, {@code jira}, {@code jira.access}, {@code smtp}) with its status
     * and evidence.
     */
    public Map<String, Map<String, Object>> describe() {
        Map<String, Map<String, Object>> parts = new LinkedHashMap<>();
        inboxes.forEach((id, watch) -> parts.put("inbox." + id, watch.describe(inboxDownAfter)));
        parts.put("jira", jira.describe(null));
        parts.put("jira.access", jiraAccess.describe());
        parts.put("smtp", smtp.describe(null));
        return parts;
    }
}
