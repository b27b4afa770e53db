package org.redress.camel;

import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.redress.config.ClusterConfig;

/**
 * Which routes run on one node at a time when several nodes share the work (redress.cluster.service): every inbox,
 * each in an election of its own so that inboxes spread over the nodes, and the timers that must not run twice (the
 * outbox sender, the Jira poller, the reminder sweep and the ticket events it queues, quarantine alerts, the retry of
 * interrupted channel complaints). Only routes that consume from outside are elected: a {@code direct:} step such as
 * {@code track-waiting} runs wherever its caller runs. The rest runs on every node: the pipeline steps, the web form,
 * the API and the webhook. The election is Camel's (ClusteredRoutePolicy on the configured cluster service).
 */
final class ClusterSingletons implements RoutePolicyFactory {
    static final Set<String> BACKGROUND_TASKS = Set.of("send-outbox", "jira-poll", "follow-up-sweep",
            "apply-ticket-events", "quarantine-alerts", "retry-submissions", "requeue-work");
    /** The election namespaces' prefix: {@code redress-inbox-complaints}, {@code redress-send-outbox}. */
    static final String NAMESPACE_PREFIX = "redress-";

    private final CamelClusterService service;
    private final Set<String> extra;

    ClusterSingletons(CamelClusterService service, ClusterConfig config) {
        this.service = service;
        this.extra = Set.copyOf(config.extraSingletons());
    }

    static boolean singleton(String routeId, Set<String> extra) {
        return routeId.startsWith("inbox-") || BACKGROUND_TASKS.contains(routeId) || extra.contains(routeId);
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        if (!singleton(routeId, extra) || calledFromInside(route)) {
            return null;
        }
        try {
            ClusteredRoutePolicy policy = ClusteredRoutePolicy.forNamespace(service, NAMESPACE_PREFIX + routeId);
            policy.setCamelContext(camelContext);
            policy.setInitialDelay(java.time.Duration.ZERO);
            return policy;
        } catch (Exception e) {
            throw new IllegalStateException("no cluster election for route " + routeId + ": " + e.getMessage(), e);
        }
    }

    /** A route that only other routes call ({@code direct:}, {@code seda:}) runs where they run: never elected. */
    private static boolean calledFromInside(NamedNode route) {
        if (route instanceof org.apache.camel.model.RouteDefinition definition && definition.getInput() != null) {
            String uri = definition.getInput().getEndpointUri();
            return uri != null && (uri.startsWith("direct:") || uri.startsWith("seda:"));
        }
        return false;
    }

    /**
     * Whether another node holds the route's election now: then this node not running it is STANDBY, not DOWN. With
     * no leader anywhere (the engine unreachable, every node's route failing) nobody polls, and health must say so.
     */
    static boolean leaderElsewhere(CamelContext camel, String routeId) {
        CamelClusterService service = camel.hasService(CamelClusterService.class);
        if (service == null) {
            return false;
        }
        try {
            return service.getView(NAMESPACE_PREFIX + routeId).getLeader().map(leader -> !leader.isLocal()).orElse(false);
        } catch (Exception e) {
            return false;
        }
    }

    /** The configured cluster service, not started yet: Camel starts it with the context. */
    static CamelClusterService service(ClusterConfig config) {
        return switch (config.service()) {
            case ZOOKEEPER -> {
                var zookeeper = new org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService();
                zookeeper.setId(config.nodeId());
                zookeeper.setNodes(config.zookeeperNodes());
                zookeeper.setBasePath(config.zookeeperBasePath());
                zookeeper.setSessionTimeout(config.sessionTimeout().toMillis());
                zookeeper.setConnectTimeout(10_000);
                yield zookeeper;
            }
            case KUBERNETES -> {
                var kubernetes = new org.apache.camel.component.kubernetes.cluster.KubernetesClusterService();
                kubernetes.setId(config.nodeId());
                kubernetes.setPodName(config.nodeId());
                if (config.kubernetesNamespace() != null) {
                    kubernetes.setKubernetesNamespace(config.kubernetesNamespace());
                }
                long lease = config.leaseDuration().toMillis();
                kubernetes.setLeaseDurationMillis(lease);
                kubernetes.setRenewDeadlineMillis(lease * 2 / 3);
                kubernetes.setRetryPeriodMillis(Math.max(1000, lease / 7));
                yield kubernetes;
            }
            case NONE -> throw new IllegalStateException("no cluster service is configured");
        };
    }
}
