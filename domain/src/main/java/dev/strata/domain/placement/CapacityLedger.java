package dev.strata.domain.placement;

import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.node.Allocation;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.OvercommitLimit;
import dev.strata.domain.node.StorageNode;
import dev.strata.domain.tenant.Tenant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one way room is taken and given back. A change that needs room takes the same
 * {@link Allocation} on each of its nodes and charges its tenant the media that adds up to, so
 * what the nodes give always equals what the tenants consume. It takes all of it, or refuses with
 * 507 and takes nothing:
 *
 * <ol>
 *   <li>{@code TenantBudgetExceeded} when the tenant's budget cannot pay for every node's media
 *       (checked first: then no node is even asked);</li>
 *   <li>{@code InsufficientCapacity} naming every node that cannot give its part, and why.</li>
 * </ol>
 *
 * Release gives back exactly what a reservation took. The ledger changes the node and tenant
 * objects it is given; storing them is the caller's part, in the same transaction.
 */
public final class CapacityLedger {

    private final OvercommitLimit overcommit;

    public CapacityLedger(OvercommitLimit overcommit) {
        this.overcommit = Objects.requireNonNull(overcommit);
    }

    public OvercommitLimit overcommit() {
        return overcommit;
    }

    /**
     * Places {@code request}'s new replicas among {@code candidates} ({@link PlacementPolicy}) and
     * takes their room on the chosen nodes and from {@code tenant}.
     *
     * @return the chosen nodes in the order chosen, each already holding the allocation
     */
    public List<StorageNode> place(Tenant tenant, List<StorageNode> candidates, PlacementRequest request) {
        Allocation each = request.allocation();
        long charge = charge(each, request.replicas());
        requireBudget(tenant, charge);
        List<StorageNode> nodes = chosenAmong(candidates, request);
        take(tenant, charge, nodes, Reservation.newReplicas(each, ""));
        return nodes;
    }

    /**
     * {@link #place}, with the candidates least used first ({@link PlacementPolicy#firstFit}), read
     * only as far as the placement needs; only when they do not suffice are {@code all} of them
     * asked for, to say why.
     */
    public List<StorageNode> place(Tenant tenant, Iterable<StorageNode> leastUsedFirst,
                                   Supplier<List<StorageNode>> all, PlacementRequest request) {
        Allocation each = request.allocation();
        long charge = charge(each, request.replicas());
        requireBudget(tenant, charge);
        List<StorageNode> nodes = PlacementPolicy.firstFit(leastUsedFirst, request, overcommit)
                .orElseGet(() -> chosenAmong(all.get(), request));
        take(tenant, charge, nodes, Reservation.newReplicas(each, ""));
        return nodes;
    }

    private List<StorageNode> chosenAmong(List<StorageNode> candidates, PlacementRequest request) {
        List<NodeId> chosen = PlacementPolicy.place(candidates, request, overcommit).nodesOrThrow();
        Map<NodeId, StorageNode> byId = new HashMap<>();
        for (StorageNode candidate : candidates) {
            if (chosen.contains(candidate.id())) {
                byId.put(candidate.id(), candidate);
            }
        }
        return chosen.stream().map(byId::get).toList();
    }

    /**
     * Takes {@code reservation.each()} on every node of {@code on} and charges {@code tenant} its
     * media once per node. A node {@code nodes} does not know is refused as gone.
     *
     * @param on    the nodes, each once
     * @param nodes finds a node by id
     * @return the nodes of {@code on}, in that order, each now holding its part
     */
    public List<StorageNode> reserve(Tenant tenant, Reservation reservation, List<NodeId> on,
                                     Function<NodeId, Optional<StorageNode>> nodes) {
        if (new HashSet<>(on).size() != on.size()) {
            throw new IllegalArgumentException("a reservation takes room on each node once: " + on);
        }
        long charge = charge(reservation.each(), on.size());
        requireBudget(tenant, charge);
        List<StorageNode> found = new ArrayList<>(on.size());
        List<String> refusals = new ArrayList<>();
        for (NodeId id : on) {
            Optional<StorageNode> node = nodes.apply(id);
            if (node.isEmpty()) {
                refusals.add("backend " + id + " is gone");
                continue;
            }
            Optional<String> refusal = reservation.held()
                    ? node.get().roomRefusal(reservation.each(), overcommit)
                    : node.get().refusal(reservation.each(), overcommit);
            refusal.ifPresent(reason -> refusals.add("backend " + id + " " + reason));
            found.add(node.get());
        }
        if (!refusals.isEmpty()) {
            throw new DomainException(ErrorCode.INSUFFICIENT_CAPACITY,
                    reservation.heading() + ": " + String.join("; ", refusals));
        }
        take(tenant, charge, found, reservation);
        return found;
    }

    /**
     * Gives back what a reservation of {@code each} on {@code nodes} took: from every node, and
     * the media of all of it to {@code tenant}. Giving back more than was taken is a bug
     * ({@link IllegalStateException}) and changes nothing.
     */
    public void release(Tenant tenant, Allocation each, List<StorageNode> nodes) {
        long refund = charge(each, nodes.size());
        for (StorageNode node : nodes) {
            if (!node.allocated().covers(each)) {
                throw new IllegalStateException("backend " + node.id() + " would release more than it has allocated");
            }
        }
        if (refund > tenant.consumed()) {
            throw new IllegalStateException("tenant " + tenant.id() + " would be refunded more than it consumed");
        }
        for (StorageNode node : nodes) {
            node.release(each);
        }
        tenant.refund(refund);
    }

    /** What the tenant pays for {@code each} on {@code count} nodes: their media. */
    private static long charge(Allocation each, int count) {
        return Math.multiplyExact(each.capacity(), (long) count);
    }

    private static void requireBudget(Tenant tenant, long charge) {
        String refusal = tenant.budgetRefusal(charge);
        if (!refusal.isEmpty()) {
            throw new DomainException(ErrorCode.TENANT_BUDGET_EXCEEDED, refusal);
        }
    }

    /** Every check has passed: takes it all. */
    private void take(Tenant tenant, long charge, List<StorageNode> nodes, Reservation reservation) {
        for (StorageNode node : nodes) {
            if (reservation.held()) {
                node.grow(reservation.each(), overcommit);
            } else {
                node.reserve(reservation.each(), overcommit);
            }
        }
        tenant.charge(charge);
    }
}
