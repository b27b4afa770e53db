package org.redress.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.redress.history.HistorySources;
import org.redress.history.PastComplaint;

/**
 * Finds a customer's tickets in Jira, including those filed before the gateway (by Jira Service Management's mail
 * channel, by hand): a JQL search in the configured projects, then a check of each hit, because Jira's text search
 * matches words, not addresses. A hit counts when the address is its reporter's, in its description, or in the
 * gateway's customer property.
 */
public final class JiraCustomerTickets implements HistorySources.Tickets {
    private static final List<String> FIELDS = List.of("summary", "status", "resolution", "resolutiondate", "created",
            "description", "reporter");

    private final JiraApi jira;
    private final String jqlTemplate;
    private final Set<String> projects;
    private final int maxTickets;

    /**
     * @param jqlTemplate JQL with {@code {email}} and {@code {projects}} placeholders
     *                    ({@code redress.history.jira-jql})
     */
    public JiraCustomerTickets(JiraApi jira, String jqlTemplate, Set<String> projects, int maxTickets) {
        this.jira = jira;
        this.jqlTemplate = jqlTemplate;
        this.projects = Set.copyOf(projects);
        this.maxTickets = maxTickets;
    }

    @Override
    public List<PastComplaint> ticketsOf(String email) {
        String address = email.toLowerCase(Locale.ROOT);
        List<PastComplaint> tickets = new ArrayList<>();
        for (JsonNode issue : jira.searchIssues(jql(address), FIELDS, maxTickets)) {
            JsonNode fields = issue.path("fields");
            if (concerns(fields, address)) {
                tickets.add(pastComplaint(issue.path("key").asText(), fields));
            }
        }
        return tickets;
    }

    String jql(String address) {
        String quotedProjects = String.join(", ", projects.stream().sorted().map(p -> "\"" + p + "\"").toList());
        return jqlTemplate.replace("{email}", address.replace("\\", "\\\\").replace("\"", "\\\""))
                .replace("{projects}", quotedProjects);
    }

    /**
     * The customer reported it (Service Management, mail handlers) or it is the gateway's ticket from them: its
     * description's "From:" line holds exactly this address. An address merely mentioned, quoted or copied in
     * ("Also addressed to") does not make someone else's ticket theirs; nor does bob@x.com match jimbob@x.com.
     */
    private static boolean concerns(JsonNode fields, String address) {
        if (fields.path("reporter").path("emailAddress").asText("").equalsIgnoreCase(address)) {
            return true;
        }
        java.util.regex.Pattern from = java.util.regex.Pattern.compile("(?m)^From:?[ \\t][^\\n]*?(?<![\\w.+%-])"
                + java.util.regex.Pattern.quote(address) + "(?![\\w-]|\\.\\w)", java.util.regex.Pattern.CASE_INSENSITIVE);
        return from.matcher(AdfText.plain(fields.path("description"))).find();
    }

    private static PastComplaint pastComplaint(String key, JsonNode fields) {
        boolean done = "done".equals(fields.path("status").path("statusCategory").path("key").asText())
                || !fields.path("resolution").isMissingNode() && !fields.path("resolution").isNull();
        String resolution = fields.path("resolution").path("name").asText(null);
        return new PastComplaint(key, JiraTimes.parse(fields.path("created").asText(null)), fields.path("summary").asText(null),
                fields.path("status").path("name").asText(null), resolution,
                JiraTimes.parse(fields.path("resolutiondate").asText(null)), !done, null);
    }
}
