package dev.strata.domain.volume;

import dev.strata.domain.node.NodeId;
import java.time.Instant;
import java.util.Objects;

/**
 * One copy of a volume on one node. Its id is also the NVMe namespace UUID hosts see.
 *
 * @param stateTime when {@code state} was last recorded
 */
public record Replica(ReplicaId id, NodeId node, ReplicaState state, Instant stateTime) {

    public Replica {
        Objects.requireNonNull(id);
        Objects.requireNonNull(node);
        Objects.requireNonNull(state);
        Objects.requireNonNull(stateTime);
    }

    public Replica withState(ReplicaState newState, Instant now) {
        return new Replica(id, node, newState, now);
    }
}
