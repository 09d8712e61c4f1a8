package dev.strata.application.port.out;

import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.StorageNode;
import dev.strata.domain.placement.PlacementPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The registered storage nodes. Mutations must run inside a write transaction. */
public interface Nodes {

    void add(StorageNode node);

    /** Stores the node's changed location, state and allocation. */
    void update(StorageNode node);

    void remove(NodeId id);

    Optional<StorageNode> find(NodeId id);

    Optional<StorageNode> findByNumber(int number);

    /** The node that manages through {@code canonicalIp}, if any. */
    Optional<StorageNode> findByMgmtIp(String canonicalIp);

    /** All nodes, by number. */
    List<StorageNode> all();

    /**
     * All nodes in {@link PlacementPolicy#LEAST_USED_FIRST} order, for placement, which reads only
     * as far as it needs: a repository that keeps them in that order can hand them out lazily.
     */
    default Iterable<StorageNode> leastUsedFirst() {
        List<StorageNode> sorted = new ArrayList<>(all());
        sorted.sort(PlacementPolicy.LEAST_USED_FIRST);
        return sorted;
    }

    /** The number the next registered node gets: one more than the highest ever given. */
    int nextNumber();
}
