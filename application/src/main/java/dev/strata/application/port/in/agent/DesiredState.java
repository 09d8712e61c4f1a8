package dev.strata.application.port.in.agent;

import dev.strata.domain.node.ControllerIds;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.Portal;
import dev.strata.domain.volume.Provisioning;
import dev.strata.domain.volume.ReplicaId;
import dev.strata.domain.volume.VolumeId;
import java.util.List;

/** A storage node's whole desired state (API.md §8), as of one generation. */
public record DesiredState(long generation, NodeId node, List<Portal> portals, ControllerIds controllerIds,
                           List<DesiredReplica> replicas, List<ReplicaId> retiredReplicas,
                           List<Subsystem> subsystems) {

    public DesiredState {
        portals = List.copyOf(portals);
        replicas = List.copyOf(replicas);
        retiredReplicas = List.copyOf(retiredReplicas);
        subsystems = List.copyOf(subsystems);
    }

    /** A replica whose backing data the node keeps. */
    public record DesiredReplica(ReplicaId id, VolumeId volume, long sizeBytes, Provisioning provisioning,
                                 int blockSize) {
    }

    /** An NVMe subsystem: a target of one host, with the namespaces of that host's publications here. */
    public record Subsystem(String nqn, String serial, List<String> hostNqns, List<SubsystemNamespace> namespaces) {
        public Subsystem {
            hostNqns = List.copyOf(hostNqns);
            namespaces = List.copyOf(namespaces);
        }
    }

    public record SubsystemNamespace(int nsid, ReplicaId replica) {
    }
}
