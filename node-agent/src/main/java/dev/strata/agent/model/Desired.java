package dev.strata.agent.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Objects;

/**
 * A node's whole desired state as Strata sends it (API.md §8,
 * {@code GET /v1/agent/nodes/{persistentID}/desired}). Unknown fields are ignored: responses may
 * gain fields.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Desired(long generation, Node node, List<Replica> replicas, List<String> retiredReplicas,
        List<Subsystem> subsystems) {

    public Desired {
        Objects.requireNonNull(node, "node");
        replicas = List.copyOf(replicas == null ? List.of() : replicas);
        retiredReplicas = List.copyOf(retiredReplicas == null ? List.of() : retiredReplicas);
        subsystems = List.copyOf(subsystems == null ? List.of() : subsystems);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Node(String persistentID, List<Portal> portals, int cntlidMin, int cntlidMax) {
        public Node {
            portals = List.copyOf(portals == null ? List.of() : portals);
        }
    }

    /** A portal: where hosts connect. {@code transport} is {@code TCP} or {@code RDMA}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Portal(String ip, int port, String transport) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Replica(String uuid, String volumeId, long sizeBytes, Provisioning provisioning, int blockSize) {
    }

    public enum Provisioning { THICK, THIN }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Subsystem(String nqn, String serial, List<String> hostNqns, List<Namespace> namespaces) {
        public Subsystem {
            hostNqns = List.copyOf(hostNqns == null ? List.of() : hostNqns);
            namespaces = List.copyOf(namespaces == null ? List.of() : namespaces);
        }
    }

    /** {@code uuid} is the replica's uuid; {@code replica} names the replica whose backing it exports. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Namespace(int nsid, String uuid, String replica) {
    }

    public Replica replica(String uuid) {
        return replicas.stream().filter(r -> r.uuid().equals(uuid)).findFirst().orElse(null);
    }
}
