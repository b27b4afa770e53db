package org.redress.config;

import java.time.Duration;
import java.util.Set;

/**
 * Several gateway nodes (docs/DEPLOYMENT.md): which coordination engine elects, per inbox and per background task,
 * the one node that runs it.
 *
 * @param service            none (one node), zookeeper or kubernetes (Lease objects)
 * @param nodeId             this node's name in the cluster
 * @param zookeeperNodes     host:port list of the ZooKeeper ensemble
 * @param zookeeperBasePath  the znode under which Redress's elections live
 * @param sessionTimeout     how long ZooKeeper waits for a silent node before another one takes over its inboxes
 * @param kubernetesNamespace the namespace of the Lease objects, or null for the pod's own
 * @param leaseDuration      how long a Kubernetes lease holds without renewal
 * @param extraSingletons    more route ids to run once cluster-wide (a drop-in channel reading a shared folder)
 */
public record ClusterConfig(Service service, String nodeId, String zookeeperNodes, String zookeeperBasePath,
                            Duration sessionTimeout, String kubernetesNamespace, Duration leaseDuration,
                            Set<String> extraSingletons) {

    public enum Service { NONE, ZOOKEEPER, KUBERNETES }

    public boolean clustered() {
        return service != Service.NONE;
    }
}
