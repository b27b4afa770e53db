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

class JiraSandboxWorkflowTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T09:12:00Z"));
    private JiraSandbox sandbox;
    private SandboxHttp http;

    @BeforeEach
    void start() {
        sandbox = SandboxHttp.started(null, clock, "CS");
        http = new SandboxHttp(sandbox);
        http.create("Workflow");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private SandboxHttp.Response transition(String id, String resolution) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("transition").put("id", id);
        if (resolution != null) {
            body.putObject("fields").putObject("resolution").put("name", resolution);
        }
        return http.post("/rest/api/3/issue/CS-1/transitions", body);
    }

    private JsonNode fields() {
        return sandbox.issue("CS-1").path("fields");
    }

    @Test
    void newIssueOffersStartWaitAndResolve() {
        JsonNode transitions = http.get("/rest/api/3/issue/CS-1/transitions").json().path("transitions");

        assertThat(transitions).extracting(t -> t.path("id").asText()).containsExactly("21", "31", "41");
        JsonNode start = transitions.get(0);
        assertThat(start.path("name").asText()).isEqualTo("Start progress");
        assertThat(start.path("to").path("name").asText()).isEqualTo("In Progress");
        assertThat(start.path("to").path("statusCategory").path("key").asText()).isEqualTo("indeterminate");
        assertThat(start.path("isAvailable").asBoolean()).isTrue();
    }

    @Test
    void startProgressThenWaitThenResolveThenReopen() {
        clock.advance(Duration.ofMinutes(1));
        assertThat(transition("21", null).status()).isEqualTo(204);
        assertThat(fields().path("status").path("name").asText()).isEqualTo("In Progress");
        assertThat(fields().path("updated").asText()).isEqualTo("2026-11-23T09:13:00.000+0000");

        assertThat(transition("31", null).status()).isEqualTo(204);
        assertThat(fields().path("status").path("name").asText()).isEqualTo("Waiting for customer");

        clock.advance(Duration.ofMinutes(1));
        assertThat(transition("41", "Won't Do").status()).isEqualTo(204);
        assertThat(fields().path("status").path("statusCategory").path("key").asText()).isEqualTo("done");
        assertThat(fields().path("resolution").path("name").asText()).isEqualTo("Won't Do");
        assertThat(fields().path("resolutiondate").asText()).isEqualTo("2026-11-23T09:14:00.000+0000");

        assertThat(transition("51", null).status()).isEqualTo(204);
        assertThat(fields().path("status").path("name").asText()).isEqualTo("To Do");
        assertThat(fields().path("resolution").isNull()).isTrue();
        assertThat(fields().path("resolutiondate").isNull()).isTrue();
    }

    @Test
    void resolveWithoutResolutionUsesDone() {
        transition("41", null);
        assertThat(fields().path("resolution").path("name").asText()).isEqualTo("Done");
        assertThat(http.get("/rest/api/3/issue/CS-1/transitions").json().path("transitions"))
                .extracting(t -> t.path("id").asText()).containsExactly("31", "51");
    }

    @Test
    void transitionNotAvailableFromCurrentStatusIsRejected() {
        SandboxHttp.Response reopen = transition("51", null);

        assertThat(reopen.status()).isEqualTo(400);
        assertThat(reopen.json().path("errorMessages").get(0).asText()).isEqualTo("Transition id '51' is not valid for this issue.");
        assertThat(transition("999", null).status()).isEqualTo(400);
        assertThat(fields().path("status").path("name").asText()).isEqualTo("To Do");
    }

    @Test
    void unknownResolutionOrFieldsOnOtherTransitionsAreRejected() {
        assertThat(transition("41", "Fixed by magic").json().path("errors").has("resolution")).isTrue();
        assertThat(transition("21", "Done").json().path("errors").path("resolution").asText()).contains("cannot be set");
        assertThat(http.post("/rest/api/3/issue/CS-1/transitions", JSON.createObjectNode()).json().path("errorMessages").get(0).asText())
                .isEqualTo("Missing 'transition' identifier");
    }
}
