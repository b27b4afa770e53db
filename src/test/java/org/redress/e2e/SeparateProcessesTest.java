package org.redress.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.testing.FreePorts;
import org.redress.testing.SharedFiles;
import org.redress.tools.MailDelivery;

/**
 * The run modes as a user runs them: {@code sandbox} and {@code gateway} in two JVMs. Stopping the gateway mid-batch
 * and starting it again, and delivering a file a second time, give no second ticket and no second acknowledgement.
 */
class SeparateProcessesTest {
    private static final List<String> CUSTOMERS = List.of("claire.dubois@example.org", "hugo.martin@example.net",
            "giulia.romano@example.it", "tom.baker@example.co.uk", "juergen.weiss@example.de",
            "lucia.fernandez@example.es", "marco.bianchi@example.it");

    @TempDir
    Path tempDir;

    private final List<Process> processes = new ArrayList<>();
    private final int smtp = FreePorts.next();
    private final int imap = FreePorts.next();
    private final int jira = FreePorts.next();
    private final int crm = FreePorts.next();

    @AfterEach
    void stopProcesses() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void gatewayRestartedAgainstRunningSandboxCreatesNoSecondTicketOrAcknowledgement() throws Exception {
        List<Path> samples = SharedFiles.files("samples", ".eml");
        start("sandbox", "sandbox.log");
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> issueCount() == 0);
        Process gateway = start("gateway", "gateway-1.log");
        for (Path sample : samples) {
            MailDelivery.deliver("127.0.0.1", smtp, Files.readAllBytes(sample), List.of());
        }
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> issueCount() >= 1);
        gateway.destroy();
        assertThat(gateway.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).as("gateway stops on SIGTERM").isTrue();
        int atStop = issueCount();

        start("gateway", "gateway-2.log");
        MailDelivery.deliver("127.0.0.1", smtp, Files.readAllBytes(RedeliveryAndRestartTest.sample("04")), List.of());
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> issueCount() == 9 && acknowledgements() == 9);
        Thread.sleep(2000);
        System.out.printf("separate processes: %d tickets when the gateway was stopped, %d after restart, %d acknowledgements%n",
                atStop, issueCount(), acknowledgements());
        assertThat(issueCount()).isEqualTo(9);
        assertThat(acknowledgements()).isEqualTo(9);
    }

    private Process start(String mode, String log) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Dredress.data-dir=" + tempDir.resolve("data"),
                "-Dredress.http.port=" + FreePorts.next(),
                "-Dredress.sandbox.smtp-port=" + smtp,
                "-Dredress.sandbox.imap-port=" + imap,
                "-Dredress.sandbox.pop3-port=" + FreePorts.next(),
                "-Dredress.sandbox.jira-port=" + jira,
                "-Dredress.sandbox.crm-port=" + crm,
                "-Dredress.crm.url=jdbc:h2:tcp://127.0.0.1:" + crm + "/mem:" + org.redress.sandbox.DemoCrm.DATABASE,
                "-Dredress.jira.url=http://127.0.0.1:" + jira,
                "-Dredress.smtp.port=" + smtp,
                "-Dredress.intake.poll-interval=PT0.3S"));
        for (String inbox : List.of("reclamations", "reclami", "complaints")) {
            command.add("-Dredress.inbox." + inbox + ".port=" + imap);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.redress.Redress", mode));
        // logs outlive the test under target/, where a failed CI run can be read
        Path logs = Files.createDirectories(Path.of("target", "separate-processes"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(log).toFile()).start();
        processes.add(process);
        return process;
    }

    private int issueCount() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + jira
                        + "/rest/api/3/search/jql?jql=project%20%3D%20CS&maxResults=100"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("agent:t".getBytes()))
                .header("Accept", "application/json").build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return new ObjectMapper().readTree(response.body()).path("issues").size();
    }

    private int acknowledgements() throws Exception {
        int total = 0;
        for (String customer : CUSTOMERS) {
            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", imap, customer, "any");
            try {
                Folder inbox = store.getFolder("INBOX");
                total += inbox.exists() ? inbox.getMessageCount() : 0;
            } finally {
                store.close();
            }
        }
        return total;
    }
}
