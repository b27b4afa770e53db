package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.sandbox.jira.SandboxHttp.JSON;
import static org.redress.sandbox.jira.SandboxHttp.doc;

class JiraSandboxPersistenceTest {

    @TempDir
    Path dataDir;

    @Test
    void stateSurvivesRestartWithDataDir() throws Exception {
        byte[] photo = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, (byte) 0xff};
        JsonNode before;
        String attachmentId;
        try (JiraSandbox first = SandboxHttp.started(dataDir, Clock.systemUTC(), "CS")) {
            SandboxHttp http = new SandboxHttp(first);
            http.create("Kept across restarts");
            http.create("Second");
            ObjectNode comment = JSON.createObjectNode();
            comment.set("body", doc("Internal"));
            comment.putObject("visibility").put("type", "role").put("value", "Agents");
            http.post("/rest/api/3/issue/CS-1/comment", comment);
            http.put("/rest/api/3/issue/CS-1/properties/redress.complaint", JSON.createObjectNode().put("email", "a@b.c"));
            ObjectNode resolve = JSON.createObjectNode();
            resolve.putObject("transition").put("id", "41");
            http.post("/rest/api/3/issue/CS-2/transitions", resolve);
            SandboxHttp.Multipart multipart = new SandboxHttp.Multipart();
            attachmentId = http.upload("CS-1", multipart.file("photo.png", "image/png", photo).build(), multipart.boundary, true)
                    .json().get(0).path("id").asText();
            before = first.issue("CS-1");
        }

        try (JiraSandbox second = SandboxHttp.started(dataDir, Clock.systemUTC(), "CS")) {
            SandboxHttp http = new SandboxHttp(second);
            JsonNode after = second.issue("CS-1");
            // self links carry the new port; everything else must be identical
            assertThat(after.toString().replace(second.baseUrl(), "BASE"))
                    .isEqualTo(before.toString().replaceAll("http://127\\.0\\.0\\.1:\\d+", "BASE"));
            assertThat(second.issueKeys()).containsExactly("CS-1", "CS-2");
            assertThat(second.attachmentContent(attachmentId)).isEqualTo(photo);
            assertThat(http.get("/rest/api/3/issue/CS-1/properties/redress.complaint").json().path("value").path("email").asText())
                    .isEqualTo("a@b.c");
            assertThat(http.searchKeys("statusCategory = Done")).containsExactly("CS-2");
            assertThat(http.searchKeys("issue.property[redress.complaint].email = \"A@B.C\"")).containsExactly("CS-1");
            assertThat(http.create("After restart")).isEqualTo("CS-3");
            String newId = second.issue("CS-3").path("id").asText();
            assertThat(Long.parseLong(newId)).isGreaterThan(Long.parseLong(before.path("id").asText()));
        }
    }

    @Test
    void stateIsWrittenAsJsonWithAttachmentFilesAndNoTemporaryFilesLeft() throws Exception {
        try (JiraSandbox sandbox = SandboxHttp.started(dataDir, Clock.systemUTC(), "CS")) {
            SandboxHttp http = new SandboxHttp(sandbox);
            http.create("Written");
            SandboxHttp.Multipart multipart = new SandboxHttp.Multipart();
            http.upload("CS-1", multipart.file("a.txt", "text/plain", "abc".getBytes()).build(), multipart.boundary, true);
        }
        JsonNode state = JSON.readTree(dataDir.resolve("state.json").toFile());
        assertThat(state.path("issues").get(0).path("key").asText()).isEqualTo("CS-1");
        try (Stream<Path> files = Files.walk(dataDir)) {
            List<String> names = files.filter(Files::isRegularFile).map(p -> dataDir.relativize(p).toString()).sorted().toList();
            assertThat(names).hasSize(2).contains("state.json").noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void inMemorySandboxWritesNothingAndTwoSandboxesDoNotShareState() throws Exception {
        try (JiraSandbox a = SandboxHttp.started("CS"); JiraSandbox b = SandboxHttp.started("CS")) {
            assertThat(a.port()).isNotEqualTo(b.port());
            new SandboxHttp(a).create("Only in A");

            assertThat(a.issueKeys()).containsExactly("CS-1");
            assertThat(b.issueKeys()).isEmpty();
            assertThat(new SandboxHttp(b).get("/rest/api/3/issue/CS-1").status()).isEqualTo(404);
            assertThat(new SandboxHttp(b).create("Only in B")).isEqualTo("CS-1");
        }
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void apiMisuseFailsLoudly() throws Exception {
        try (JiraSandbox sandbox = new JiraSandbox("127.0.0.1", 0, null, List.of("CS"))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(sandbox::port).isInstanceOf(IllegalStateException.class);
            sandbox.start();
            org.assertj.core.api.Assertions.assertThatThrownBy(sandbox::start).isInstanceOf(IllegalStateException.class);
            assertThat(sandbox.baseUrl()).isEqualTo("http://127.0.0.1:" + sandbox.port());
            assertThat(sandbox.issue("CS-1")).isNull();
            assertThat(sandbox.attachmentContent("10000")).isNull();
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new JiraSandbox("127.0.0.1", 0, null, List.of("cs")))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new JiraSandbox("127.0.0.1", 0, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
