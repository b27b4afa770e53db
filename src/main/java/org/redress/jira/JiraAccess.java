package org.redress.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the gateway's Jira account may do where the gateway files issues, asked of Jira itself: the projects, their
 * issue types, the permissions the gateway uses there, and Jira's switch for attachments. A wrong project key, an
 * issue type the project does not have or a permission the account lacks otherwise shows only when a complaint needs
 * it: the first ticket refused (and the mail, tried again and again, quarantined), a customer's reply that cannot
 * become a comment, files that never reach a ticket. Asked before, it is named to the operator, with the setting to
 * mend, before a customer waits on it.
 */
public final class JiraAccess {
    private record Permission(String name, String consequence, boolean essential) {
    }

    private static final String FILES_OFF =
            "files stay off the tickets: each ticket names them in a note, and the mail stays in the register";

    private static final String NO_ALERTS = "quarantined mail is not announced";

    /** The permissions complaints need, with what goes wrong without each; essential ones stop an inbox's mail. */
    private static final Map<String, Permission> FOR_COMPLAINTS = new LinkedHashMap<>();
    /** The permissions quarantine alerts need. */
    private static final Map<String, Permission> FOR_ALERTS = new LinkedHashMap<>();

    static {
        FOR_COMPLAINTS.put("BROWSE_PROJECTS", new Permission("Browse Projects",
                "tickets cannot be found or read, so no complaint is ticketed", true));
        FOR_COMPLAINTS.put("CREATE_ISSUES", new Permission("Create Issues", "no complaint can be ticketed", true));
        FOR_COMPLAINTS.put("ADD_COMMENTS", new Permission("Add Comments",
                "customers' replies wait in the inbox, and notes for agents are not added", true));
        FOR_COMPLAINTS.put(AttachmentAccess.CREATE_ATTACHMENTS, new Permission("Create Attachments", FILES_OFF, false));
        FOR_COMPLAINTS.put("EDIT_ISSUES", new Permission("Edit Issues",
                "labels and priorities from triage, reminders and satisfaction answers are not set", false));
        FOR_COMPLAINTS.put("TRANSITION_ISSUES", new Permission("Transition Issues",
                "a customer's reply does not reopen a resolved ticket", false));
        FOR_COMPLAINTS.put("LINK_ISSUES", new Permission("Link Issues",
                "a complaint is not linked to the earlier ticket it names", false));
        FOR_ALERTS.put("BROWSE_PROJECTS", new Permission("Browse Projects", NO_ALERTS, false));
        FOR_ALERTS.put("CREATE_ISSUES", new Permission("Create Issues", NO_ALERTS, false));
    }

    private JiraAccess() {
    }

    /**
     * Where the gateway files issues, and the settings that say so.
     *
     * @param complaints        true for an inbox's complaints, false for quarantine alerts
     * @param projectSetting    the configuration key naming the project
     * @param issueTypeSetting  what to set for another issue type: its key, or the keys that together choose it
     */
    public record Filing(String project, String issueType, boolean complaints, String projectSetting,
                         String issueTypeSetting) {
    }

    /**
     * One thing the account may not do, what that costs, and whether it stops mail being handled at all.
     *
     * @param id what is missing, the same from one check to the next however Jira words the rest ({@code
     *           CREATE_ATTACHMENTS}, {@code project}, {@code issuetype:Task}, {@code attachments})
     */
    public record Gap(String id, String project, String what, String consequence, boolean essential) {
        /** The gap's identity across checks: its project and its id. */
        public String key() {
            return project + "/" + id;
        }

        @Override
        public String toString() {
            return (project == null ? "" : project + ": ") + what + " (" + consequence + ")";
        }
    }

    /**
     * @param gaps           in the order asked: the site's switch for attachments first, then project by project
     * @param unseen         the projects Jira answered 404 for, so nothing else of them was asked
     * @param typesUnchecked the projects whose issue types were not asked, the account lacking Create Issues there
     *                       (Jira lists none then)
     */
    public record Report(List<Gap> gaps, Set<String> unseen, Set<String> typesUnchecked) {
        /** Whether every inbox's mail can be handled: nothing essential is missing anywhere. */
        public boolean canHandleComplaints() {
            return gaps.stream().noneMatch(Gap::essential);
        }

        /** Whether this check looked where an earlier gap was, so that its absence now means it was mended. */
        public boolean looked(Gap earlier) {
            if (earlier.project() == null) {
                return true;
            }
            if (unseen.contains(earlier.project())) {
                return earlier.id().equals("project");
            }
            return !(earlier.id().startsWith("issuetype:") && typesUnchecked.contains(earlier.project()));
        }
    }

