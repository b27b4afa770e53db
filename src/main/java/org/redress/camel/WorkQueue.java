package org.redress.camel;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.redress.config.ConfigException;
import org.redress.config.WorkConfig;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * The shared work queue on RabbitMQ (redress.work.queue=rabbitmq) and the two queues beside it, declared at start-up
 * (durable; messages persistent, publishes confirmed):
 * <ul>
 *   <li>{@code <queue>}: complaints taken in by any node, consumed by all. A rejected item (its handling failed) is
 *   dead-lettered to the retry queue;</li>
 *   <li>{@code <queue>.retry}: holds it redress.work.retry-after, then gives it back to {@code <queue>};</li>
 *   <li>{@code <queue>.wait}: the same for redress.work.order-wait, for an item whose conversation is busy.</li>
 * </ul>
 * Delays are the broker's (message TTL and dead-lettering), so an item waiting for Jira to come back sits in RabbitMQ,
 * not in a node's memory, and survives that node.
 */
public final class WorkQueue implements AutoCloseable {
    private final WorkConfig config;
    private final CachingConnectionFactory connections;
    private final ExecutorService consumerThreads;

    public WorkQueue(WorkConfig config) {
        this.config = config;
        // given a client factory, Spring does not look up this host's name at start-up (the in-process default never
        // connects at all)
        com.rabbitmq.client.ConnectionFactory client = new com.rabbitmq.client.ConnectionFactory();
        // Spring's own recovery reconnects; the client's would run beside it
        client.setAutomaticRecoveryEnabled(false);
        connections = new CachingConnectionFactory(client);
        // RabbitMQ's client runs consumers on a pool of 2 threads per core unless given one: that, not
        // redress.work.concurrency, would bound how many complaints a node handles at once (measured: 2 at a time)
        AtomicInteger threads = new AtomicInteger();
        consumerThreads = Executors.newFixedThreadPool(config.concurrency() + 2, task -> {
            Thread thread = new Thread(task, "work-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        connections.setExecutor(consumerThreads);
        connections.setAddresses(config.addresses());
        connections.setUsername(config.username());
        connections.setPassword(config.password());
        connections.setVirtualHost(config.virtualHost());
        // the hand-over waits for the broker's confirm: a mail is marked handled only once RabbitMQ holds its item
        connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
        connections.setConnectionNameStrategy(factory -> "redress");
        connections.setChannelCacheSize(Math.max(25, config.concurrency() * 2));
    }

    /** What the routes' spring-rabbitmq endpoints connect with ({@code #rabbitConnection}). */
    public CachingConnectionFactory connections() {
        return connections;
    }

    /**
     * Declares the queues: quorum queues, replicated over the brokers of a RabbitMQ cluster. A broker that cannot be
     * reached, or holds them with other settings, stops start-up.
     */
    public void declare() {
        RabbitAdmin admin = new RabbitAdmin(connections);
        String work = config.queueName();
        try {
            admin.declareQueue(new Queue(work, true, false, false, Map.of("x-queue-type", "quorum",
                    "x-dead-letter-exchange", "", "x-dead-letter-routing-key", work + ".retry")));
            admin.declareQueue(new Queue(work + ".retry", true, false, false, Map.of("x-queue-type", "quorum",
                    "x-message-ttl", config.retryAfter().toMillis(),
                    "x-dead-letter-exchange", "", "x-dead-letter-routing-key", work)));
            admin.declareQueue(new Queue(work + ".wait", true, false, false, Map.of("x-queue-type", "quorum",
                    "x-message-ttl", config.orderWait().toMillis(),
                    "x-dead-letter-exchange", "", "x-dead-letter-routing-key", work)));
        } catch (RuntimeException e) {
            throw new ConfigException("redress.work.rabbitmq.addresses", "the work queues '" + work + "' cannot be "
                    + "declared on RabbitMQ at " + config.addresses() + ": " + rootMessage(e) + " (every node must "
                    + "declare them alike: the same redress.work.retry-after and order-wait everywhere; to change "
                    + "those, let the queues drain, stop the nodes, delete the queues, then start the nodes)");
        }
    }

    /**
     * The work queue's messages carry no header of the exchange that sent them (an HTTP request's cookies and
     * addresses, a mail's handling flags): only the item in the body, and what the broker adds ({@code x-death}).
     */
    public static org.apache.camel.spi.HeaderFilterStrategy headerFilter() {
        org.apache.camel.support.DefaultHeaderFilterStrategy filter = new org.apache.camel.support.DefaultHeaderFilterStrategy();
        filter.setOutFilterPattern(".*");
        filter.setInFilterStartsWith("Camel", "camel");
        return filter;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    @Override
    public void close() {
        connections.destroy();
        consumerThreads.shutdown();
    }
}
