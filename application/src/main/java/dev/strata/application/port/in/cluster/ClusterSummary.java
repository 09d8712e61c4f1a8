package dev.strata.application.port.in.cluster;

import dev.strata.domain.host.HostId;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.NodeState;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.ReplicaId;
import dev.strata.domain.volume.ReplicaState;
import dev.strata.domain.volume.VolumeId;
import java.time.Instant;
import java.util.List;

/**
 * The cluster at one moment, read in one transaction. Capacities in bytes.
 *
 * @param thinLimit how much may be promised in all: total media times the THIN overcommit ratio
 */
public record ClusterSummary(Capacity capacity, double thinOvercommit, long thinLimit, List<NodeLine> nodes,
                             List<Group> racks, List<Group> zones, List<DegradedVolume> degradedVolumes,
                             long degradedVolumeCount, List<OfflineHost> offlineHosts,
                             List<FailedSubsystem> failedSubsystems, List<TenantLine> tenants, Counts counts) {

    public ClusterSummary {
        nodes = List.copyOf(nodes);
        racks = List.copyOf(racks);
        zones = List.copyOf(zones);
        degradedVolumes = List.copyOf(degradedVolumes);
        offlineHosts = List.copyOf(offlineHosts);
        failedSubsystems = List.copyOf(failedSubsystems);
        tenants = List.copyOf(tenants);
    }

    /** @param provisioned bytes promised to hosts (THIN volumes count their whole size) */
    public record Capacity(long total, long allocated, long free, long provisioned) {
    }

    public record NodeLine(NodeId id, int number, String name, String rack, String zone, NodeState state,
                           long total, long allocated, long free, long provisioned) {
    }

    /** Totals of the nodes sharing one rack (or zone) label; "" is the unlabelled group. */
    public record Group(String name, int nodes, long total, long allocated, long free) {
    }

    public record DegradedVolume(VolumeId id, TenantId tenant, String alias, List<BadReplica> replicas) {

        public DegradedVolume {
            replicas = List.copyOf(replicas);
        }
    }

    /** A replica that is not Available, with its node and when it entered its state. */
    public record BadReplica(ReplicaId id, NodeId node, ReplicaState state, Instant since) {
    }

    public record OfflineHost(HostId id, String name, String nqn) {
    }

    /** A subsystem the node's agent reported it could not apply, with the agent's reason. */
    public record FailedSubsystem(NodeId node, String nqn, String reason, Instant reportedAt) {
    }

    public record TenantLine(TenantId id, String name, long capacity, long consumed) {
    }

    public record Counts(int nodes, int unavailableNodes, int maintenanceNodes, long volumes, int hosts,
                         int offlineHosts, int tenants) {
    }
}
