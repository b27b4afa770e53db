package org.redress.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.testing.TestDatabase;
import org.redress.testing.TestStack;

/**
 * The channel contract from an integrator's side: routes/examples/folder-channel.camel.yaml, copied into the
 * gateway's routes folder, adds a channel (complaints as JSON files, answers as text files) without any Java.
 */
class FolderChannelTest {
    private static final Path EXAMPLE = Path.of("routes/examples/folder-channel.camel.yaml");

    @TempDir
    Path tempDir;

    @Test
    void copyingTheExampleRouteFileIntoRoutesAndRestartingAddsTheFolderChannel() throws Exception {
        Path routes = Files.createDirectories(tempDir.resolve("routes"));
        try (Stream<Path> shipped = Files.list(Path.of("routes"))) {
            for (Path file : shipped.filter(f -> f.toString().endsWith(".camel.yaml")).toList()) {
                Files.copy(file, routes.resolve(file.getFileName()));
            }
        }
        try (TestStack stack = TestStack.prepare(tempDir, TestDatabase.H2, Map.of())) {
            stack.startGatewayWith(Map.of("redress.routes-dir", routes.toString()));
            Path in = Files.createDirectories(stack.config().dataDir().toAbsolutePath().resolve("channels/folder/in"));
            drop(in, "partner-4471", """
                    {"customer": {"email": "ana.folder@example.org", "name": "Ana Torres"},
                     "subject": "Reembolso pendiente",
                     "text": "Hola, devolví el abrigo hace tres semanas y todavía no he recibido el reembolso de 120 EUR.",
                     "language": "es", "replyChannel": "folder"}
                    """);
            Thread.sleep(3000);
            assertThat(in.resolve("partner-4471.json")).as("no folder channel before the route file is copied").exists();
            stack.stopGateway();

            Files.copy(EXAMPLE, routes.resolve(EXAMPLE.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            stack.startGateway();
            Path out = stack.config().dataDir().toAbsolutePath().resolve("channels/folder/out");
            await().atMost(Duration.ofSeconds(30)).until(() -> replies(out).size() == 1);
            assertThat(in.resolve(".done/partner-4471.json")).exists();
            assertThat(stack.issueKeys()).hasSize(1);
            String key = stack.issueKeys().get(0);
            assertThat(stack.jira("/rest/api/3/issue/" + key).path("fields").path("labels").toString())
                    .contains("channel-folder");
            String reply = Files.readString(replies(out).get(0), StandardCharsets.UTF_8);
            assertThat(reply).startsWith("To: ana.folder@example.org").contains(key).contains("Ana Torres");
            assertThat(stack.mailbox("ana.folder@example.org")).as("answered on its own channel, not by mail").isEmpty();

            drop(in, "partner-4472", "{\"customer\": {\"email\": \"ana.folder@example.org\"}, \"subject\": \"\"}");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(in.resolve(".failed/partner-4472.json")));
            await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(in.resolve(".failed/partner-4472.json.reason.txt")));
            assertThat(Files.readString(in.resolve(".failed/partner-4472.json.reason.txt")))
                    .contains("subject: is required").contains("text: is required");
            assertThat(stack.gateway().register().all()).hasSize(1);
        }
    }

    private static void drop(Path folder, String name, String json) throws Exception {
        Path part = folder.resolve(name + ".json.part");
        Files.writeString(part, json, StandardCharsets.UTF_8);
        Files.move(part, folder.resolve(name + ".json"), StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<Path> replies(Path out) throws Exception {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".txt")
                    && !f.getFileName().toString().startsWith(".")).toList();
        }
    }
}
