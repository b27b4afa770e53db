package org.redress.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.testing.SeparateProcesses;
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

    @Test
    void gatewayRestartedAgainstRunningSandboxCreatesNoSecondTicketOrAcknowledgement() throws Exception {
        List<Path> samples = SharedFiles.files("samples", ".eml");
        try (SeparateProcesses run = new SeparateProcesses(tempDir.resolve("data"), Map.of())) {
            run.start("sandbox", "sandbox.log");
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> run.issueCount() == 0);
            Process gateway = run.start("gateway", "gateway-1.log");
            for (Path sample : samples) {
                MailDelivery.deliver("127.0.0.1", run.smtpPort(), Files.readAllBytes(sample), List.of());
            }
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> run.issueCount() >= 1);
            gateway.destroy();
            assertThat(gateway.waitFor(30, TimeUnit.SECONDS)).as("gateway stops on SIGTERM").isTrue();
            int atStop = run.issueCount();

            run.start("gateway", "gateway-2.log");
            MailDelivery.deliver("127.0.0.1", run.smtpPort(), Files.readAllBytes(RedeliveryAndRestartTest.sample("04")),
                    List.of());
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                    .until(() -> run.issueCount() == 9 && acknowledgements(run) == 9);
            Thread.sleep(2000);
            System.out.printf("separate processes: %d tickets when the gateway was stopped, %d after restart, "
                    + "%d acknowledgements%n", atStop, run.issueCount(), acknowledgements(run));
            assertThat(run.issueCount()).isEqualTo(9);
            assertThat(acknowledgements(run)).isEqualTo(9);
        }
    }

    private static int acknowledgements(SeparateProcesses run) throws Exception {
        int total = 0;
        for (String customer : CUSTOMERS) {
            total += run.messageIds(customer).size();
        }
        return total;
    }
}
