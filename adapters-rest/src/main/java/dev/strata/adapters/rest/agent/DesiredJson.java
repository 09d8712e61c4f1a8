package dev.strata.adapters.rest.agent;

import dev.strata.application.port.in.agent.DesiredState;
import dev.strata.domain.volume.ReplicaId;
import java.util.List;

/** The desired document of API.md §8: sizes in bytes. */
public record DesiredJson(long generation, NodeJson node, List<ReplicaJson> replicas, List<String> retiredReplicas,
                          List<SubsystemJson> subsystems) {

    public record NodeJson(String persistentID, List<PortalJson> portals, int cntlidMin, int cntlidMax) {
    }

    public record PortalJson(String ip, int port, String transport) {
    }

    public record ReplicaJson(String uuid, String volumeId, long sizeBytes, String provisioning, int blockSize) {
    }

    public record SubsystemJson(String nqn, String serial, List<String> hostNqns, List<NamespaceJson> namespaces) {
    }

    public record NamespaceJson(int nsid, String uuid, String replica) {
    }

    static DesiredJson from(DesiredState state) {
        return new DesiredJson(state.generation(),
                new NodeJson(state.node().value(),
                        state.portals().stream().map(p -> new PortalJson(p.ip(), p.port(), p.transport().name()))
                                .toList(),
                        state.controllerIds().min(), state.controllerIds().max()),
                state.replicas().stream().map(r -> new ReplicaJson(r.id().value(), r.volume().value(), r.sizeBytes(),
                        r.provisioning().name(), r.blockSize())).toList(),
                state.retiredReplicas().stream().map(ReplicaId::value).toList(),
                state.subsystems().stream().map(s -> new SubsystemJson(s.nqn(), s.serial(), s.hostNqns(),
                        s.namespaces().stream().map(n -> new NamespaceJson(n.nsid(), n.replica().value(),
                                n.replica().value())).toList())).toList());
    }
}
