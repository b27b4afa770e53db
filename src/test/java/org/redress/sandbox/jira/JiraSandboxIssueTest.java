package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.testing.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.sandbox.jira.SandboxHttp.JSON;
import static org.redress.sandbox.jira.SandboxHttp.doc;

class JiraSandboxIssueTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T09:12:00Z"));
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

    private ObjectNode createBody(String summary) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode fields = body.putObject("fields");
        fields.putObject("project").put("key", "CS");
        fields.putObject("issuetype").put("name", "Task");
        fields.put("summary", summary);
        return body;
    }

    @Test
    void createdIssueCanBeReadBackWithJiraShapes() {
        ObjectNode body = createBody("Parcel arrived broken");
        body.withObject("fields").set("description", doc("The vase was in pieces."));
        body.withObject("fields").putArray("labels").add("complaint").add("lang-en");
        body.putArray("properties").addObject().put("key", "redress.complaint").putObject("value").put("email", "Ann@Example.com");

        SandboxHttp.Response created = http.post("/rest/api/3/issue", body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("key").asText()).isEqualTo("CS-1");
        assertThat(created.json().path("id").asText()).matches("\\d+");
        assertThat(created.json().path("self").asText()).isEqualTo(sandbox.baseUrl() + "/rest/api/3/issue/" + created.json().path("id").asText());

        JsonNode issue = http.get("/rest/api/3/issue/CS-1").json();
        JsonNode fields = issue.path("fields");
        assertThat(fields.path("summary").asText()).isEqualTo("Parcel arrived broken");
        assertThat(fields.path("description")).isEqualTo(doc("The vase was in pieces."));
        assertThat(fields.path("labels")).extracting(JsonNode::asText).containsExactly("complaint", "lang-en");
        assertThat(fields.path("status").path("name").asText()).isEqualTo("To Do");
        assertThat(fields.path("status").path("statusCategory").path("key").asText()).isEqualTo("new");
        assertThat(fields.path("project").path("key").asText()).isEqualTo("CS");
        assertThat(fields.path("issuetype").path("name").asText()).isEqualTo("Task");
        assertThat(fields.path("issuetype").path("id").asText()).isEqualTo("10001");
        assertThat(fields.path("priority").path("name").asText()).isEqualTo("Medium");
        assertThat(fields.path("resolution").isNull()).isTrue();
        assertThat(fields.path("resolutiondate").isNull()).isTrue();
        assertThat(fields.path("created").asText()).isEqualTo("2026-11-23T09:12:00.000+0000");
        assertThat(fields.path("updated").asText()).isEqualTo("2026-11-23T09:12:00.000+0000");
        assertThat(fields.path("attachment").isArray()).isTrue();
        assertThat(fields.path("comment").path("total").asInt()).isZero();
        assertThat(http.get("/rest/api/3/issue/CS-1/properties/redress.complaint").json().path("value").path("email").asText())
                .isEqualTo("Ann@Example.com");
        assertThat(sandbox.issue("CS-1")).isEqualTo(issue);
        assertThat(sandbox.issueKeys()).containsExactly("CS-1");
    }

    @Test
    void issueCanBeReadByIdAsWellAsByKeyAndUnknownOnesAre404LikeJira() {
        String key = http.create("First");
        String id = sandbox.issue(key).path("id").asText();

        assertThat(http.get("/rest/api/3/issue/" + id).json().path("key").asText()).isEqualTo(key);
        SandboxHttp.Response missing = http.get("/rest/api/3/issue/CS-99");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json()).isEqualTo(JSON.createObjectNode()
                .<ObjectNode>set("errorMessages", JSON.createArrayNode().add("Issue does not exist or you do not have permission to see it."))
                .set("errors", JSON.createObjectNode()));
    }

    @Test
    void keysCountFromOnePerProject() {
        assertThat(http.create("a")).isEqualTo("CS-1");
        assertThat(http.create("OPS", "b", null)).isEqualTo("OPS-1");
        assertThat(http.create("c")).isEqualTo("CS-2");
        assertThat(sandbox.issueKeys()).containsExactly("CS-1", "OPS-1", "CS-2");
    }

    @Test
    void projectAndIssueTypeMayBeGivenById() {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode fields = body.putObject("fields");
        fields.putObject("project").put("id", "10001");
        fields.putObject("issuetype").put("id", "10004");
        fields.put("summary", "By id");

        SandboxHttp.Response created = http.post("/rest/api/3/issue", body);

        assertThat(created.status()).isEqualTo(201);
        JsonNode issue = sandbox.issue(created.json().path("key").asText());
        assertThat(issue.path("key").asText()).isEqualTo("OPS-1");
        assertThat(issue.path("fields").path("issuetype").path("name").asText()).isEqualTo("Service request");
    }

    @Test
    void summaryWithLineBreakIsRejectedLikeJira() {
        SandboxHttp.Response response = http.post("/rest/api/3/issue", createBody("Broken\nvase"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").path("summary").asText())
                .isEqualTo("The summary is invalid because it contains newline characters.");
        assertThat(response.json().path("errorMessages").isArray()).isTrue();
        assertThat(sandbox.issueKeys()).isEmpty();
    }

    @Test
    void summaryOf255CharactersIsAcceptedAnd256IsRejected() {
        assertThat(http.post("/rest/api/3/issue", createBody("x".repeat(255))).status()).isEqualTo(201);

        SandboxHttp.Response tooLong = http.post("/rest/api/3/issue", createBody("x".repeat(256)));

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("errors").path("summary").asText()).isEqualTo("Summary must be less than 255 characters.");
    }

    @Test
    void missingOrBlankSummaryIsRejected() {
        ObjectNode body = createBody("  ");
        assertThat(http.post("/rest/api/3/issue", body).json().path("errors").path("summary").asText())
                .isEqualTo("You must specify a summary of the issue.");
        body.withObject("fields").remove("summary");
        assertThat(http.post("/rest/api/3/issue", body).status()).isEqualTo(400);
    }

    @Test
    void descriptionAsPlainStringIsRejectedBecauseV3NeedsAdf() {
        ObjectNode body = createBody("Plain text description");
        body.withObject("fields").put("description", "just text");

        SandboxHttp.Response response = http.post("/rest/api/3/issue", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").path("description").asText())
                .isEqualTo("Operation value must be an Atlassian Document (see the Atlassian Document Format)");
    }

    @Test
    void adfWithAnEmptyTextNodeIsRejected() {
        ObjectNode description = doc("x");
        ((ObjectNode) description.path("content").get(0).path("content").get(0)).put("text", "");
        ObjectNode body = createBody("Empty text node");
        body.withObject("fields").set("description", description);

        SandboxHttp.Response response = http.post("/rest/api/3/issue", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").path("description").asText()).startsWith("INVALID_INPUT");
    }

    @Test
    void descriptionLongerThan32767SerializedCharactersIsRejected() {
        ObjectNode fits = doc("");
        String wrapperLength = fits.toString();
        int room = 32_767 - wrapperLength.length();
        ObjectNode body = createBody("Exactly at the limit");
        body.withObject("fields").set("description", doc("a".repeat(room)));
        assertThat(body.path("fields").path("description").toString()).hasSize(32_767);
        assertThat(http.post("/rest/api/3/issue", body).status()).isEqualTo(201);

        body.withObject("fields").set("description", doc("a".repeat(room + 1)));
        SandboxHttp.Response response = http.post("/rest/api/3/issue", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").path("description").asText())
                .isEqualTo("The entered text is too long. It exceeds the allowed limit of 32,767 characters.");
    }

    @Test
    void labelsWithSpacesOrEmptyOrTooLongAreRejected() {
        for (String label : List.of("two words", "", "l".repeat(256))) {
            ObjectNode body = createBody("Label check");
            body.withObject("fields").putArray("labels").add(label);
            SandboxHttp.Response response = http.post("/rest/api/3/issue", body);
            assertThat(response.status()).as(label).isEqualTo(400);
            assertThat(response.json().path("errors").has("labels")).as(label).isTrue();
        }
        ObjectNode body = createBody("Label check");
        body.withObject("fields").putArray("labels").add("l".repeat(255));
        assertThat(http.post("/rest/api/3/issue", body).status()).isEqualTo(201);
    }

    @Test
    void unknownFieldIsRejectedWithJirasScreenMessage() {
        ObjectNode body = createBody("Unknown field");
        body.withObject("fields").put("customfield_10042", "x");

        SandboxHttp.Response response = http.post("/rest/api/3/issue", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").path("customfield_10042").asText())
                .isEqualTo("Field 'customfield_10042' cannot be set. It is not on the appropriate screen, or unknown.");
    }

    @Test
    void unknownProjectAndIssueTypeAreReportedTogether() {
        ObjectNode body = createBody("Nowhere");
        body.withObject("fields").putObject("project").put("key", "NOPE");
        body.withObject("fields").putObject("issuetype").put("name", "Epic");

        JsonNode errors = http.post("/rest/api/3/issue", body).json().path("errors");

        assertThat(errors.path("project").asText()).isEqualTo("Specify a valid project ID or key");
        assertThat(errors.path("issuetype").asText()).isEqualTo("Specify a valid issue type");
    }

    @Test
    void editSetsFieldsAndLabelOperationsAndBumpsUpdated() {
        ObjectNode createBody = createBody("Original");
        createBody.withObject("fields").putArray("labels").add("keep").add("drop");
        http.post("/rest/api/3/issue", createBody);
        clock.advance(java.time.Duration.ofMinutes(5));

        ObjectNode edit = JSON.createObjectNode();
        edit.putObject("fields").put("summary", "Renamed").set("description", doc("New text"));
        ObjectNode update = edit.putObject("update");
        update.putArray("labels").add(JSON.createObjectNode().put("add", "added")).add(JSON.createObjectNode().put("remove", "drop"));
        update.putArray("priority").addObject().putObject("set").put("name", "High");

        SandboxHttp.Response response = http.put("/rest/api/3/issue/CS-1", edit);

        assertThat(response.status()).isEqualTo(204);
        JsonNode fields = sandbox.issue("CS-1").path("fields");
        assertThat(fields.path("summary").asText()).isEqualTo("Renamed");
        assertThat(fields.path("description")).isEqualTo(doc("New text"));
        assertThat(fields.path("labels")).extracting(JsonNode::asText).containsExactly("keep", "added");
        assertThat(fields.path("priority").path("name").asText()).isEqualTo("High");
        assertThat(fields.path("updated").asText()).isEqualTo("2026-11-23T09:17:00.000+0000");
        assertThat(fields.path("created").asText()).isEqualTo("2026-11-23T09:12:00.000+0000");
    }

    @Test
    void summarySetThroughUpdateIsValidatedLikeCreate() {
        http.create("Original");
        ObjectNode edit = JSON.createObjectNode();
        edit.putObject("update").putArray("summary").addObject().put("set", "two\r\nlines");

        SandboxHttp.Response response = http.put("/rest/api/3/issue/CS-1", edit);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").path("summary").asText())
                .isEqualTo("The summary is invalid because it contains newline characters.");
        assertThat(sandbox.issue("CS-1").path("fields").path("summary").asText()).isEqualTo("Original");
    }

    @Test
    void editOfProjectIsRefusedAndEditOfMissingIssueIs404() {
        http.create("Original");
        ObjectNode edit = JSON.createObjectNode();
        edit.putObject("fields").putObject("project").put("key", "OPS");
        assertThat(http.put("/rest/api/3/issue/CS-1", edit).json().path("errors").path("project").asText())
                .contains("cannot be set");
        assertThat(http.put("/rest/api/3/issue/CS-404", JSON.createObjectNode().putObject("fields")).status()).isEqualTo(404);
    }

    @Test
    void requestWithoutAuthorizationIs401WithJiraErrorBody() {
        var response = http.send("GET", "/rest/api/3/myself", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode body = new SandboxHttp.Response(response).json();
        assertThat(body.path("errorMessages").get(0).asText()).contains("not authenticated");
        assertThat(body.path("errors").isObject()).isTrue();
    }

    @Test
    void bearerTokenIsAcceptedAndMyselfDescribesTheCaller() {
        var bearer = new SandboxHttp.Response(http.send("GET", "/rest/api/3/myself", null, null, "Authorization", "Bearer abc.def"));
        assertThat(bearer.status()).isEqualTo(200);

        JsonNode me = http.get("/rest/api/3/myself").json();
        assertThat(me.path("emailAddress").asText()).isEqualTo("agent@example.com");
        assertThat(me.path("accountId").asText()).isNotBlank();
        assertThat(me.path("displayName").asText()).contains("Redress sandbox");
        assertThat(me.path("active").asBoolean()).isTrue();
        assertThat(me.path("timeZone").asText()).isEqualTo("UTC");
    }

    @Test
    void serverInfoSaysItIsTheSandbox() {
        JsonNode info = http.get("/rest/api/3/serverInfo").json();
        assertThat(info.path("serverTitle").asText()).contains("Redress Jira sandbox");
        assertThat(info.path("baseUrl").asText()).isEqualTo(sandbox.baseUrl());
    }

    @Test
    void unknownPathIs404JsonAndWrongMethodIs405() {
        SandboxHttp.Response unknown = http.get("/rest/api/3/dashboard");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("errorMessages").isArray()).isTrue();

        SandboxHttp.Response wrongMethod = http.delete("/rest/api/3/myself");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).isEqualTo("GET");
        assertThat(wrongMethod.json().path("errorMessages").isArray()).isTrue();
    }

    @Test
    void nonJsonBodyIs415AndBrokenJsonIs400() {
        var wrongType = http.send("POST", "/rest/api/3/issue", "text/plain", "{}".getBytes(), "Authorization", SandboxHttp.BASIC);
        assertThat(wrongType.statusCode()).isEqualTo(415);

        SandboxHttp.Response broken = http.post("/rest/api/3/issue", "{\"fields\": ");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().path("errorMessages").get(0).asText()).isNotBlank();
    }

    @Test
    void concurrentCreatesGetDistinctConsecutiveKeys() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                futures.add(pool.submit(() -> http.create("Concurrent " + n)));
            }
            List<String> keys = new ArrayList<>();
            for (Future<String> f : futures) {
                keys.add(f.get());
            }
            Collections.sort(keys);
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= 40; i++) {
                expected.add("CS-" + i);
            }
            Collections.sort(expected);
            assertThat(keys).isEqualTo(expected);
            assertThat(sandbox.issueKeys()).hasSize(40).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fieldsParameterLimitsTheReturnedFields() {
        http.create("Fields");
        JsonNode issue = http.get("/rest/api/3/issue/CS-1?fields=summary,status").json();
        assertThat(issue.path("fields").size()).isEqualTo(2);
        assertThat(issue.path("fields").has("summary")).isTrue();
        assertThat(issue.path("key").asText()).isEqualTo("CS-1");
        assertThat(Map.of()).isEmpty();
    }
    @Test
    void everyKthCreateIsAnswered429WithRetryAfterUntilOutagesEnd() {
        sandbox.rateLimitEvery("POST", "/rest/api/3/issue", 3, 2);

        List<Integer> statuses = new ArrayList<>();
        String retryAfter = null;
        for (int i = 1; i <= 7; i++) {
            SandboxHttp.Response response = http.post("/rest/api/3/issue", createBody("Complaint " + i));
            statuses.add(response.status());
            if (response.status() == 429) {
                retryAfter = response.header("Retry-After");
            }
        }
        assertThat(statuses).containsExactly(201, 201, 429, 201, 201, 429, 201);
        assertThat(retryAfter).isEqualTo("2");
        assertThat(http.get("/rest/api/3/issue/CS-1").status()).as("other paths are not limited").isEqualTo(200);
        assertThat(sandbox.issueKeys()).hasSize(5);

        sandbox.endOutages();
        assertThat(http.post("/rest/api/3/issue", createBody("After")).status()).isEqualTo(201);
        assertThat(http.post("/rest/api/3/issue", createBody("After")).status()).isEqualTo(201);
    }

    @Test
    void aProjectsIssueTypesComeAPageAtATimeInCloudsShapeAndDataCentersToo() throws Exception {
        JsonNode first = http.get("/rest/api/3/issue/createmeta/CS/issuetypes?maxResults=3").json();
        assertThat(first.path("issueTypes")).extracting(t -> t.path("name").asText())
                .containsExactly("Task", "Bug", "Story");
        assertThat(first.path("total").asInt()).isEqualTo(4);
        JsonNode rest = http.get("/rest/api/3/issue/createmeta/CS/issuetypes?startAt=3&maxResults=3").json();
        assertThat(rest.path("issueTypes")).extracting(t -> t.path("name").asText()).containsExactly("Service request");
        assertThat(http.get("/rest/api/3/issue/createmeta/XX/issuetypes").status()).isEqualTo(400);
        assertThat(http.get("/rest/api/3/issue/createmeta/CS/issuetypes?maxResults=201").status()).isEqualTo(400);

        try (JiraSandbox dataCenter = new JiraSandbox("127.0.0.1", 0, null, List.of("CS")).dataCenter().start()) {
            JsonNode page = new SandboxHttp(dataCenter).get("/rest/api/2/issue/createmeta/CS/issuetypes").json();
            assertThat(page.path("values")).hasSize(4);
            assertThat(page.path("isLast").asBoolean()).isTrue();
            assertThat(page.has("issueTypes")).isFalse();
        }
    }
}
