package org.redress.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.testing.CustomerMail;
import org.redress.testing.FreePorts;
import org.redress.testing.SeparateProcesses;
import org.redress.testing.TestBroker;
import org.redress.testing.TestDatabase;
import org.redress.tools.MailDelivery;

/**
 * Three gateway processes on one inbox set, one ZooKeeper (a real one, in this JVM), one PostgreSQL and the machine's
 * RabbitMQ: each inbox is polled by exactly one node, the complaints it takes in are handled by all three from the
 * shared work queue, and when the polling node is killed (SIGKILL) mid-run another takes its inboxes over; every
 * complaint still gets exactly one ticket and one acknowledgement.
 */
class ClusterFailoverTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NODES = 3;
    private static final int COMPLAINTS = Integer.getInteger("redress.test.cluster-complaints", 40);
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tempDir;

    @Test
    void killingTheNodeThatPollsAnInboxMovesPollingToAnotherAndEveryComplaintIsHandledOnce() throws Exception {
        try (TestDatabase.Provisioned database = TestDatabase.POSTGRESQL.create(tempDir);
             TestBroker broker = TestBroker.create();
             TestingServer zookeeper = new TestingServer(true)) {
            Map<String, String> shared = new LinkedHashMap<>(database.settings());
            shared.putAll(broker.settings());
            shared.put("redress.cluster.service", "zookeeper");
            shared.put("redress.cluster.zookeeper.nodes", zookeeper.getConnectString());
            shared.put("redress.cluster.zookeeper.session-timeout", "PT6S");
            shared.put("redress.conversation.poll-interval", "PT0S");
            try (SeparateProcesses run = new SeparateProcesses(tempDir.resolve("data"), shared)) {
                run.start("sandbox", "cluster-sandbox.log");
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> run.issueCount() == 0);
                List<Integer> ports = new ArrayList<>();
                List<Process> nodes = new ArrayList<>();
                for (int i = 1; i <= NODES; i++) {
                    int port = i == 1 ? run.gatewayHttpPort() : FreePorts.next();
                    ports.add(port);
                    nodes.add(run.start("gateway", "cluster-node-" + i + ".log", List.of("-Xmx400m"), Map.of(
                            "redress.http.port", String.valueOf(port), "redress.cluster.node-id", "node-" + i,
                            "redress.data-dir", tempDir.resolve("node-" + i).toString())));
                }
                await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                        .until(() -> pollers(ports, "complaints").size() == 1 && pollers(ports, "reclamations").size() == 1);

                int poller = pollers(ports, "complaints").get(0);
                List<String> customers = new ArrayList<>();
                for (int i = 0; i < COMPLAINTS; i++) {
                    customers.add("cluster" + i + "@example.org");
                }
                // the customers write at a steady pace while, half-way, the node polling complaints@ dies
                java.util.concurrent.CountDownLatch halfWay = new java.util.concurrent.CountDownLatch(1);
                java.util.concurrent.CompletableFuture<Void> delivery = java.util.concurrent.CompletableFuture.runAsync(() -> {
                    try {
                        for (int i = 0; i < COMPLAINTS; i++) {
                            MailDelivery.deliver("127.0.0.1", run.smtpPort(), CustomerMail.mail(customers.get(i),
                                    "complaints@lumiere.example", "Order " + (4000 + i) + " arrived damaged", "Hello, "
                                            + "parcel " + (4000 + i) + " arrived with the box crushed and the lamp inside "
                                            + "broken. Please send a new one.", null), List.of());
                            if (i == COMPLAINTS / 2) {
                                halfWay.countDown();
                            }
                            Thread.sleep(20);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                halfWay.await();
                // without a chance to say so: SIGKILL
                nodes.get(ports.indexOf(poller)).destroyForcibly();
                Instant killed = Instant.now();
                List<Integer> alive = new ArrayList<>(ports);
                alive.remove(Integer.valueOf(poller));
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> pollers(alive, "complaints").size() == 1);
                Duration failover = Duration.between(killed, Instant.now());
                int successor = pollers(alive, "complaints").get(0);
                delivery.get();

                await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> run.issueCount() >= COMPLAINTS
                        && acknowledged(run, customers) >= COMPLAINTS);
                Thread.sleep(3000);
                int issues = run.issueCount();
                Map<String, Integer> acknowledgements = new LinkedHashMap<>();
                for (String customer : customers) {
                    acknowledgements.put(customer, run.messageIds(customer).size());
                }
                long distinct = customers.stream().mapToLong(c -> {
                    try {
                        return run.messageIds(c).stream().distinct().count();
                    } catch (Exception e) {
                        return -1;
                    }
                }).sum();
                List<Integer> ticketsByNode = new ArrayList<>();
                for (int i = 1; i <= NODES; i++) {
                    ticketsByNode.add(ticketsOpened(Path.of("target", "separate-processes", "cluster-node-" + i + ".log")));
                }
                String report = "cluster failover: " + NODES + " nodes, " + COMPLAINTS + " complaints, node on port "
                        + poller + " killed after about " + (COMPLAINTS / 2 + 1) + "; complaints@ polled again by the node on "
                        + "port " + successor + " within " + failover.toMillis() + " ms of the kill (measured to the "
                        + "first health check showing it); " + issues + " issues, " + distinct
                        + " distinct acknowledgements (" + acknowledgements.values().stream().mapToInt(Integer::intValue).sum()
                        + " mails); tickets opened by node 1, 2, 3 (from the shared work queue): " + ticketsByNode;
                System.out.println(report);
                Files.writeString(Path.of("target", "cluster-failover.txt"), report + "\n", StandardCharsets.UTF_8);
                assertThat(failover).as("failover").isLessThan(Duration.ofSeconds(15));
                assertThat(issues).as("one issue per complaint").isEqualTo(COMPLAINTS);
                assertThat(distinct).as("one acknowledgement per complaint").isEqualTo(COMPLAINTS);
                assertThat(ticketsByNode.stream().filter(n -> n > 0).count()).as("nodes that handled complaints from "
                        + "the shared queue").isGreaterThanOrEqualTo(2);
            }
        }
    }

    /** How many tickets a node's log says it opened. */
    private static int ticketsOpened(Path log) throws java.io.IOException {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return (int) lines.filter(line -> line.contains("opened, acknowledgement queued")).count();
        }
    }

    /** The nodes (by HTTP port) whose health says they poll the inbox now. */
    private List<Integer> pollers(List<Integer> ports, String inbox) {
        List<Integer> polling = new ArrayList<>();
        for (int port : ports) {
            health(port).filter(h -> "UP".equals(h.path("checks").path("inbox." + inbox).path("status").asText()))
                    .ifPresent(h -> polling.add(port));
        }
        return polling;
    }

    private Optional<JsonNode> health(int port) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/q/health")).timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return Optional.of(JSON.readTree(response.body()));
        } catch (Exception unreachable) {
            return Optional.empty();
        }
    }

    private static int acknowledged(SeparateProcesses run, List<String> customers) throws Exception {
        int count = 0;
        for (String customer : customers) {
            count += run.messageIds(customer).isEmpty() ? 0 : 1;
        }
        return count;
    }
}
