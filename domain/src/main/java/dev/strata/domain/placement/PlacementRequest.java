package dev.strata.domain.placement;

import dev.strata.domain.node.Allocation;
import dev.strata.domain.node.LocationFilter;
import dev.strata.domain.node.NodeId;
import java.util.Objects;
import java.util.Set;

/**
 * What placement must find: {@code replicas} nodes, each with room for {@code allocation}.
 *
 * @param excluded   nodes that may not be chosen (they already hold a replica of the volume)
 * @param usedRacks  racks, as {@link PlacementPolicy#rackOf} names them, that already hold a replica
 */
public record PlacementRequest(
        int replicas,
        Allocation allocation,
        LocationFilter filter,
        boolean sameRackAllowed,
        Set<NodeId> excluded,
        Set<String> usedRacks) {

    public PlacementRequest {
        if (replicas < 1) {
            throw new IllegalArgumentException("placement finds at least one node");
        }
        Objects.requireNonNull(allocation);
        Objects.requireNonNull(filter);
        excluded = Set.copyOf(excluded);
        usedRacks = Set.copyOf(usedRacks);
    }

    /** A request for a new volume: nothing excluded, no rack in use yet. */
    public static PlacementRequest forNewVolume(int replicas, Allocation allocation, LocationFilter filter,
                                                boolean sameRackAllowed) {
        return new PlacementRequest(replicas, allocation, filter, sameRackAllowed, Set.of(), Set.of());
    }
}
