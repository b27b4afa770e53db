package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.testing.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.sandbox.jira.SandboxHttp.JSON;
import static org.redress.sandbox.jira.SandboxHttp.doc;

class JiraSandboxLinkTest {

    private static final String LINK = "/rest/api/3/issueLink";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T09:12:00Z"));
    private JiraSandbox sandbox;
    private SandboxHttp http;

    @TempDir
    Path dataDir;

    @BeforeEach
    void start() {
        sandbox = SandboxHttp.started(null, clock, "CS");
        http = new SandboxHttp(sandbox);
        http.create("Broken vase");
        http.create("Broken vase, again");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** The request body a client sends: {@code inward} "blocks"/"relates to" {@code outward}. */
    private static ObjectNode link(String typeName, String inwardKey, String outwardKey) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("type").put("name", typeName);
        body.putObject("inwardIssue").put("key", inwardKey);
        body.putObject("outwardIssue").put("key", outwardKey);
        return body;
    }

    private JsonNode links(String key) {
        return http.get("/rest/api/3/issue/" + key + "?fields=issuelinks").json().path("fields").path("issuelinks");
    }

    private static ObjectNode errors(String... messages) {
        ObjectNode body = JSON.createObjectNode();
        var list = body.putArray("errorMessages");
        for (String message : messages) {
            list.add(message);
        }
        body.putObject("errors");
        return body;
    }

    @Test
    void linkingShowsTheLinkOnBothIssuesEachNamingTheOther() {
        SandboxHttp.Response created = http.post(LINK, link("Blocks", "CS-1", "CS-2"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.raw().body()).isEmpty();
        assertThat(created.header("Location")).startsWith(sandbox.baseUrl() + "/rest/api/3/issueLink/");

        JsonNode fromInward = links("CS-1");
        assertThat(fromInward).hasSize(1);
        JsonNode link = fromInward.get(0);
        assertThat(link.path("id").asText()).matches("\\d+");
        assertThat(link.path("self").asText()).isEqualTo(sandbox.baseUrl() + "/rest/api/3/issueLink/" + link.path("id").asText());
        assertThat(link.path("type")).isEqualTo(JSON.createObjectNode().put("id", "10000").put("name", "Blocks")
                .put("inward", "is blocked by").put("outward", "blocks")
                .put("self", sandbox.baseUrl() + "/rest/api/3/issueLinkType/10000"));
        assertThat(link.has("inwardIssue")).isFalse();
        JsonNode other = link.path("outwardIssue");
        assertThat(other.path("key").asText()).isEqualTo("CS-2");
        assertThat(other.path("id").asText()).isEqualTo(sandbox.issue("CS-2").path("id").asText());
        assertThat(other.path("self").asText()).isEqualTo(sandbox.issue("CS-2").path("self").asText());
        assertThat(other.path("fields").path("summary").asText()).isEqualTo("Broken vase, again");
        assertThat(other.path("fields").path("status").path("name").asText()).isNotBlank();

        JsonNode fromOutward = links("CS-2");
        assertThat(fromOutward).hasSize(1);
        assertThat(fromOutward.get(0).path("id")).isEqualTo(link.path("id"));
        assertThat(fromOutward.get(0).has("outwardIssue")).isFalse();
        assertThat(fromOutward.get(0).path("inwardIssue").path("key").asText()).isEqualTo("CS-1");
        assertThat(fromOutward.get(0).path("inwardIssue").path("fields").path("summary").asText()).isEqualTo("Broken vase");
    }

    @Test
    void issuelinksFollowsTheFieldSelection() {
        http.post(LINK, link("Relates", "CS-2", "CS-1"));

        JsonNode onlyLinks = http.get("/rest/api/3/issue/CS-1?fields=issuelinks").json().path("fields");
        assertThat(onlyLinks.size()).isEqualTo(1);
        assertThat(sandbox.issue("CS-1").path("fields").path("issuelinks")).hasSize(1);
        assertThat(http.get("/rest/api/3/issue/CS-1?fields=*all,-issuelinks").json().path("fields").has("issuelinks")).isFalse();
        assertThat(http.get("/rest/api/3/issue/CS-1?fields=summary").json().path("fields").has("issuelinks")).isFalse();

        JsonNode found = http.search("key = CS-1", "fields=*navigable").json().path("issues").get(0);
        assertThat(found.path("fields").path("issuelinks").get(0).path("inwardIssue").path("key").asText()).isEqualTo("CS-2");
        assertThat(http.search("key = CS-1").json().path("issues").get(0).has("fields")).isFalse();
    }

    @Test
    void typeAndIssuesMayBeGivenById() {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("type").put("id", "10002");
        body.putObject("inwardIssue").put("id", sandbox.issue("CS-2").path("id").asText());
        body.putObject("outwardIssue").put("key", "cs-1");

        assertThat(http.post(LINK, body).status()).isEqualTo(201);

        JsonNode link = links("CS-2").get(0);
        assertThat(link.path("type").path("name").asText()).isEqualTo("Duplicate");
        assertThat(link.path("outwardIssue").path("key").asText()).isEqualTo("CS-1");
    }

    @Test
    void unknownLinkTypeIs404WithJiraErrorCollection() {
        SandboxHttp.Response byName = http.post(LINK, link("Causes", "CS-1", "CS-2"));
        assertThat(byName.status()).isEqualTo(404);
        assertThat(byName.json()).isEqualTo(errors("No issue link type with name 'Causes' found."));

        // Jira Cloud matches link type names exactly
        assertThat(http.post(LINK, link("relates", "CS-1", "CS-2")).status()).isEqualTo(404);

        ObjectNode byId = link("Relates", "CS-1", "CS-2");
        byId.putObject("type").put("id", "99");
        SandboxHttp.Response response = http.post(LINK, byId);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json()).isEqualTo(errors("No issue link type with id '99' found."));
        assertThat(links("CS-1")).isEmpty();
    }

