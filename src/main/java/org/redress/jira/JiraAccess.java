package org.redress.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the gateway's Jira account may do in the projects it files complaints in, asked of Jira itself. A permission
 * the account lacks otherwise shows only when a complaint needs it: the first ticket refused, a customer's reply
 * that cannot become a comment, files that never reach a ticket. Asked before, it is named to the operator before a
 * customer waits on it.
 */
public final class JiraAccess {
    /** Without these no complaint is handled: its ticket cannot be found, opened, or given the customer's reply. */
    private static final Map<String, String> ESSENTIAL = new LinkedHashMap<>();
    /** Without these complaints are still ticketed and acknowledged, less well. */
    private static final Map<String, String> USEFUL = new LinkedHashMap<>();

    static {
        ESSENTIAL.put("BROWSE_PROJECTS", "tickets cannot be found or read, so no complaint is ticketed");
        ESSENTIAL.put("CREATE_ISSUES", "no complaint can be ticketed");
        ESSENTIAL.put("ADD_COMMENTS", "customers' replies and notes for agents cannot be added to tickets");
        USEFUL.put(AttachmentAccess.CREATE_ATTACHMENTS, "files stay off the tickets: each ticket names them in a note, "
                + "and the mail stays in the register");
        USEFUL.put("EDIT_ISSUES", "labels and priorities from triage, reminders and satisfaction answers are not set");
        USEFUL.put("TRANSITION_ISSUES", "a customer's reply does not reopen a resolved ticket");
        USEFUL.put("LINK_ISSUES", "a complaint is not linked to the earlier ticket it names");
    }

    private JiraAccess() {
    }

    /** One thing the account may not do, and what that costs the complaints. */
    public record Gap(String project, String what, String consequence, boolean essential) {
        @Override
        public String toString() {
            return (project == null ? "" : project + ": ") + what + " (" + consequence + ")";
        }
    }

    /**
     * @param gaps in the order asked: the site's switch for attachments first, then each project's permissions
     */
    public record Report(List<Gap> gaps) {
        /** Whether complaints can be ticketed at all: no essential permission is missing anywhere. */
        public boolean canHandleComplaints() {
            return gaps.stream().noneMatch(Gap::essential);
        }
    }

    /**
     * Asks Jira for its attachment settings and, for each project, the account's permissions there.
     *
     * @throws JiraUnavailableException when Jira cannot say
     */
    public static Report check(JiraApi jira, Collection<String> projects) {
        List<Gap> gaps = new ArrayList<>();
        if (!jira.attachmentSettings().path("enabled").asBoolean(true)) {
            gaps.add(new Gap(null, "attachments are switched off in Jira (Jira settings, System, Attachments)",
                    USEFUL.get(AttachmentAccess.CREATE_ATTACHMENTS), false));
        }
        List<String> asked = new ArrayList<>(ESSENTIAL.keySet());
        asked.addAll(USEFUL.keySet());
        for (String project : new TreeSet<>(projects)) {
            JsonNode held;
            try {
                held = jira.myPermissions(JiraApi.PermissionScope.PROJECT, project, asked).path("permissions");
            } catch (JiraRejectedException notFound) { // 404: Jira tells neither apart
                gaps.add(new Gap(project, "no such project in Jira, or the account may not see it",
                        "no complaint of the inboxes filing into it is ticketed", true));
                continue;
            }
            for (String permission : asked) {
                if (!held.path(permission).path("havePermission").asBoolean(false)) {
                    boolean essential = ESSENTIAL.containsKey(permission);
                    gaps.add(new Gap(project, "no " + permission, essential ? ESSENTIAL.get(permission)
                            : USEFUL.get(permission), essential));
                }
            }
        }
        return new Report(List.copyOf(gaps));
    }
}
