package org.redress.config;

import java.time.Duration;

/**
 * Where the work after intake goes (docs/DEPLOYMENT.md). In-process, the node that takes a mail in handles it; with
 * RabbitMQ, every node takes complaints from one durable queue, so that a busy inbox is handled by all of them.
 *
 * @param queue        in-process (the default) or rabbitmq
 * @param addresses    the broker's host:port list
 * @param virtualHost  the broker's virtual host
 * @param queueName    the work queue; its waiting and retry queues are named after it
 * @param concurrency  complaints this node handles from the queue at once
 * @param retryAfter   how long a complaint whose handling failed for a reason that may pass (Jira away) waits
 * @param orderWait    how long a complaint waits while an earlier one of the same conversation is being handled
 */
public record WorkConfig(Queue queue, String addresses, String username, String password, String virtualHost,
                         String queueName, int concurrency, Duration retryAfter, Duration orderWait) {

    public enum Queue { IN_PROCESS, RABBITMQ }

    /** True when the nodes share their work through the broker. */
    public boolean shared() {
        return queue == Queue.RABBITMQ;
    }
}
