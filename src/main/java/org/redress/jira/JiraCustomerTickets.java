package org.redress.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
    /** Jira's date-time format in REST responses: 2026-11-16T09:27:00.000+0000. */
    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
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

    private static boolean concerns(JsonNode fields, String address) {
        if (fields.path("reporter").path("emailAddress").asText("").equalsIgnoreCase(address)) {
            return true;
        }
        return AdfText.plain(fields.path("description")).toLowerCase(Locale.ROOT).contains(address);
    }

    private static PastComplaint pastComplaint(String key, JsonNode fields) {
        boolean done = "done".equals(fields.path("status").path("statusCategory").path("key").asText())
                || !fields.path("resolution").isMissingNode() && !fields.path("resolution").isNull();
        String resolution = fields.path("resolution").path("name").asText(null);
        return new PastComplaint(key, time(fields.path("created").asText(null)), fields.path("summary").asText(null),
                fields.path("status").path("name").asText(null), resolution,
                time(fields.path("resolutiondate").asText(null)), !done, null);
    }

    private static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, JIRA_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