    @Test
    void unknownIssueIs404AndNothingIsLinked() {
        SandboxHttp.Response response = http.post(LINK, link("Relates", "CS-1", "CS-99"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json()).isEqualTo(errors("Issue Does Not Exist"));
        assertThat(links("CS-1")).isEmpty();

        SandboxHttp.Response both = http.post(LINK, link("Nope", "CS-98", "CS-99"));
        assertThat(both.json()).isEqualTo(errors("No issue link type with name 'Nope' found.", "Issue Does Not Exist"));
    }

    @Test
    void missingFieldsAndSelfLinksAre400() {
        SandboxHttp.Response empty = http.post(LINK, JSON.createObjectNode());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("errors").properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("issuelinks", "inwardIssue", "outwardIssue");

        ObjectNode noKey = link("Relates", "CS-1", "CS-2");
        noKey.putObject("outwardIssue");
        assertThat(http.post(LINK, noKey).json().path("errors").has("outwardIssue")).isTrue();

        ObjectNode unknown = link("Relates", "CS-1", "CS-2");
        unknown.put("direction", "both");
        assertThat(http.post(LINK, unknown).status()).isEqualTo(400);

        SandboxHttp.Response self = http.post(LINK, link("Relates", "CS-1", "CS-1"));
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.json()).isEqualTo(errors("You cannot link an issue to itself."));

        assertThat(links("CS-1")).isEmpty();
    }

