package dev.strata.domain.placement;

import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.OvercommitLimit;
import dev.strata.domain.node.StorageNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Where new replicas go. A pure function of the candidate nodes and the request:
 *
 * <ul>
 *   <li>a node qualifies when it is not excluded, matches the rack, zone and region filters, is
 *       Available and has room for the allocation ({@link StorageNode#refusal});</li>
 *   <li>qualifying nodes are taken least used first (by the share of their media already
 *       allocated), the lower node number first among equals;</li>
 *   <li>each replica goes to a rack no other replica of the volume uses, unless the request allows
 *       the same rack; a node without a rack label is a rack of its own.</li>
 * </ul>
 *
 * Taking the least used node of each rack in turn finds a placement whenever one exists: any
 * qualifying rack can give one node, so it succeeds exactly when enough racks qualify.
 */
public final class PlacementPolicy {

    private PlacementPolicy() {
    }

    /** The order nodes are taken in: the least used share of media first, the lower number among equals. */
    public static final Comparator<StorageNode> LEAST_USED_FIRST = (a, b) -> {
        int byShare = Double.compare(usedShare(a), usedShare(b));
        return byShare != 0 ? byShare : Integer.compare(a.number(), b.number());
    };

    /**
     * The choice {@link #place} makes, from nodes given in {@link #LEAST_USED_FIRST} order and read
     * only as far as needed: among many nodes, the first few qualifying ones. Empty when the nodes
     * do not suffice; {@link #place} over all of them then says why, node by node.
     */
    public static Optional<List<StorageNode>> firstFit(Iterable<StorageNode> leastUsedFirst, PlacementRequest request,
                                                       OvercommitLimit overcommit) {
        List<StorageNode> chosen = new ArrayList<>(request.replicas());
        Set<String> racks = new HashSet<>(request.usedRacks());
        Iterator<StorageNode> nodes = leastUsedFirst.iterator();
        while (chosen.size() < request.replicas() && nodes.hasNext()) {
            StorageNode node = nodes.next();
            if (qualifies(node, request, overcommit)
                    && (request.sameRackAllowed() || racks.add(rackOf(node)))) {
                chosen.add(node);
            }
        }
        return chosen.size() == request.replicas() ? Optional.of(chosen) : Optional.empty();
    }

    /** The rack a node counts as, for spreading replicas. */
    public static String rackOf(StorageNode node) {
        String rack = node.location().rack();
        return rack.isEmpty() ? "\u0000node:" + node.id().value() : rack;
    }

    /**
     * Where {@code request}'s replicas would go among {@code candidates}, each node bounded by
     * {@code overcommit}. Changes nothing: {@link CapacityLedger#place} also takes the room.
     */
    public static Placement place(List<StorageNode> candidates, PlacementRequest request, OvercommitLimit overcommit) {
        Candidate[] qualified = new Candidate[candidates.size()];
        List<StorageNode> skipped = new ArrayList<>();
        int count = 0;
        for (StorageNode node : candidates) {
            if (qualifies(node, request, overcommit)) {
                qualified[count++] = new Candidate(node, usedShare(node));
            } else {
                skipped.add(node);
            }
        }
        // Least used first, taken from a heap: a placement needs the first few in that order, not
        // all of them sorted (among 1,000 nodes the sort was a quarter of a create's time).
        PriorityQueue<Candidate> ordered = new PriorityQueue<>(Math.max(1, count), CANDIDATES_LEAST_USED_FIRST);
        ordered.addAll(Arrays.asList(qualified).subList(0, count));

        List<NodeId> chosen = new ArrayList<>(request.replicas());
        Set<String> racks = new HashSet<>(request.usedRacks());
        List<StorageNode> sameRack = new ArrayList<>();
        while (chosen.size() < request.replicas() && !ordered.isEmpty()) {
            StorageNode node = ordered.poll().node();
            if (request.sameRackAllowed() || racks.add(rackOf(node))) {
                chosen.add(node.id());
            } else {
                sameRack.add(node);
            }
        }
        if (chosen.size() < request.replicas()) {
            // only a refusal says why each node was passed over: on success nobody reads it
            Map<NodeId, String> passedOver = new LinkedHashMap<>();
            for (StorageNode node : skipped) {
                passedOver.put(node.id(), reasonToSkip(node, request, overcommit).orElseThrow());
            }
            for (StorageNode node : sameRack) {
                passedOver.put(node.id(), "is in rack '" + node.location().rack()
                        + "', which already holds a replica of this volume");
            }
            return new Placement(request, chosen, inNodeOrder(candidates, passedOver));
        }
        return new Placement(request, chosen, Map.of());
    }

    /** {@link #reasonToSkip} is empty, without spelling out a reason. */
    private static boolean qualifies(StorageNode node, PlacementRequest request, OvercommitLimit overcommit) {
        return !request.excluded().contains(node.id()) && request.filter().matches(node.location())
                && node.refusal(request.allocation(), overcommit).isEmpty();
    }

    private static Optional<String> reasonToSkip(StorageNode node, PlacementRequest request,
                                                 OvercommitLimit overcommit) {
        if (request.excluded().contains(node.id())) {
            return Optional.of("already holds a replica of this volume");
        }
        String mismatch = request.filter().mismatch(node.location());
        if (!mismatch.isEmpty()) {
            return Optional.of(mismatch);
        }
        return node.refusal(request.allocation(), overcommit);
    }

    /** The share of a node's media already allocated; a node without media counts as full. */
    private static double usedShare(StorageNode node) {
        long total = node.totalCapacity();
        return total == 0 ? 1.0 : (double) node.allocated().capacity() / total;
    }

    private static Map<NodeId, String> inNodeOrder(List<StorageNode> candidates, Map<NodeId, String> reasons) {
        Map<NodeId, String> ordered = new LinkedHashMap<>();
        for (StorageNode node : candidates) {
            String reason = reasons.get(node.id());
            if (reason != null) {
                ordered.put(node.id(), reason);
            }
        }
        return ordered;
    }

    private record Candidate(StorageNode node, double usedShare) {
    }

    /** {@link #LEAST_USED_FIRST} with the share worked out once per node. */
    private static final Comparator<Candidate> CANDIDATES_LEAST_USED_FIRST = (a, b) -> {
        int byShare = Double.compare(a.usedShare(), b.usedShare());
        return byShare != 0 ? byShare : Integer.compare(a.node().number(), b.node().number());
    };
}
