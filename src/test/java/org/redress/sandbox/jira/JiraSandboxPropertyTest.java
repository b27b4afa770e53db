package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.testing.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.sandbox.jira.SandboxHttp.JSON;

class JiraSandboxPropertyTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T09:12:00Z"));
    private JiraSandbox sandbox;
    private SandboxHttp http;

    @BeforeEach
    void start() {
        sandbox = SandboxHttp.started(null, clock, "CS");
        http = new SandboxHttp(sandbox);
        http.create("Properties");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void propertyIsCreatedWith201ThenUpdatedWith200() {
        String path = "/rest/api/3/issue/CS-1/properties/redress.state";
        assertThat(http.put(path, JSON.createObjectNode().put("step", "acknowledged")).status()).isEqualTo(201);
        clock.advance(Duration.ofMinutes(1));
        assertThat(http.put(path, JSON.createObjectNode().put("step", "closed")).status()).isEqualTo(200);

        JsonNode property = http.get(path).json();
        assertThat(property.path("key").asText()).isEqualTo("redress.state");
        assertThat(property.path("value").path("step").asText()).isEqualTo("closed");
        assertThat(sandbox.issue("CS-1").path("fields").path("updated").asText()).isEqualTo("2026-11-23T09:13:00.000+0000");
    }

    @Test
    void propertyKeysAreListedAndDeletedPropertiesAreGone() {
        http.put("/rest/api/3/issue/CS-1/properties/a", "1");
        http.put("/rest/api/3/issue/CS-1/properties/b", "\"text\"");

        JsonNode keys = http.get("/rest/api/3/issue/CS-1/properties").json().path("keys");
        assertThat(keys).extracting(k -> k.path("key").asText()).containsExactly("a", "b");
        assertThat(keys.get(0).path("self").asText()).endsWith("/properties/a");

        assertThat(http.delete("/rest/api/3/issue/CS-1/properties/a").status()).isEqualTo(204);
        assertThat(http.get("/rest/api/3/issue/CS-1/properties/a").status()).isEqualTo(404);
        assertThat(http.delete("/rest/api/3/issue/CS-1/properties/a").status()).isEqualTo(404);
        assertThat(http.get("/rest/api/3/issue/CS-1/properties/b").json().path("value").asText()).isEqualTo("text");
    }

    @Test
    void propertyValueOver32KiBIsRejected() {
        String fits = "\"" + "v".repeat(32_766) + "\"";
        assertThat(http.put("/rest/api/3/issue/CS-1/properties/big", fits).status()).isEqualTo(201);

        SandboxHttp.Response tooBig = http.put("/rest/api/3/issue/CS-1/properties/big", "\"" + "v".repeat(32_767) + "\"");

        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().path("errorMessages").get(0).asText()).contains("32768");
    }

    @Test
    void propertiesOfMissingIssueAre404() {
        assertThat(http.put("/rest/api/3/issue/CS-5/properties/x", "1").status()).isEqualTo(404);
        assertThat(http.get("/rest/api/3/issue/CS-5/properties").status()).isEqualTo(404);
    }
}
