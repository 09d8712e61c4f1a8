package dev.strata.domain.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.Bytes;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.node.Allocation;
import dev.strata.domain.node.Location;
import dev.strata.domain.node.LocationFilter;
import dev.strata.domain.node.NodeDeclaration;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.NodeState;
import dev.strata.domain.node.OvercommitLimit;
import dev.strata.domain.node.StorageNode;
import dev.strata.domain.tenant.Tenant;
import dev.strata.domain.tenant.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CapacityLedgerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    private final CapacityLedger ledger = new CapacityLedger(new OvercommitLimit(2.0));
    private final Map<NodeId, StorageNode> pool = new LinkedHashMap<>();

    private StorageNode node(String rack, long capacityGiB) {
        int number = pool.size() + 1;
        NodeDeclaration declaration = new NodeDeclaration(List.of("10.3.0." + number), 8090, "n" + number,
                new Location(rack, "z1", "eu"), null, capacityGiB * Bytes.GIB, 0, 0, null);
        StorageNode node = StorageNode.register(NodeId.generate(), number, declaration, NOW);
        pool.put(node.id(), node);
        return node;
    }

    private static Tenant tenant(long budgetGiB) {
        return Tenant.create(new TenantId("acme"), "", budgetGiB * Bytes.GIB, 0, 0, NOW);
    }

    private static Allocation thick(long gib) {
        return new Allocation(gib * Bytes.GIB, gib * Bytes.GIB, 0, 0);
    }

    private static Allocation thin(long reserveGiB, long sizeGiB) {
        return new Allocation(reserveGiB * Bytes.GIB, sizeGiB * Bytes.GIB, 0, 0);
    }

    private Optional<StorageNode> find(NodeId id) {
        return Optional.ofNullable(pool.get(id));
    }

    private List<Allocation> allocations() {
        return pool.values().stream().map(StorageNode::allocated).toList();
    }

    @Test
    void reservesOnEveryNodeAndChargesTheTenantTheirMedia() {
        StorageNode a = node("r1", 100);
        StorageNode b = node("r2", 100);
        Tenant acme = tenant(50);

        List<StorageNode> taken = ledger.reserve(acme, Reservation.newReplicas(thin(5, 30), "volume v"),
                List.of(b.id(), a.id()), this::find);

        assertThat(taken).containsExactly(b, a);
        assertThat(a.allocated()).isEqualTo(thin(5, 30));
        assertThat(b.allocated()).isEqualTo(thin(5, 30));
        assertThat(acme.consumed()).as("the media of both nodes, not what they promise").isEqualTo(10 * Bytes.GIB);
    }

    @Test
    void refusesNamingEveryNodeAndWhyAndTakesNothing() {
        StorageNode full = node("r1", 10);
        StorageNode maintained = node("r2", 100);
        maintained.changeState(NodeState.MAINTENANCE, NOW);
        StorageNode promised = node("r3", 100);
        ledger.reserve(Tenant.restore(TenantId.DEFAULT, "", 0, 0, 0, 0, NOW),
                Reservation.newReplicas(thin(1, 190), "earlier"), List.of(promised.id()), this::find);
        StorageNode fine = node("r4", 100);
        NodeId gone = NodeId.generate();
        Tenant acme = tenant(1000);
        List<Allocation> before = allocations();

        assertThatThrownBy(() -> ledger.reserve(acme, Reservation.newReplicas(thin(20, 20), "volume v cannot be made"),
                List.of(full.id(), maintained.id(), promised.id(), fine.id(), gone), this::find))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_CAPACITY))
                .hasMessage("volume v cannot be made: backend " + full.id() + " has 10 GiB free, needs 20 GiB; backend "
                        + maintained.id() + " is Maintenance; backend " + promised.id()
                        + " would exceed its provisioning limit of 200 GiB (overcommit 2.0); backend " + gone
                        + " is gone");
        assertThat(allocations()).as("no node gave anything").isEqualTo(before);
        assertThat(acme.consumed()).as("the tenant paid nothing").isZero();
    }

    @Test
    void letsNodesInMaintenanceGiveMoreForWhatTheyHold() {
        StorageNode maintained = node("r1", 100);
        maintained.changeState(NodeState.MAINTENANCE, NOW);
        Tenant acme = tenant(100);

        ledger.reserve(acme, Reservation.besideHeld(thick(10), "grow"), List.of(maintained.id()), this::find);

        assertThat(maintained.allocated()).isEqualTo(thick(10));
        assertThat(acme.consumed()).isEqualTo(10 * Bytes.GIB);
    }

    @Test
    void refusesBeyondTheTenantsBudgetFirstAndTakesNothing() {
        StorageNode a = node("r1", 100);
        StorageNode b = node("r2", 5);
        Tenant acme = tenant(15);

        assertThatThrownBy(() -> ledger.reserve(acme, Reservation.newReplicas(thick(8), "volume v"),
                List.of(a.id(), b.id()), this::find))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TENANT_BUDGET_EXCEEDED))
                .hasMessage("tenant acme would consume 16 GiB of its 15 GiB budget");
        assertThatThrownBy(() -> ledger.place(acme, new ArrayList<>(pool.values()),
                PlacementRequest.forNewVolume(2, thick(8), LocationFilter.ANY, false)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TENANT_BUDGET_EXCEEDED));
        assertThat(allocations()).containsOnly(Allocation.NONE);
        assertThat(acme.consumed()).isZero();
    }

    @Test
    void placesAndTakesOrRefusesWithThePlacementsReasons() {
        StorageNode small = node("r1", 10);
        StorageNode big = node("r2", 100);
        StorageNode other = node("r3", 100);
        Tenant acme = tenant(100);

        List<StorageNode> chosen = ledger.place(acme, new ArrayList<>(pool.values()),
                PlacementRequest.forNewVolume(2, thick(20), LocationFilter.ANY, false));

        assertThat(chosen).containsExactly(big, other);
        assertThat(big.allocated()).isEqualTo(thick(20));
        assertThat(acme.consumed()).isEqualTo(40 * Bytes.GIB);
        List<Allocation> before = allocations();
        assertThatThrownBy(() -> ledger.place(acme, new ArrayList<>(pool.values()),
                PlacementRequest.forNewVolume(3, thick(20), LocationFilter.ANY, false)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_CAPACITY))
                .hasMessageContaining("2 of 3 backends qualify")
                .hasMessageContaining("backend " + small.id() + " has 10 GiB free, needs 20 GiB");
        assertThat(allocations()).isEqualTo(before);
        assertThat(acme.consumed()).isEqualTo(40 * Bytes.GIB);
    }

    @Test
    void releasesExactlyWhatItTook() {
        StorageNode a = node("r1", 100);
        StorageNode b = node("r2", 100);
        Tenant acme = tenant(100);
        ledger.reserve(acme, Reservation.newReplicas(thick(7), "first"), List.of(a.id()), this::find);
        ledger.reserve(acme, Reservation.newReplicas(thin(3, 50), "second"), List.of(a.id(), b.id()), this::find);

        ledger.release(acme, thin(3, 50), List.of(a, b));

        assertThat(a.allocated()).isEqualTo(thick(7));
        assertThat(b.allocated()).isEqualTo(Allocation.NONE);
        assertThat(acme.consumed()).isEqualTo(7 * Bytes.GIB);
        ledger.release(acme, thick(7), List.of(a));
        assertThat(allocations()).containsOnly(Allocation.NONE);
        assertThat(acme.consumed()).isZero();
    }

    @Test
    void neverReleasesMoreThanWasTakenAndChangesNothingThen() {
        StorageNode a = node("r1", 100);
        StorageNode b = node("r2", 100);
        Tenant acme = tenant(100);
        ledger.reserve(acme, Reservation.newReplicas(thick(5), "one"), List.of(a.id()), this::find);

        assertThatThrownBy(() -> ledger.release(acme, thick(5), List.of(a, b))).isInstanceOf(IllegalStateException.class);
        assertThat(a.allocated()).isEqualTo(thick(5));
        assertThat(acme.consumed()).isEqualTo(5 * Bytes.GIB);
    }

    @Test
    void takesRoomOnEachNodeOnce() {
        StorageNode a = node("r1", 100);

        assertThatThrownBy(() -> ledger.reserve(tenant(100), Reservation.newReplicas(thick(1), "twice"),
                List.of(a.id(), a.id()), this::find)).isInstanceOf(IllegalArgumentException.class);
        assertThat(a.allocated()).isEqualTo(Allocation.NONE);
    }
}
