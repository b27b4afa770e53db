package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.testing.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.sandbox.jira.SandboxHttp.JSON;
import static org.redress.sandbox.jira.SandboxHttp.doc;

class JiraSandboxCommentTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T09:12:00Z"));
    private JiraSandbox sandbox;
    private SandboxHttp http;

    @BeforeEach
    void start() {
        sandbox = SandboxHttp.started(null, clock, "CS");
        http = new SandboxHttp(sandbox);
        http.create("Broken vase");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static ObjectNode comment(String text) {
        ObjectNode body = JSON.createObjectNode();
        body.set("body", doc(text));
        return body;
    }

    @Test
    void publicCommentIsReturnedWithAuthorAndJsdPublic() {
        clock.advance(java.time.Duration.ofMinutes(3));
        SandboxHttp.Response response = http.post("/rest/api/3/issue/CS-1/comment", comment("We are sorry."));

        assertThat(response.status()).isEqualTo(201);
        JsonNode created = response.json();
        assertThat(created.path("id").asText()).matches("\\d+");
        assertThat(created.path("self").asText()).startsWith(sandbox.baseUrl() + "/rest/api/3/issue/");
        assertThat(created.path("author").path("accountId").asText()).isNotBlank();
        assertThat(created.path("author").path("displayName").asText()).contains("agent@example.com");
        assertThat(created.path("body")).isEqualTo(doc("We are sorry."));
        assertThat(created.path("created").asText()).isEqualTo("2026-11-23T09:15:00.000+0000");
        assertThat(created.path("jsdPublic").asBoolean()).isTrue();
        assertThat(created.has("visibility")).isFalse();
        assertThat(sandbox.issue("CS-1").path("fields").path("updated").asText()).isEqualTo("2026-11-23T09:15:00.000+0000");
    }

    @Test
    void commentWithRoleVisibilityIsInternal() {
        ObjectNode body = comment("Customer sounds like a lawyer; escalate.");
        body.putObject("visibility").put("type", "role").put("value", "Service Desk Team");

        JsonNode created = http.post("/rest/api/3/issue/CS-1/comment", body).json();

        assertThat(created.path("visibility").path("type").asText()).isEqualTo("role");
        assertThat(created.path("visibility").path("value").asText()).isEqualTo("Service Desk Team");
        assertThat(created.path("jsdPublic").asBoolean()).isFalse();
        JsonNode listed = http.get("/rest/api/3/issue/CS-1/comment").json().path("comments").get(0);
        assertThat(listed.path("jsdPublic").asBoolean()).isFalse();
    }

    @Test
    void commentRestrictedToGroupByIdentifierKeepsItsVisibility() {
        ObjectNode body = comment("Refund approved internally.");
        body.putObject("visibility").put("type", "group")
                .put("identifier", "276f955c-63d7-42c8-9520-92d01dca0625").put("value", "jira-servicedesk-users");

        SandboxHttp.Response response = http.post("/rest/api/3/issue/CS-1/comment", body);

        assertThat(response.status()).isEqualTo(201);
        JsonNode listed = http.get("/rest/api/3/issue/CS-1/comment").json().path("comments").get(0);
        assertThat(listed.path("visibility")).isEqualTo(body.path("visibility"));
        assertThat(listed.path("jsdPublic").asBoolean()).isFalse();
    }

    @Test
    void commentRestrictedToGroupByIdentifierAloneIsAccepted() {
        ObjectNode body = comment("x");
        body.putObject("visibility").put("type", "group").put("identifier", "276f955c-63d7-42c8-9520-92d01dca0625");

        assertThat(http.post("/rest/api/3/issue/CS-1/comment", body).json().path("visibility").path("identifier").asText())
                .isEqualTo("276f955c-63d7-42c8-9520-92d01dca0625");
    }

    @Test
    void commentMarkedInternalByServiceDeskPropertyIsInternal() {
        ObjectNode body = comment("Internal note");
        body.putArray("properties").addObject().put("key", "sd.public.comment").putObject("value").put("internal", true);

        assertThat(http.post("/rest/api/3/issue/CS-1/comment", body).json().path("jsdPublic").asBoolean()).isFalse();
    }

    @Test
    void visibilityOfUnknownTypeIsRejected() {
        ObjectNode body = comment("x");
        body.putObject("visibility").put("type", "user").put("value", "bob");

        SandboxHttp.Response response = http.post("/rest/api/3/issue/CS-1/comment", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").has("commentLevel")).isTrue();
    }

    @Test
    void commentWithoutBodyOrWithPlainTextBodyIsRejected() {
        SandboxHttp.Response empty = http.post("/rest/api/3/issue/CS-1/comment", JSON.createObjectNode());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("errors").path("comment").asText()).isEqualTo("Comment body can not be empty!");

        ObjectNode plain = JSON.createObjectNode().put("body", "plain");
        assertThat(http.post("/rest/api/3/issue/CS-1/comment", plain).json().path("errors").path("comment").asText())
                .isEqualTo("Operation value must be an Atlassian Document (see the Atlassian Document Format)");
    }

    @Test
    void commentLongerThan32767SerializedCharactersIsRejected() {
        int room = 32_767 - doc("").toString().length();
        assertThat(http.post("/rest/api/3/issue/CS-1/comment", comment("b".repeat(room))).status()).isEqualTo(201);

        SandboxHttp.Response response = http.post("/rest/api/3/issue/CS-1/comment", comment("b".repeat(room + 1)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").path("comment").asText())
                .isEqualTo("The entered text is too long. It exceeds the allowed limit of 32,767 characters.");
    }

    @Test
    void commentsArePagedAndCanBeListedNewestFirst() {
        for (int i = 1; i <= 3; i++) {
            clock.advance(java.time.Duration.ofMinutes(1));
            http.post("/rest/api/3/issue/CS-1/comment", comment("c" + i));
        }

        JsonNode page = http.get("/rest/api/3/issue/CS-1/comment?startAt=1&maxResults=1").json();
        assertThat(page.path("total").asInt()).isEqualTo(3);
        assertThat(page.path("startAt").asInt()).isEqualTo(1);
        assertThat(page.path("maxResults").asInt()).isEqualTo(1);
        assertThat(page.path("comments").get(0).path("body")).isEqualTo(doc("c2"));

        JsonNode newest = http.get("/rest/api/3/issue/CS-1/comment?orderBy=-created").json();
        assertThat(newest.path("comments").get(0).path("body")).isEqualTo(doc("c3"));
        assertThat(sandbox.issue("CS-1").path("fields").path("comment").path("total").asInt()).isEqualTo(3);
    }

    @Test
    void commentOnMissingIssueIs404() {
        assertThat(http.post("/rest/api/3/issue/CS-9/comment", comment("x")).status()).isEqualTo(404);
        assertThat(http.get("/rest/api/3/issue/CS-9/comment").status()).isEqualTo(404);
    }
}
