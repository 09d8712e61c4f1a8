package dev.strata.application.port.in.system;

import dev.strata.domain.node.NodeState;
import dev.strata.domain.volume.ReplicaState;
import java.util.Map;

/**
 * The pool at one moment, read in one transaction: nodes and replicas counted by state (every
 * state present, zero or not), capacities in bytes.
 */
public record PoolMetrics(Map<NodeState, Integer> nodes, long totalCapacity, long freeCapacity, long volumes,
                          Map<ReplicaState, Long> replicas, long degradedVolumes) {

    public PoolMetrics(Map<NodeState, Integer> nodes, long totalCapacity, long freeCapacity, long volumes,
                       Map<ReplicaState, Long> replicas) {
        this(nodes, totalCapacity, freeCapacity, volumes, replicas, 0);
    }

    public PoolMetrics {
        nodes = Map.copyOf(nodes);
        replicas = Map.copyOf(replicas);
    }
}