    /**
     * Asks Jira for its attachment settings and, for each project filed into, whether the account sees it, which of
     * the permissions the gateway uses it holds there, and which issue types it offers.
     *
     * @throws JiraUnavailableException when Jira cannot say
     * @throws JiraRejectedException    when Jira refuses a question other than "this project" (404)
     */
    public static Report check(JiraApi jira, List<Filing> filings) {
        List<Gap> gaps = new ArrayList<>();
        if (filings.stream().anyMatch(Filing::complaints)) {
            AttachmentAccess.switchedOff(jira).ifPresent(off -> gaps.add(new Gap("attachments", null, off, FILES_OFF,
                    false)));
        }
        Set<String> unseen = new LinkedHashSet<>();
        Set<String> typesUnchecked = new LinkedHashSet<>();
        Map<String, List<Filing>> byProject = new LinkedHashMap<>();
        filings.forEach(filing -> byProject.computeIfAbsent(filing.project(), p -> new ArrayList<>()).add(filing));
        byProject.forEach((project, into) -> {
            Map<String, Permission> needed = into.stream().anyMatch(Filing::complaints) ? FOR_COMPLAINTS : FOR_ALERTS;
            JsonNode held;
            try {
                held = jira.myPermissions(JiraApi.PermissionScope.PROJECT, project, List.copyOf(needed.keySet()))
                        .path("permissions");
            } catch (JiraRejectedException refused) {
                if (refused.status() != 404) {
                    throw refused;
                }
                // Jira answers 404 both for a project it has not and for one the account may not see
                unseen.add(project);
                gaps.add(new Gap("project", project, "no such project in Jira, or the account may not see it",
                        unhandled(into, Filing::projectSetting), into.stream().anyMatch(Filing::complaints)));
                return;
            }
            needed.forEach((key, permission) -> {
                if (!held.path(key).path("havePermission").asBoolean(false)) {
                    gaps.add(new Gap(key, project, "the account lacks " + permission.name(),
                            permission.consequence(), permission.essential()));
                }
            });
            if (held.path("CREATE_ISSUES").path("havePermission").asBoolean(false)) {
                gaps.addAll(issueTypeGaps(project, jira.issueTypes(project), into));
            } else {
                typesUnchecked.add(project);
            }
        });
        return new Report(List.copyOf(gaps), Set.copyOf(unseen), Set.copyOf(typesUnchecked));
    }

    /**
     * The issue types filed into that the project does not offer. One offered under another case is told but does
     * not stop mail: whether Jira takes a name in another case is not documented, and the sandbox does.
     */
    private static List<Gap> issueTypeGaps(String project, List<JsonNode> types, List<Filing> into) {
        List<String> offered = types.stream().map(type -> type.path("name").asText()).toList();
        Map<String, List<Filing>> byType = new LinkedHashMap<>();
        into.forEach(filing -> byType.computeIfAbsent(filing.issueType(), t -> new ArrayList<>()).add(filing));
        List<Gap> gaps = new ArrayList<>();
        byType.forEach((type, filings) -> {
            if (offered.contains(type)) {
                return;
            }
            String id = "issuetype:" + type;
            String spelt = offered.stream().filter(name -> name.equalsIgnoreCase(type)).findFirst().orElse(null);
            if (spelt != null) {
                gaps.add(new Gap(id, project, "issue type '" + type + "' is spelt '" + spelt + "' in Jira",
                        "Jira may take it as it is; to be sure, set " + settings(filings, Filing::issueTypeSetting),
                        false));
            } else {
                gaps.add(new Gap(id, project, "no issue type '" + type + "'; it has " + String.join(", ", offered),
                        unhandled(filings, Filing::issueTypeSetting), filings.stream().anyMatch(Filing::complaints)));
            }
        });
        return gaps;
    }

    /** What goes unhandled when these filings cannot be made, and the settings that name them. */
    private static String unhandled(List<Filing> filings, Function<Filing, String> setting) {
        boolean complaints = filings.stream().anyMatch(Filing::complaints);
        boolean alerts = filings.stream().anyMatch(filing -> !filing.complaints());
        String lost = complaints && alerts ? "no complaint filed into it is ticketed, and " + NO_ALERTS
                : complaints ? "no complaint filed into it is ticketed" : NO_ALERTS;
        return lost + "; set by " + settings(filings, setting);
    }

    private static String settings(List<Filing> filings, Function<Filing, String> setting) {
        return String.join(", ", filings.stream().map(setting).distinct().toList());
    }
}
