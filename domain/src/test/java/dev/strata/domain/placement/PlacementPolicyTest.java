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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlacementPolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    private static final OvercommitLimit LIMIT = new OvercommitLimit(4.0);
    private final List<StorageNode> nodes = new ArrayList<>();

    private StorageNode node(String rack, String zone, long capacityGiB, long usedGiB) {
        int number = nodes.size() + 1;
        NodeDeclaration declaration = new NodeDeclaration(List.of("10.2.0." + number), 8090, "n" + number,
                new Location(rack, zone, "eu"), null, capacityGiB * Bytes.GIB, 0, 0, null);
        StorageNode node = StorageNode.register(NodeId.generate(), number, declaration, NOW);
        if (usedGiB > 0) {
            node.reserve(thick(usedGiB), LIMIT);
        }
        nodes.add(node);
        return node;
    }

    private static Allocation thick(long gib) {
        return new Allocation(gib * Bytes.GIB, gib * Bytes.GIB, 0, 0);
    }

    private Placement place(int replicas, long gib, LocationFilter filter, boolean sameRack) {
        return PlacementPolicy.place(nodes, PlacementRequest.forNewVolume(replicas, thick(gib), filter, sameRack), LIMIT);
    }

    @Test
    void takesTheLeastUsedNodesFirst() {
        StorageNode busy = node("r1", "z1", 100, 50);
        StorageNode idle = node("r2", "z1", 100, 0);
        StorageNode half = node("r3", "z1", 1000, 400);

        assertThat(place(2, 10, LocationFilter.ANY, false).nodesOrThrow()).containsExactly(idle.id(), half.id());
        assertThat(place(3, 10, LocationFilter.ANY, false).nodesOrThrow())
                .as("the half-used node comes last, though it has the least media free")
                .containsExactly(idle.id(), half.id(), busy.id());
    }

    @Test
    void breaksTiesByNodeNumber() {
        StorageNode first = node("r1", "z1", 100, 0);
        StorageNode second = node("r2", "z1", 100, 0);
        StorageNode third = node("r3", "z1", 100, 0);

        assertThat(place(1, 1, LocationFilter.ANY, false).nodesOrThrow()).containsExactly(first.id());
        List<StorageNode> reversed = List.of(third, second, first);
        Placement two = PlacementPolicy.place(reversed,
                PlacementRequest.forNewVolume(2, thick(1), LocationFilter.ANY, false), LIMIT);
        assertThat(two.nodesOrThrow()).containsExactly(first.id(), second.id());
        Placement all = PlacementPolicy.place(reversed,
                PlacementRequest.forNewVolume(3, thick(1), LocationFilter.ANY, false), LIMIT);
        assertThat(all.nodesOrThrow()).as("by number, whatever order the candidates come in")
                .containsExactly(first.id(), second.id(), third.id());
    }

    @Test
    void spreadsReplicasOverRacksUnlessTheSameRackIsAllowed() {
        StorageNode a1 = node("a", "z1", 100, 0);
        StorageNode a2 = node("a", "z1", 100, 0);
        StorageNode b1 = node("b", "z1", 100, 10);

        assertThat(place(2, 1, LocationFilter.ANY, false).nodesOrThrow()).containsExactly(a1.id(), b1.id());
        assertThat(place(2, 1, LocationFilter.ANY, true).nodesOrThrow()).containsExactly(a1.id(), a2.id());
        Placement three = place(3, 1, LocationFilter.ANY, false);
        assertThat(three.succeeded()).isFalse();
        assertThat(three.passedOver()).containsKey(a2.id());
        assertThat(three.explanation()).contains("which already holds a replica");
    }

    @Test
    void countsANodeWithoutARackAsARackOfItsOwn() {
        node("", "z1", 100, 0);
        node("", "z1", 100, 0);

        assertThat(place(2, 1, LocationFilter.ANY, false).succeeded()).isTrue();
    }

    @Test
    void honoursZoneRackAndRegionFilters() {
        node("r1", "z1", 100, 0);
        StorageNode inZ2 = node("r2", "z2", 100, 50);

        Placement placement = place(1, 1, new LocationFilter(null, List.of("z2"), List.of("eu")), false);
        assertThat(placement.nodesOrThrow()).containsExactly(inZ2.id());
        Placement nowhere = place(1, 1, new LocationFilter(List.of("r9"), null, null), false);
        assertThat(nowhere.explanation()).contains("is in rack 'r1', not one of [r9]");
    }

    @Test
    void neverPlacesOnNodesOutOfServiceOrWithoutRoomAndSaysWhyPerNode() {
        StorageNode maintained = node("r1", "z1", 100, 0);
        maintained.changeState(NodeState.MAINTENANCE, NOW);
        StorageNode full = node("r2", "z1", 100, 95);
        StorageNode fine = node("r3", "z1", 100, 0);

        Placement one = place(1, 10, LocationFilter.ANY, false);
        assertThat(one.nodesOrThrow()).containsExactly(fine.id());

        assertThatThrownBy(() -> place(2, 10, LocationFilter.ANY, false).nodesOrThrow())
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_CAPACITY))
                .hasMessageContaining("1 of 3 backends qualify")
                .hasMessageContaining("backend " + maintained.id() + " is Maintenance")
                .hasMessageContaining("backend " + full.id() + " has 5 GiB free, needs 10 GiB");
    }

    @Test
    void skipsExcludedNodesAndRacksInUseWhenAddingAReplica() {
        StorageNode holder = node("r1", "z1", 100, 0);
        StorageNode sameRack = node("r1", "z1", 100, 0);
        StorageNode other = node("r2", "z1", 100, 50);

        Placement placement = PlacementPolicy.place(nodes, new PlacementRequest(1, thick(1), LocationFilter.ANY, false,
                Set.of(holder.id()), Set.of(PlacementPolicy.rackOf(holder))), LIMIT);
        Placement sameRackAllowed = PlacementPolicy.place(nodes, new PlacementRequest(1, thick(1), LocationFilter.ANY,
                true, Set.of(holder.id()), Set.of(PlacementPolicy.rackOf(holder))), LIMIT);

        assertThat(placement.nodesOrThrow()).containsExactly(other.id());
        assertThat(sameRackAllowed.nodesOrThrow()).as("the idle node in the holder's rack, once its rack may be used")
                .containsExactly(sameRack.id());
    }

    @Test
    void saysSoWhenThereIsNoNodeAtAll() {
        assertThat(place(1, 1, LocationFilter.ANY, false).explanation()).contains("no backend is registered");
    }

    @Test
    void keepsLongExplanationsBounded() {
        for (int i = 0; i < 200; i++) {
            node("r" + i, "z1", 1, 1);
        }
        String explanation = place(1, 1, LocationFilter.ANY, false).explanation();

        assertThat(explanation).contains("and 150 more backends passed over");
        assertThat(explanation.length()).isLessThan(6000);
    }

    @Test
    void firstFitOverNodesLeastUsedFirstChoosesWhatPlaceChooses() {
        java.util.Random random = new java.util.Random(15);
        for (int cluster = 0; cluster < 200; cluster++) {
            nodes.clear();
            int count = 1 + random.nextInt(40);
            for (int i = 0; i < count; i++) {
                String rack = random.nextInt(5) == 0 ? "" : "r" + random.nextInt(6);
                StorageNode node = node(rack, "z" + random.nextInt(3), 10 + random.nextInt(200), 0);
                long used = random.nextInt((int) (node.totalCapacity() / Bytes.GIB) + 1);
                if (used > 0) {
                    node.reserve(thick(used), LIMIT);
                }
                if (random.nextInt(8) == 0) {
                    node.changeState(NodeState.MAINTENANCE, NOW);
                }
            }
            List<StorageNode> leastUsedFirst = new ArrayList<>(nodes);
            leastUsedFirst.sort(PlacementPolicy.LEAST_USED_FIRST);
            for (int ask = 0; ask < 5; ask++) {
                LocationFilter filter = random.nextBoolean() ? LocationFilter.ANY
                        : new LocationFilter(List.of(), List.of("z" + random.nextInt(3)), List.of());
                PlacementRequest request = PlacementRequest.forNewVolume(1 + random.nextInt(3),
                        thick(1 + random.nextInt(60)), filter, random.nextInt(4) == 0);
                Placement placed = PlacementPolicy.place(nodes, request, LIMIT);
                var fit = PlacementPolicy.firstFit(leastUsedFirst, request, LIMIT);
                if (placed.succeeded()) {
                    assertThat(fit).as("cluster %d, request %s", cluster, request).isPresent();
                    assertThat(fit.get()).extracting(StorageNode::id).isEqualTo(placed.chosen());
                } else {
                    assertThat(fit).as("cluster %d, request %s", cluster, request).isEmpty();
                }
            }
        }
    }
}
