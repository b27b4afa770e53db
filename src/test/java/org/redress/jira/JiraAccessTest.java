package org.redress.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the access check makes of Jira's answers: which gaps it names, and which of them stop mail. */
class JiraAccessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JiraAccess.Filing COMPLAINTS = new JiraAccess.Filing("CS", "Task", true,
            "redress.inbox.complaints.jira-project", "redress.inbox.complaints.issue-type");
    private static final JiraAccess.Filing ALERTS = new JiraAccess.Filing("OPS", "Task", false,
            "redress.intake.quarantine-alert-project", "redress.inbox.complaints.issue-type");

    @Test
    void anAccountHoldingEverythingInAProjectOfferingTheIssueTypeHasNoGaps() {
        JiraAccess.Report report = JiraAccess.check(jira(true, Map.of(), List.of("Task", "Bug")),
                List.of(COMPLAINTS));

        assertThat(report.gaps()).isEmpty();
        assertThat(report.canHandleComplaints()).isTrue();
    }

    @Test
    void anIssueTypeOfferedInAnotherCaseIsToldButDoesNotStopMail() {
        JiraAccess.Report report = JiraAccess.check(jira(true, Map.of(), List.of("task", "Bug")),
                List.of(COMPLAINTS));

        assertThat(report.gaps()).extracting(JiraAccess.Gap::toString).containsExactly("CS: issue type 'Task' is "
                + "spelt 'task' in Jira (Jira may take it as it is; to be sure, set redress.inbox.complaints.issue-type)");
        assertThat(report.canHandleComplaints()).isTrue();
    }

    @Test
    void withoutCreateIssuesTheIssueTypesAreNotAskedAndAnEarlierIssueTypeGapIsNotTakenAsMended() {
        JiraAccess.Report report = JiraAccess.check(jira(true, Map.of("CS", Set.of("CREATE_ISSUES")), List.of()),
                List.of(COMPLAINTS));

        assertThat(report.gaps()).extracting(JiraAccess.Gap::key).containsExactly("CS/CREATE_ISSUES");
        assertThat(report.looked(new JiraAccess.Gap("issuetype:Tsk", "CS", "no issue type 'Tsk'", "", true)))
                .isFalse();
        assertThat(report.looked(new JiraAccess.Gap("ADD_COMMENTS", "CS", "the account lacks Add Comments", "", true)))
                .isTrue();
    }

    @Test
    void aMissingAddCommentsStopsMailAndAMissingCreateAttachmentsIsOnlyTold() {
        JiraAccess.Report report = JiraAccess.check(jira(false, Map.of("CS", Set.of("ADD_COMMENTS",
                "CREATE_ATTACHMENTS")), List.of("Task")), List.of(COMPLAINTS));

        assertThat(report.gaps()).extracting(JiraAccess.Gap::toString).containsExactly(
                "attachments are switched off in Jira (Jira settings, System, Attachments) (files stay off the "
                        + "tickets: each ticket names them in a note, and the mail stays in the register)",
                "CS: the account lacks Add Comments (customers' replies wait in the inbox, and notes for agents are "
                        + "not added)",
                "CS: the account lacks Create Attachments (files stay off the tickets: each ticket names them in a "
                        + "note, and the mail stays in the register)");
        assertThat(report.gaps()).extracting(JiraAccess.Gap::essential).containsExactly(false, true, false);
        assertThat(report.canHandleComplaints()).isFalse();
    }

    @Test
    void anIssueTypeTheProjectDoesNotOfferIsNamedWithTheSettingToMend() {
        JiraAccess.Report report = JiraAccess.check(jira(true, Map.of(), List.of("Service request", "Bug")),
                List.of(COMPLAINTS));

        assertThat(report.gaps()).extracting(JiraAccess.Gap::toString).containsExactly("CS: no issue type 'Task'; it "
                + "has Service request, Bug (no complaint filed into it is ticketed; set by "
                + "redress.inbox.complaints.issue-type)");
        assertThat(report.canHandleComplaints()).isFalse();
    }

    @Test
    void aProjectJiraAnswers404IsNamedAndAnyOtherRefusalFailsTheCheck() {
        JiraAccess.Report report = JiraAccess.check(jira(true, Map.of(), List.of("Task")),
                List.of(COMPLAINTS, new JiraAccess.Filing("CZ", "Task", true, "redress.inbox.reclami.jira-project",
                        "redress.inbox.reclami.issue-type")));

        assertThat(report.gaps()).extracting(JiraAccess.Gap::toString).containsExactly("CZ: no such project in Jira, "
                + "or the account may not see it (no complaint filed into it is ticketed; set by "
                + "redress.inbox.reclami.jira-project)");
        assertThatThrownBy(() -> JiraAccess.check(jira(true, Map.of(), List.of("Task")), List.of(
                new JiraAccess.Filing("BAD", "Task", true, "k", "t")))).isInstanceOf(JiraRejectedException.class);
    }

    @Test
    void aProjectOnlyForQuarantineAlertsIsAskedOnlyWhatAlertsNeedAndNeverStopsMail() {
        List<List<String>> asked = new ArrayList<>();
        JiraApi jira = jira(true, Map.of("OPS", Set.of("CREATE_ISSUES")), List.of("Task"), asked);

        JiraAccess.Report report = JiraAccess.check(jira, List.of(COMPLAINTS, ALERTS));

        assertThat(asked.get(1)).containsExactly("BROWSE_PROJECTS", "CREATE_ISSUES");
        assertThat(report.gaps()).extracting(JiraAccess.Gap::toString).containsExactly(
                "OPS: the account lacks Create Issues (quarantined mail is not announced)");
        assertThat(report.canHandleComplaints()).isTrue();
    }

    private static JiraApi jira(boolean attachments, Map<String, Set<String>> lacking, List<String> issueTypes) {
        return jira(attachments, lacking, issueTypes, new ArrayList<>());
    }

    /**
     * A Jira whose account lacks, per project, the permissions named; which has no project CZ (404) and refuses to
     * answer about BAD (400); and whose projects offer these issue types.
     */
    @SuppressWarnings("unchecked")
    private static JiraApi jira(boolean attachments, Map<String, Set<String>> lacking, List<String> issueTypes,
                                List<List<String>> asked) {
        return (JiraApi) Proxy.newProxyInstance(JiraApi.class.getClassLoader(), new Class<?>[] {JiraApi.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "attachmentSettings" -> JSON.createObjectNode().put("enabled", attachments);
                    case "myPermissions" -> {
                        String project = (String) args[1];
                        if (project.equals("CZ")) {
                            throw new JiraRejectedException(404, "No project could be found with key 'CZ'.");
                        }
                        if (project.equals("BAD")) {
                            throw new JiraRejectedException(400, "The permission key is not valid.");
                        }
                        List<String> keys = (List<String>) args[2];
                        asked.add(keys);
                        ObjectNode answer = JSON.createObjectNode();
                        ObjectNode permissions = answer.putObject("permissions");
                        keys.forEach(key -> permissions.putObject(key).put("havePermission",
                                !lacking.getOrDefault(project, Set.of()).contains(key)));
                        yield answer;
                    }
                    case "issueTypes" -> {
                        List<JsonNode> types = new ArrayList<>();
                        issueTypes.forEach(name -> types.add(JSON.createObjectNode().put("name", name)));
                        yield types;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
