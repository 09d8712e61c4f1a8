package dev.strata.application.port.out;

import dev.strata.domain.node.AgentReport;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.volume.ReplicaId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Strata keeps for the storage nodes' agents (API.md §8): each node's generation, the replicas
 * retired on it, and its agent's last report. Mutations must run inside a write transaction.
 *
 * <p>The generation is not bumped by callers: the repositories that store what a node exports bump
 * it themselves, in the same transaction, so no service can forget to. {@link Nodes#add} starts it
 * at 1; {@link Nodes#update} bumps it when the node's state or location changed; {@link Volumes#add},
 * {@link Volumes#update} (a replica added or removed, the size changed) and {@link Volumes#remove}
 * bump each node holding a replica of the volume; {@link Publications#save} bumps the target's node.
 * {@link Volumes#update} and {@link Volumes#remove} also retire every replica they drop, here.
 */
public interface NodeAgents {

    /** The node's generation; 0 for a node not registered. */
    long generation(NodeId node);

    /** The generation of every node. */
    Map<NodeId, Long> generations();

    /** The replicas retired on the node whose data its agent must still remove, by id. */
    List<ReplicaId> retired(NodeId node);

    /** Forgets the node's retired replicas that are not in {@code stillReported}. */
    void keepRetired(NodeId node, Collection<ReplicaId> stillReported);

    Optional<AgentReport> report(NodeId node);

    /** The last report of every node that ever reported. */
    List<AgentReport> reports();

    /** Stores the node's report in place of the last one. */
    void saveReport(AgentReport report);
}
