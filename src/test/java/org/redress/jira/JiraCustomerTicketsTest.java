package org.redress.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.redress.history.PastComplaint;

class JiraCustomerTicketsTest {
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> queries = new ArrayList<>();

    private JsonNode issue(String key, String description, String reporter) throws Exception {
        String adf = json.writeValueAsString(new Adf().labelled("From", description.split("\n")[0])
                .paragraph(description.contains("\n") ? description.substring(description.indexOf('\n') + 1) : "")
                .document());
        return json.readTree("{\"key\":\"" + key + "\",\"fields\":{\"summary\":\"s\",\"created\":\"2026-11-16T09:27:00.000+0000\","
                + "\"status\":{\"name\":\"To Do\",\"statusCategory\":{\"key\":\"new\"}},\"resolution\":null,"
                + "\"reporter\":{\"emailAddress\":\"" + reporter + "\"},\"description\":" + adf + "}}");
    }

    private JiraApi jiraAnswering(List<JsonNode> issues) {
        return (JiraApi) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {JiraApi.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("searchIssues")) {
                        queries.add((String) args[0]);
                        return issues;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void onlyTicketsFromOrReportedByExactlyThisAddressAreTheCustomers() throws Exception {
        List<JsonNode> hits = List.of(
                issue("CS-1", "Bob <bob@x.com>", "agent@lumiere.example"),
                issue("CS-2", "Jim <jimbob@x.com>", "agent@lumiere.example"),
                issue("CS-3", "Ann <ann@x.com>\nAlso addressed to: bob@x.com", "agent@lumiere.example"),
                issue("CS-4", "someone", "BOB@x.com"),
                issue("CS-5", "Bob <bob@x.com.evil.example>", "agent@lumiere.example"));
        JiraCustomerTickets tickets = new JiraCustomerTickets(jiraAnswering(hits),
                "project in ({projects}) AND text ~ \"{email}\"", Set.of("CS"), 20);
        assertThat(tickets.ticketsOf("Bob@X.com")).extracting(PastComplaint::ticketKey).containsExactly("CS-1", "CS-4");
        assertThat(queries).containsExactly("project in (\"CS\") AND text ~ \"bob@x.com\"");
    }
}
