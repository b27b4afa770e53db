package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.testing.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.sandbox.jira.SandboxHttp.JSON;
import static org.redress.sandbox.jira.SandboxHttp.doc;

class JiraSandboxSearchTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private JiraSandbox sandbox;
    private SandboxHttp http;

    @BeforeEach
    void start() {
        sandbox = SandboxHttp.started(null, clock, "CS", "OPS");
        http = new SandboxHttp(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String createWithProperty(String summary, String email, String... labels) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode fields = body.putObject("fields");
        fields.putObject("project").put("key", "CS");
        fields.putObject("issuetype").put("name", "Task");
        fields.put("summary", summary);
        fields.set("description", doc("Body of " + summary));
        var labelArray = fields.putArray("labels");
        for (String label : labels) {
            labelArray.add(label);
        }
        ObjectNode value = body.putArray("properties").addObject().put("key", "redress.complaint").putObject("value");
        value.put("email", email);
        value.putArray("messageIds").add("<a@mail>").add("<b@mail>");
        return http.post("/rest/api/3/issue", body).json().path("key").asText();
    }

    private void transition(String key, String id) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("transition").put("id", id);
        assertThat(http.post("/rest/api/3/issue/" + key + "/transitions", body).status()).isEqualTo(204);
    }

    @Test
    void searchByIssuePropertyComparesEmailsCaseInsensitively() {
        createWithProperty("Ann's vase", "Ann@Example.com");
        createWithProperty("Bob's sofa", "bob@example.com");

        assertThat(http.searchKeys("issue.property[redress.complaint].email = \"ann@example.COM\"")).containsExactly("CS-1");
        assertThat(http.searchKeys("issue.property[redress.complaint].messageIds = \"<b@mail>\" ORDER BY key ASC"))
                .containsExactly("CS-1", "CS-2");
        assertThat(http.searchKeys("issue.property[redress.complaint].email != \"bob@example.com\"")).containsExactly("CS-1");
        assertThat(http.searchKeys("issue.property[redress.complaint].missing is EMPTY ORDER BY key")).containsExactly("CS-1", "CS-2");
    }

    @Test
    void searchByUpdatedSeesOnlyRecentChanges() {
        http.create("Old");
        clock.advance(java.time.Duration.ofMinutes(12));
        http.create("New");
        clock.advance(java.time.Duration.ofMinutes(10));
        http.post("/rest/api/3/issue/CS-1/comment", JSON.createObjectNode().set("body", doc("poke")));

        assertThat(http.searchKeys("project = CS AND updated >= \"2026-11-23 09:12\" ORDER BY updated ASC"))
                .containsExactly("CS-2", "CS-1");
        assertThat(http.searchKeys("project = CS AND updated > \"2026-11-23 09:12\"")).containsExactly("CS-1");
        assertThat(http.searchKeys("project = CS AND created <= \"2026-11-23 09:05\"")).containsExactly("CS-1");
        long epoch = Instant.parse("2026-11-23T09:12:00Z").toEpochMilli();
        assertThat(http.searchKeys("project = CS AND created >= " + epoch)).containsExactly("CS-2");
        assertThat(http.searchKeys("project = CS AND updated >= -5m")).containsExactly("CS-1");
        assertThat(http.searchKeys("project = CS AND updated >= \"2026/11/23\" ORDER BY key DESC")).containsExactly("CS-2", "CS-1");
    }

    @Test
    void searchByProjectStatusCategoryResolutionLabelsAndText() {
        createWithProperty("Broken vase", "a@x.org", "complaint", "lang-fr");
        createWithProperty("Late delivery", "b@x.org", "complaint");
        http.create("OPS", "Internal chore", null);
        transition("CS-2", "41");

        assertThat(http.searchKeys("project in (CS, OPS) ORDER BY key ASC")).containsExactly("CS-1", "CS-2", "OPS-1");
        assertThat(http.searchKeys("project = cs")).containsExactly("CS-2", "CS-1");
        assertThat(http.searchKeys("project = CS AND status = \"To Do\"")).containsExactly("CS-1");
        assertThat(http.searchKeys("project = CS AND status != \"To Do\"")).containsExactly("CS-2");
        assertThat(http.searchKeys("statusCategory = Done")).containsExactly("CS-2");
        assertThat(http.searchKeys("statusCategory != Done ORDER BY key")).containsExactly("CS-1", "OPS-1");
        assertThat(http.searchKeys("project = CS AND resolution = Unresolved")).containsExactly("CS-1");
        assertThat(http.searchKeys("project = CS AND resolution is EMPTY")).containsExactly("CS-1");
        assertThat(http.searchKeys("project = CS AND resolution IS NOT empty")).containsExactly("CS-2");
        assertThat(http.searchKeys("labels = lang-fr")).containsExactly("CS-1");
        assertThat(http.searchKeys("labels != lang-fr")).containsExactly("CS-2");
        assertThat(http.searchKeys("key = CS-2")).containsExactly("CS-2");
        assertThat(http.searchKeys("text ~ \"VASE broken\"")).containsExactly("CS-1");
        assertThat(http.searchKeys("text ~ \"body of late\"")).containsExactly("CS-2");
        assertThat(http.searchKeys("PROJECT = CS and LABELS = complaint order by KEY desc")).containsExactly("CS-2", "CS-1");
    }

    @Test
    void textSearchFindsAnEditedDescriptionsNewWordsAndNotItsOldOnes() {
        String key = http.create("CS", "Kitchen appliance", doc("The kettle leaks"));
        http.create("CS", "Another one", doc("The kettle whistles"));
        ObjectNode edit = JSON.createObjectNode();
        edit.putObject("fields").set("description", doc("The toaster burns the bread"));
        assertThat(http.put("/rest/api/3/issue/" + key, edit).status()).isEqualTo(204);

        assertThat(http.searchKeys("text ~ \"toaster\"")).containsExactly(key);
        assertThat(http.searchKeys("text ~ \"kettle leaks\"")).isEmpty();
        assertThat(http.searchKeys("text ~ \"kettle\"")).containsExactly("CS-2");
        assertThat(http.searchKeys("project = CS AND description ~ \"bread\" AND summary ~ \"kitchen\"")).containsExactly(key);
        assertThat(http.searchKeys("project = CS AND summary !~ \"kitchen\"")).containsExactly("CS-2");
        // words under three letters hold no sequence to look up: every issue is read
        assertThat(http.searchKeys("text ~ \"to\" ORDER BY key")).containsExactly(key);
    }

    @Test
    void textSearchFindsIssuesTheSandboxLoadedFromItsStateFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dataDir) {
        try (JiraSandbox first = SandboxHttp.started(dataDir, clock, "CS")) {
            new SandboxHttp(first).create("CS", "Lamp", doc("Written by ann.smith.sat-00042@example.org"));
        }
        try (JiraSandbox second = SandboxHttp.started(dataDir, clock, "CS")) {
            SandboxHttp reloaded = new SandboxHttp(second);
            reloaded.create("CS", "Vase", doc("Written by bob.jones.sat-00043@example.org"));
            assertThat(reloaded.searchKeys("text ~ \"ann.smith.sat-00042@example.org\"")).containsExactly("CS-1");
            assertThat(reloaded.searchKeys("text ~ \"sat-0004\" ORDER BY key")).containsExactly("CS-1", "CS-2");
        }
    }

    @Test
    void unsupportedJqlIsAnErrorNotAnEmptyResult() {
        http.create("x");
        for (String jql : List.of(
                "project = CS OR project = OPS",
                "assignee = currentUser()",
                "project = CS AND (labels = a)",
                "NOT project = CS",
                "project = CS AND status WAS \"Done\"",
                "project = CS AND created >= startOfDay()",
                "project = CS ORDER BY priority",
                "project = CS AND summary = \"x\"",
                "project = CS AND",
                "project = \"CS",
                "project CS")) {
            SandboxHttp.Response response = http.search(jql);
            assertThat(response.status()).as(jql).isEqualTo(400);
            assertThat(response.json().path("errorMessages").get(0).asText()).as(jql).startsWith("Error in the JQL Query:");
            assertThat(response.json().path("errors").isObject()).as(jql).isTrue();
        }
    }

    @Test
    void valuesThatDoNotExistAreErrorsLikeJira() {
        http.create("x");
        assertThat(http.search("project = NOPE").json().path("errorMessages").get(0).asText())
                .isEqualTo("The value 'NOPE' does not exist for the field 'project'.");
        assertThat(http.search("status = Closed").status()).isEqualTo(400);
        assertThat(http.search("key = CS-42").json().path("errorMessages").get(0).asText())
                .isEqualTo("An issue with key 'CS-42' does not exist for field 'key'.");
        assertThat(http.search("project = CS AND updated >= \"yesterday\"").json().path("errorMessages").get(0).asText())
                .startsWith("Date value 'yesterday' for field 'updated' is invalid.");
        assertThat(http.search("labels = a@b").json().path("errorMessages").get(0).asText())
                .contains("reserved JQL character");
    }

    @Test
    void unboundedQueryIsRejected() {
        SandboxHttp.Response response = http.search("ORDER BY created DESC");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errorMessages").get(0).asText()).startsWith("Unbounded JQL queries are not allowed");
    }

    @Test
    void searchReturnsOnlyIdsUnlessFieldsAreRequested() {
        http.create("Only ids");

        JsonNode bare = http.search("project = CS").json();
        assertThat(bare.path("issues").get(0).path("id").asText()).isNotBlank();
        assertThat(bare.path("issues").get(0).has("fields")).isFalse();
        assertThat(bare.path("isLast").asBoolean()).isTrue();
        assertThat(bare.has("nextPageToken")).isFalse();

        JsonNode withFields = http.search("project = CS", "fields=summary,status", "properties=redress.complaint").json();
        assertThat(withFields.path("issues").get(0).path("fields").path("summary").asText()).isEqualTo("Only ids");
        assertThat(withFields.path("issues").get(0).path("fields").has("description")).isFalse();
    }

    @Test
    void resultsArePagedWithNextPageToken() {
        for (int i = 0; i < 5; i++) {
            http.create("Issue " + i);
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            SandboxHttp.Response page = token == null
                    ? http.search("project = CS ORDER BY key ASC", "maxResults=2", "fields=key")
                    : http.search("project = CS ORDER BY key ASC", "maxResults=2", "fields=key", "nextPageToken=" + SandboxHttp.encode(token));
            pages++;
            page.json().path("issues").forEach(i -> seen.add(i.path("key").asText()));
            token = page.json().path("isLast").asBoolean() ? null : page.json().path("nextPageToken").asText();
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("CS-1", "CS-2", "CS-3", "CS-4", "CS-5");
        assertThat(http.search("project = CS", "nextPageToken=bogus").status()).isEqualTo(400);
    }

    @Test
    void postSearchTakesTheSameParametersInTheBody() {
        createWithProperty("Posted", "p@x.org");
        ObjectNode body = JSON.createObjectNode();
        body.put("jql", "issue.property[redress.complaint].email = \"P@X.ORG\"");
        body.putArray("fields").add("summary").add("labels");
        body.put("maxResults", 10);
        body.putArray("properties").add("redress.complaint");

        JsonNode result = http.post("/rest/api/3/search/jql", body).json();

        JsonNode issue = result.path("issues").get(0);
        assertThat(issue.path("key").asText()).isEqualTo("CS-1");
        assertThat(issue.path("fields").path("summary").asText()).isEqualTo("Posted");
        assertThat(issue.path("properties").path("redress.complaint").path("email").asText()).isEqualTo("p@x.org");

        body.put("startAt", 0);
        assertThat(http.post("/rest/api/3/search/jql", body).status()).isEqualTo(400);
    }
}