    @Test
    void sameLinkTwiceIsOneLinkButTheOppositeDirectionIsAnother() {
        clock.advance(java.time.Duration.ofMinutes(5));
        assertThat(http.post(LINK, link("Blocks", "CS-1", "CS-2")).status()).isEqualTo(201);
        assertThat(sandbox.issue("CS-1").path("fields").path("updated").asText()).isEqualTo("2026-11-23T09:17:00.000+0000");
        assertThat(sandbox.issue("CS-2").path("fields").path("updated").asText()).isEqualTo("2026-11-23T09:17:00.000+0000");

        clock.advance(java.time.Duration.ofMinutes(5));
        assertThat(http.post(LINK, link("Blocks", "CS-1", "CS-2")).status()).isEqualTo(201);
        assertThat(links("CS-1")).hasSize(1);
        assertThat(links("CS-2")).hasSize(1);
        assertThat(sandbox.issue("CS-1").path("fields").path("updated").asText()).isEqualTo("2026-11-23T09:17:00.000+0000");

        assertThat(http.post(LINK, link("Blocks", "CS-2", "CS-1")).status()).isEqualTo(201);
        assertThat(links("CS-1")).hasSize(2);
        assertThat(links("CS-1").get(1).path("inwardIssue").path("key").asText()).isEqualTo("CS-2");
    }

    @Test
    void commentGoesOnTheInwardIssueAndAnInvalidCommentLinksNothing() {
        ObjectNode body = link("Duplicate", "CS-2", "CS-1");
        body.putObject("comment").put("body", "not ADF");
        assertThat(http.post(LINK, body).status()).isEqualTo(400);
        assertThat(links("CS-2")).isEmpty();

        body.putObject("comment").set("body", doc("Same complaint as CS-1."));
        assertThat(http.post(LINK, body).status()).isEqualTo(201);

        assertThat(http.get("/rest/api/3/issue/CS-2/comment").json().path("comments").get(0).path("body"))
                .isEqualTo(doc("Same complaint as CS-1."));
        assertThat(http.get("/rest/api/3/issue/CS-1/comment").json().path("total").asInt()).isZero();
    }

    @Test
    void issueLinkTypesListsJiraCloudDefaults() {
        SandboxHttp.Response response = http.get("/rest/api/3/issueLinkType");

        assertThat(response.status()).isEqualTo(200);
        JsonNode types = response.json().path("issueLinkTypes");
        assertThat(types).extracting(t -> t.path("name").asText()).containsExactly("Blocks", "Cloners", "Duplicate", "Relates");
        JsonNode relates = types.get(3);
        assertThat(relates.path("id").asText()).isEqualTo("10003");
        assertThat(relates.path("inward").asText()).isEqualTo("relates to");
        assertThat(relates.path("outward").asText()).isEqualTo("relates to");
        assertThat(relates.path("self").asText()).isEqualTo(sandbox.baseUrl() + "/rest/api/3/issueLinkType/10003");
        assertThat(types.get(1).path("inward").asText()).isEqualTo("is cloned by");
        assertThat(types.get(1).path("outward").asText()).isEqualTo("clones");
    }

    @Test
    void linksSurviveARestart() {
        String linkId;
        try (JiraSandbox first = SandboxHttp.started(dataDir, Clock.systemUTC(), "CS")) {
            SandboxHttp firstHttp = new SandboxHttp(first);
            firstHttp.create("One");
            firstHttp.create("Two");
            assertThat(firstHttp.post(LINK, link("Relates", "CS-1", "CS-2")).status()).isEqualTo(201);
            linkId = first.issue("CS-1").path("fields").path("issuelinks").get(0).path("id").asText();
        }

        try (JiraSandbox second = SandboxHttp.started(dataDir, Clock.systemUTC(), "CS")) {
            SandboxHttp secondHttp = new SandboxHttp(second);
            JsonNode link = second.issue("CS-2").path("fields").path("issuelinks").get(0);
            assertThat(link.path("id").asText()).isEqualTo(linkId);
            assertThat(link.path("inwardIssue").path("key").asText()).isEqualTo("CS-1");

            assertThat(secondHttp.post(LINK, link("Relates", "CS-1", "CS-2")).status()).isEqualTo(201);
            assertThat(second.issue("CS-1").path("fields").path("issuelinks")).hasSize(1);

            secondHttp.create("Three");
            secondHttp.post(LINK, link("Blocks", "CS-3", "CS-1"));
            String newId = second.issue("CS-3").path("fields").path("issuelinks").get(0).path("id").asText();
            assertThat(Long.parseLong(newId)).isGreaterThan(Long.parseLong(linkId));
        }
    }
}
