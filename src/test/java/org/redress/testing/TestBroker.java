package org.redress.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * The machine's RabbitMQ (127.0.0.1:5672, guest/guest unless REDRESS_TEST_RABBITMQ says host:port) with a work queue
 * of the test's own: closing it deletes the test's queues. Tests skip with a message where no broker answers; CI
 * requires one.
 */
public final class TestBroker implements AutoCloseable {
    public static final String ADDRESS = System.getenv().getOrDefault("REDRESS_TEST_RABBITMQ", "127.0.0.1:5672");
    private final String queue = "redress.test." + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private TestBroker() {
    }

    /** A queue name of this test's own, on a broker that answers (or the test is skipped, or fails under CI). */
    public static TestBroker create() {
        requireRabbitMq();
        return new TestBroker();
    }

    /** The redress.work.* settings that put a gateway on this test's queue. */
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("redress.work.queue", "rabbitmq");
        settings.put("redress.work.rabbitmq.addresses", ADDRESS);
        settings.put("redress.work.rabbitmq.queue", queue);
        return settings;
    }

    public String queue() {
        return queue;
    }

    /** How many items wait on the test's work queue now. */
    public int waiting() {
        CachingConnectionFactory connections = connections();
        try {
            var info = new RabbitAdmin(connections).getQueueInfo(queue);
            return info == null ? 0 : info.getMessageCount();
        } finally {
            connections.destroy();
        }
    }

    @Override
    public void close() {
        CachingConnectionFactory connections = connections();
        try {
            RabbitAdmin admin = new RabbitAdmin(connections);
            for (String name : List.of(queue, queue + ".retry", queue + ".wait")) {
                admin.deleteQueue(name);
            }
        } catch (RuntimeException e) {
            // queues left behind are untidy, not wrong: their names are the test's own
        } finally {
            connections.destroy();
        }
    }

    private static CachingConnectionFactory connections() {
        CachingConnectionFactory connections = new CachingConnectionFactory();
        connections.setAddresses(ADDRESS);
        connections.setUsername("guest");
        connections.setPassword("guest");
        return connections;
    }

    public static void requireRabbitMq() {
        String[] hostPort = ADDRESS.split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 2000);
        } catch (IOException e) {
            String message = "RabbitMQ not reachable at " + ADDRESS + ": " + e.getMessage();
            if (System.getenv("CI") != null) {
                throw new AssertionError(message + " (CI requires RabbitMQ)");
            }
            Assumptions.abort(message + " - skipping the shared work queue test");
        }
    }
}
