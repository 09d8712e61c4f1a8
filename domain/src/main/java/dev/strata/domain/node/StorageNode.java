package dev.strata.domain.node;

import dev.strata.domain.Bytes;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A storage node ("backend"): an NVMe-oF server whose media Strata carves into replicas.
 *
 * <p>The node keeps its own accounting: {@link #allocated()} is the sum of what its replicas and
 * snapshots take. It refuses a reservation that would take more media than it has, or promise more
 * than {@code totalCapacity × overcommit} ({@link OvercommitLimit}). Taking room for a change that
 * spans several nodes and a tenant goes through {@link dev.strata.domain.placement.CapacityLedger}.
 */
public final class StorageNode {

    private final NodeId id;
    private final int number;
    private NodeDeclaration declaration;
    private NodeState state;
    private Allocation allocated;
    private final Instant registeredAt;
    private Instant updatedAt;

    private StorageNode(NodeId id, int number, NodeDeclaration declaration, NodeState state, Allocation allocated,
                        Instant registeredAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id);
        if (number < 1) {
            throw new IllegalArgumentException("node numbers start at 1");
        }
        this.number = number;
        this.declaration = Objects.requireNonNull(declaration);
        this.state = Objects.requireNonNull(state);
        this.allocated = Objects.requireNonNull(allocated);
        this.registeredAt = Objects.requireNonNull(registeredAt);
        this.updatedAt = Objects.requireNonNull(updatedAt);
    }

    /** A newly registered node: Available, nothing allocated. */
    public static StorageNode register(NodeId id, int number, NodeDeclaration declaration, Instant now) {
        return new StorageNode(id, number, declaration, NodeState.AVAILABLE, Allocation.NONE, now, now);
    }

    /** For the persistence mapper only: a node as it was stored. */
    public static StorageNode restore(NodeId id, int number, NodeDeclaration declaration, NodeState state,
                                      Allocation allocated, Instant registeredAt, Instant updatedAt) {
        return new StorageNode(id, number, declaration, state, allocated, registeredAt, updatedAt);
    }

    public void relocate(Location newLocation, Instant now) {
        this.declaration = declaration.withLocation(Objects.requireNonNull(newLocation));
        this.updatedAt = now;
    }

    /**
     * Takes the capacity the node's agent measured in place of the declared one. It may be below
     * what is allocated: that is shown (available capacity goes negative), never refused, and the
     * node then takes nothing new.
     */
    public void reportCapacity(long measured, Instant now) {
        this.declaration = declaration.withTotalCapacity(measured);
        this.updatedAt = now;
    }

    /** The NVMe controller ids this node's subsystems hand out: its own, never another node's. */
    public ControllerIds controllerIds() {
        return ControllerIds.ofNode(number);
    }

    public void changeState(NodeState newState, Instant now) {
        this.state = Objects.requireNonNull(newState);
        this.updatedAt = now;
    }

    /** Why this node cannot take a new replica needing {@code wanted}, or empty when it can. */
    public Optional<String> refusal(Allocation wanted, OvercommitLimit overcommit) {
        if (state != NodeState.AVAILABLE) {
            return Optional.of("is " + state.label());
        }
        return roomRefusal(wanted, overcommit);
    }

    /** Why this node has no room for {@code wanted}, whatever its state, or empty when it has. */
    public Optional<String> roomRefusal(Allocation wanted, OvercommitLimit overcommit) {
        if (wanted.capacity() > availableCapacity()) {
            return Optional.of("has " + Bytes.toGiB(availableCapacity()) + " GiB free, needs "
                    + Bytes.toGiB(Bytes.ceilToGiB(wanted.capacity())) + " GiB");
        }
        long promiseLimit = overcommit.promiseLimit(totalCapacity());
        if (wanted.provisioned() > promiseLimit - allocated.provisioned()) {
            return Optional.of("would exceed its provisioning limit of " + Bytes.toGiB(promiseLimit)
                    + " GiB (overcommit " + overcommit + ")");
        }
        if (totalIops() > 0 && wanted.iops() > availableIops()) {
            return Optional.of("has " + availableIops() + " IOPS free, needs " + wanted.iops());
        }
        if (totalBandwidth() > 0 && wanted.bandwidth() > availableBandwidth()) {
            return Optional.of("has " + availableBandwidth() + " B/s free, needs " + wanted.bandwidth());
        }
        return Optional.empty();
    }

    /** Takes {@code wanted} for a new replica or snapshot: the node must be Available and have room. */
    public void reserve(Allocation wanted, OvercommitLimit overcommit) {
        take(refusal(wanted, overcommit), wanted);
    }

    /**
     * Takes {@code more} for something the node already holds (a volume growing). A node in
     * maintenance still serves what it holds, so only room counts.
     */
    public void grow(Allocation more, OvercommitLimit overcommit) {
        take(roomRefusal(more, overcommit), more);
    }

    private void take(Optional<String> refusal, Allocation wanted) {
        refusal.ifPresent(reason -> {
            throw new DomainException(ErrorCode.INSUFFICIENT_CAPACITY, "backend " + id + " " + reason);
        });
        allocated = allocated.plus(wanted);
    }

    /** Gives back what a replica or snapshot took. */
    public void release(Allocation taken) {
        if (!allocated.covers(taken)) {
            throw new IllegalStateException("backend " + id + " would release more than it has allocated");
        }
        allocated = allocated.minus(taken);
    }

    public NodeId id() {
        return id;
    }

    /** The node's number in the cluster, from 1: its id in {@code /v1/cluster/nodes/}. */
    public int number() {
        return number;
    }

    public NodeDeclaration declaration() {
        return declaration;
    }

    public String name() {
        return declaration.name();
    }

    public List<String> mgmtIps() {
        return declaration.mgmtIps();
    }

    public int mgmtPort() {
        return declaration.mgmtPort();
    }

    public String hostId() {
        return declaration.hostId();
    }

    public List<Portal> portals() {
        return declaration.portals();
    }

    public Location location() {
        return declaration.location();
    }

    public NodeState state() {
        return state;
    }

    public Allocation allocated() {
        return allocated;
    }

    public long totalCapacity() {
        return declaration.totalCapacity();
    }

    public long availableCapacity() {
        return declaration.totalCapacity() - allocated.capacity();
    }

    public long provisionedCapacity() {
        return allocated.provisioned();
    }

    public long totalIops() {
        return declaration.totalIops();
    }

    public long availableIops() {
        return declaration.totalIops() - allocated.iops();
    }

    public long totalBandwidth() {
        return declaration.totalBandwidth();
    }

    public long availableBandwidth() {
        return declaration.totalBandwidth() - allocated.bandwidth();
    }

    /** True while anything is allocated on the node. */
    public boolean inUse() {
        return !allocated.equals(Allocation.NONE);
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
