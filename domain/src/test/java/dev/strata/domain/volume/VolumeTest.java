package dev.strata.domain.volume;

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
import dev.strata.domain.node.OvercommitLimit;
import dev.strata.domain.node.StorageNode;
import dev.strata.domain.placement.PlacementPolicy;
import dev.strata.domain.placement.PlacementRequest;
import dev.strata.domain.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class VolumeTest {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    private static VolumeSpec spec(long gib, Provisioning provisioning, int percentage) {
        return new VolumeSpec("vol", gib * Bytes.GIB, provisioning, percentage, null, StorageClass.DEFAULT);
    }

    private static Volume volume(VolumeSpec spec, int replicas) {
        List<NodeId> nodes = java.util.stream.Stream.generate(NodeId::generate).limit(replicas).toList();
        return Volume.create(VolumeId.generate(), TenantId.DEFAULT, spec, Optional.empty(), true, nodes, NOW);
    }

    @Test
    void aThickReplicaTakesItsWholeSizeAndAThinOneItsReserveRoundedUpToAGiB() {
        assertThat(spec(10, Provisioning.THICK, 10).replicaAllocation())
                .isEqualTo(new Allocation(10 * Bytes.GIB, 10 * Bytes.GIB, 0, 0));
        assertThat(spec(10, Provisioning.THIN, 10).replicaAllocation())
                .isEqualTo(new Allocation(Bytes.GIB, 10 * Bytes.GIB, 0, 0));
        assertThat(spec(15, Provisioning.THIN, 10).replicaAllocation().capacity()).isEqualTo(2 * Bytes.GIB);
        assertThat(spec(15, Provisioning.THIN, 0).replicaAllocation().capacity()).isZero();
        assertThat(spec(3, Provisioning.THIN, 100).replicaAllocation().capacity()).isEqualTo(3 * Bytes.GIB);
    }

    @Test
    void reservesTheDesiredIopsAndBandwidthPerGiB() {
        StorageClass fast = new StorageClass(1, LocationFilter.ANY, false, 512, 100, 50, 2000, 1000, 0, "");
        VolumeSpec spec = new VolumeSpec("v", 20 * Bytes.GIB, Provisioning.THICK, 0, "nvmeof", fast);

        assertThat(spec.replicaAllocation()).isEqualTo(new Allocation(20 * Bytes.GIB, 20 * Bytes.GIB, 1000, 20_000));
        assertThat(spec.maxIops()).isEqualTo(2000);
        assertThat(spec.maxBandwidth()).isEqualTo(40_000);
        assertThat(spec.protocol()).isEqualTo("NVMeoF");
    }

    @Test
    void refusesSpecsOutsideTheRules() {
        assertInvalid(() -> spec(0, Provisioning.THICK, 10), "capacity must be at least 1 GiB");
        assertInvalid(() -> spec(Bytes.MAX_CAPACITY / Bytes.GIB + 1, Provisioning.THICK, 10), "capacity must be at most");
        assertInvalid(() -> spec(1, Provisioning.THIN, 101), "reservedSpacePercentage");
        assertInvalid(() -> new VolumeSpec("a".repeat(256), Bytes.GIB, Provisioning.THICK, 0, null,
                StorageClass.DEFAULT), "alias is longer than 255");
        assertInvalid(() -> new VolumeSpec(" ", Bytes.GIB, Provisioning.THICK, 0, null, StorageClass.DEFAULT),
                "alias is required");
        assertInvalid(() -> new VolumeSpec("v", Bytes.GIB, Provisioning.THICK, 0, "iSCSI", StorageClass.DEFAULT),
                "protocol");
        assertInvalid(() -> StorageClass.DEFAULT.withNumReplicas(5), "numReplicas must be between 1 and 4");
        assertInvalid(() -> new StorageClass(1, LocationFilter.ANY, false, 1024, 0, 0, 0, 0, 0, ""), "blockSize");
        assertInvalid(() -> new StorageClass(1, LocationFilter.ANY, false, 4096, 10, 20, 0, 0, 0, ""),
                "desiredIOPSPerGB must not exceed");
        assertInvalid(() -> Provisioning.parse("provisioningType", "THICKER"), "THICK or THIN");
        assertThat(Provisioning.parse("provisioningType", "thin")).isEqualTo(Provisioning.THIN);
    }

    @Test
    void growsOnlyAndSaysWhatEachReplicaNeedsInAddition() {
        Volume volume = volume(spec(10, Provisioning.THIN, 10), 2);

        Allocation more = volume.expandTo(25 * Bytes.GIB);

        assertThat(more).isEqualTo(new Allocation(2 * Bytes.GIB, 15 * Bytes.GIB, 0, 0));
        assertThat(volume.capacity()).isEqualTo(25 * Bytes.GIB);
        assertThat(volume.consumedCapacity()).isEqualTo(6 * Bytes.GIB);
        assertThat(volume.expandTo(25 * Bytes.GIB)).isEqualTo(Allocation.NONE);
        assertInvalid(() -> volume.expandTo(5 * Bytes.GIB), "only grow");
    }

    @Test
    void isDegradedWhileAnyReplicaIsNotAvailable() {
        Volume volume = volume(spec(1, Provisioning.THICK, 0), 2);
        Replica second = volume.replicas().get(1);

        volume.recordState(second.id(), ReplicaState.MISSING, NOW.plusSeconds(5));

        assertThat(volume.state()).isEqualTo(VolumeState.DEGRADED);
        assertThat(volume.replica(second.id()).stateTime()).isEqualTo(NOW.plusSeconds(5));
        volume.recordState(second.id(), ReplicaState.AVAILABLE, NOW);
        assertThat(volume.state()).isEqualTo(VolumeState.AVAILABLE);
    }

    @Test
    void addsAtMostFourReplicasStartingSynchronizing() {
        Volume volume = volume(spec(1, Provisioning.THICK, 0), 3);

        Replica added = volume.addReplica(NodeId.generate(), NOW);

        assertThat(added.state()).isEqualTo(ReplicaState.SYNCHRONIZING);
        assertThat(volume.state()).isEqualTo(VolumeState.DEGRADED);
        assertRefused(() -> volume.addReplica(NodeId.generate(), NOW), ErrorCode.TOO_MANY_REPLICAS);
    }

    @Test
    void asksPlacementForAnotherReplicaAwayFromItsNodesAndTheirRacks() {
        List<StorageNode> pool = List.of(node(1, "r1"), node(2, "r1"), node(3, "r2"), node(4, ""));
        Volume volume = Volume.create(VolumeId.generate(), TenantId.DEFAULT, spec(5, Provisioning.THICK, 0),
                Optional.empty(), true, List.of(pool.get(0).id(), pool.get(3).id()), NOW);

        PlacementRequest request = volume.anotherReplica(pool, LocationFilter.ANY, false);

        assertThat(request.replicas()).isEqualTo(1);
        assertThat(request.allocation()).isEqualTo(volume.replicaAllocation());
        assertThat(request.excluded()).containsExactlyInAnyOrder(pool.get(0).id(), pool.get(3).id());
        assertThat(request.usedRacks()).containsExactlyInAnyOrder("r1", PlacementPolicy.rackOf(pool.get(3)));
        assertThat(PlacementPolicy.place(pool, request, OvercommitLimit.DEFAULT).nodesOrThrow())
                .as("the only node on a rack the volume does not use").containsExactly(pool.get(2).id());
        Volume full = volume(spec(1, Provisioning.THICK, 0), StorageClass.MAX_REPLICAS);
        assertRefused(() -> full.anotherReplica(pool, LocationFilter.ANY, true), ErrorCode.TOO_MANY_REPLICAS);
    }

    private static StorageNode node(int number, String rack) {
        return StorageNode.register(NodeId.generate(), number, new NodeDeclaration(List.of("10.4.0." + number), 8090,
                "n" + number, new Location(rack, "", ""), null, 100 * Bytes.GIB, 0, 0, null), NOW);
    }

    @Test
    void neverLetsTheLastServingReplicaGo() {
        Volume volume = volume(spec(1, Provisioning.THICK, 0), 2);
        Replica first = volume.replicas().get(0);
        Replica second = volume.replicas().get(1);

        volume.markTerminating(first.id(), NOW);
        assertRefused(() -> volume.markTerminating(second.id(), NOW), ErrorCode.LAST_REPLICA);
        assertRefused(() -> volume.removeReplica(second.id()), ErrorCode.LAST_REPLICA);
        volume.removeReplica(first.id());
        assertThat(volume.replicas()).containsExactly(second);
        assertRefused(() -> volume.removeReplica(second.id()), ErrorCode.LAST_REPLICA);
        assertRefused(() -> volume.removeReplica(ReplicaId.generate()), ErrorCode.NOT_EXISTS);
    }

    @Test
    void aTerminatingReplicaCannotBeRevivedByAReportedState() {
        Volume volume = volume(spec(1, Provisioning.THICK, 0), 2);
        Replica first = volume.replicas().get(0);
        volume.markTerminating(first.id(), NOW);
        for (ReplicaState reported : new ReplicaState[] {ReplicaState.AVAILABLE, ReplicaState.MISSING,
                ReplicaState.SYNCHRONIZING}) {
            assertRefused(() -> volume.recordState(first.id(), reported, NOW.plusSeconds(1)),
                    ErrorCode.REPLICA_TERMINATING);
        }
        assertThat(volume.replica(first.id()).state()).isEqualTo(ReplicaState.TERMINATING);
        assertThat(volume.replica(first.id()).stateTime()).isEqualTo(NOW);
    }

    @Test
    void aReplacementAvoidsTheRacksOfTheStayingReplicasOnly() {
        Volume volume = volume(spec(1, Provisioning.THICK, 0), 2);
        List<StorageNode> pool = List.of(node(1, "r1"), node(2, "r2"), node(3, "r1"), node(4, "r3"));
        Volume placed = Volume.create(VolumeId.generate(), TenantId.DEFAULT, spec(1, Provisioning.THICK, 0),
                Optional.empty(), true, List.of(pool.get(0).id(), pool.get(1).id()), NOW);
        var request = placed.replacementFor(placed.replicas().get(0).id(), pool, LocationFilter.ANY, false);
        assertThat(request.usedRacks()).containsExactly("r2");
        assertThat(request.excluded()).containsExactlyInAnyOrder(pool.get(0).id(), pool.get(1).id());
        assertThat(volume.replicas()).hasSize(2);
    }

    @Test
    void answersARepeatedRequestOnlyWhenEverythingMatches() {
        VolumeSpec spec = spec(10, Provisioning.THIN, 10);
        Volume volume = volume(spec, 1);

        assertThat(volume.answers(spec(10, Provisioning.THIN, 10), Optional.empty())).isTrue();
        assertThat(volume.answers(spec(11, Provisioning.THIN, 10), Optional.empty())).isFalse();
        assertThat(volume.answers(spec, Optional.of(SnapshotId.generate()))).isFalse();
    }

    @Test
    void aSnapshotReservesItsShareOnEveryNodeOfTheVolume() {
        Volume volume = volume(spec(30, Provisioning.THICK, 0), 3);
        volume.markTerminating(volume.replicas().get(2).id(), NOW);

        Snapshot snapshot = Snapshot.take(SnapshotId.generate(), "snap", volume, 5, NOW);

        assertThat(snapshot.nodes()).containsExactlyElementsOf(volume.nodes().subList(0, 2));
        assertThat(snapshot.copyAllocation()).isEqualTo(new Allocation(2 * Bytes.GIB, 0, 0, 0));
        assertThat(snapshot.consumedCapacity()).isEqualTo(4 * Bytes.GIB);
    }

    @Test
    void writesIdsInOneCanonicalForm() {
        assertThat(VolumeId.parse("uuid", "5F0C6C3E-0000-4000-8000-00000000000A").value())
                .isEqualTo("5f0c6c3e-0000-4000-8000-00000000000a");
        assertInvalid(() -> VolumeId.parse("uuid", "not-a-uuid"), "uuid must be a UUID");
        assertInvalid(() -> SnapshotId.parse("snapshotID", "5f0c6c3e00004000800000000000000a"), "snapshotID");
    }

    private static void assertInvalid(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT)).hasMessageContaining(message);
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
