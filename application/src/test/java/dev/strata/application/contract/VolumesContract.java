package dev.strata.application.contract;

import static dev.strata.application.mother.NodeDeclarations.aNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.Bytes;
import dev.strata.domain.node.LocationFilter;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.StorageNode;
import dev.strata.domain.tenant.Tenant;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.Provisioning;
import dev.strata.domain.volume.ReplicaState;
import dev.strata.domain.volume.Snapshot;
import dev.strata.domain.volume.SnapshotId;
import dev.strata.domain.volume.StorageClass;
import dev.strata.domain.volume.Volume;
import dev.strata.domain.volume.VolumeId;
import dev.strata.domain.volume.VolumeSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of {@code Tenants}, {@code Volumes} and {@code Snapshots} must do.
 * Runs against the in-memory fakes and against SQLite.
 */
public abstract class VolumesContract {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final TenantId ACME = new TenantId("acme");

    protected abstract Ports ports();

    private final List<NodeId> nodes = new ArrayList<>();

    @BeforeEach
    void registerNodesAndATenant() {
        ports().transactions().write(() -> {
            for (int i = 1; i <= 4; i++) {
                StorageNode node = StorageNode.register(NodeId.generate(), i, aNode().build(), NOW);
                ports().nodes().add(node);
                nodes.add(node.id());
            }
            ports().tenants().add(Tenant.create(ACME, "Acme", 100 * Bytes.GIB, 10, 20, NOW));
        });
    }

    private static VolumeSpec spec(String alias) {
        StorageClass storageClass = new StorageClass(2, new LocationFilter(List.of("r2", "r1"), List.of("z1"), null),
                true, 512, 100, 50, 300, 200, 15, "gold");
        return new VolumeSpec(alias, 12 * Bytes.GIB, Provisioning.THIN, 25, null, storageClass);
    }

    private Volume volume(TenantId tenant, String alias, NodeId... on) {
        return Volume.create(VolumeId.generate(), tenant, spec(alias), Optional.empty(), true, List.of(on), NOW);
    }

    private Volume stored(Volume volume) {
        ports().transactions().write(() -> ports().volumes().add(volume));
        return volume;
    }

    private List<Volume> streamed(TenantId tenant, Optional<VolumeId> after) {
        return ports().transactions().read(() -> {
            try (Stream<Volume> stream = ports().volumes().stream(tenant, after)) {
                return stream.toList();
            }
        });
    }

    @Test
    void findsAStoredVolumeWithEverythingItWasGiven() {
        Volume volume = stored(volume(ACME, "db", nodes.get(0), nodes.get(2)));

        Volume found = ports().volumes().find(volume.id()).orElseThrow();

        assertThat(found.spec()).isEqualTo(volume.spec());
        assertThat(found.tenant()).isEqualTo(ACME);
        assertThat(found.origin()).isEmpty();
        assertThat(found.writable()).isTrue();
        assertThat(found.createdAt()).isEqualTo(NOW);
        assertThat(found.replicas()).isEqualTo(volume.replicas());
        assertThat(ports().volumes().findByAlias(ACME, "db")).map(Volume::id).contains(volume.id());
        assertThat(ports().volumes().findByAlias(TenantId.DEFAULT, "db")).isEmpty();
        assertThat(ports().volumes().find(VolumeId.generate())).isEmpty();
    }

    @Test
    void tellsWhetherAnIdOfAnyTenantOrAnAliasOfTheTenantIsTaken() {
        Volume volume = stored(volume(ACME, "db", nodes.get(0), nodes.get(2)));
        var volumes = ports().volumes();

        assertThat(volumes.anyWithIdOrAlias(Optional.of(volume.id()), TenantId.DEFAULT, "other")).isTrue();
        assertThat(volumes.anyWithIdOrAlias(Optional.empty(), ACME, "db")).isTrue();
        assertThat(volumes.anyWithIdOrAlias(Optional.of(VolumeId.generate()), ACME, "db")).isTrue();
        assertThat(volumes.anyWithIdOrAlias(Optional.empty(), TenantId.DEFAULT, "db")).isFalse();
        assertThat(volumes.anyWithIdOrAlias(Optional.of(VolumeId.generate()), ACME, "db2")).isFalse();
    }

    @Test
    void keepsChangedAliasSizeAndReplicas() {
        Volume volume = stored(volume(ACME, "db", nodes.get(0), nodes.get(1)));
        volume.rename("db2");
        volume.expandTo(40 * Bytes.GIB);
        volume.addReplica(nodes.get(3), NOW.plusSeconds(1));
        volume.recordState(volume.replicas().get(0).id(), ReplicaState.MISSING, NOW.plusSeconds(2));
        volume.removeReplica(volume.replicas().get(1).id());
        ports().transactions().write(() -> ports().volumes().update(volume));

        Volume found = ports().volumes().find(volume.id()).orElseThrow();

        assertThat(found.alias()).isEqualTo("db2");
        assertThat(found.capacity()).isEqualTo(40 * Bytes.GIB);
        assertThat(found.replicas()).isEqualTo(volume.replicas());
        assertThat(found.nodes()).containsExactly(nodes.get(0), nodes.get(3));
        assertThat(ports().volumes().replicasByState())
                .isEqualTo(Map.of(ReplicaState.MISSING, 1L, ReplicaState.SYNCHRONIZING, 1L));
        assertThat(ports().volumes().findByAlias(ACME, "db")).isEmpty();
        assertThat(ports().volumes().anyReplicaOn(nodes.get(1))).isFalse();
        assertThat(ports().volumes().anyReplicaOn(nodes.get(3))).isTrue();
    }

    @Test
    void pagesAndStreamsATenantsVolumesById() {
        List<Volume> acme = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            acme.add(stored(volume(ACME, "v" + i, nodes.get(i % 4))));
            stored(volume(TenantId.DEFAULT, "v" + i, nodes.get(i % 4)));
        }
        List<VolumeId> ids = acme.stream().map(Volume::id).sorted(java.util.Comparator.comparing(VolumeId::value))
                .toList();

        assertThat(streamed(ACME, Optional.empty())).extracting(Volume::id).containsExactlyElementsOf(ids);
        assertThat(streamed(ACME, Optional.of(ids.get(4)))).extracting(Volume::id)
                .containsExactlyElementsOf(ids.subList(5, 7));
        assertThat(ports().volumes().page(ACME, Optional.of(ids.get(1)), 3)).extracting(Volume::id)
                .containsExactlyElementsOf(ids.subList(2, 5));
        assertThat(ports().volumes().page(ACME, Optional.empty(), 2).get(0).replicas()).hasSize(1);
        assertThat(ports().volumes().count()).isEqualTo(14);
        assertThat(streamed(new TenantId("nobody"), Optional.empty())).isEmpty();
    }

    @Test
    void listsTheVolumesWithAReplicaThatIsNotAvailableById() {
        Volume healthy = stored(volume(ACME, "ok", nodes.get(0), nodes.get(1)));
        Volume first = volume(ACME, "bad-1", nodes.get(0), nodes.get(2));
        Volume second = volume(TenantId.DEFAULT, "bad-2", nodes.get(1), nodes.get(3));
        Instant later = NOW.plusSeconds(60);
        first.recordState(first.replicas().get(1).id(), ReplicaState.MISSING, later);
        second.recordState(second.replicas().get(0).id(), ReplicaState.SYNCHRONIZING, later);
        stored(first);
        stored(second);

        List<Volume> degraded = ports().transactions().read(() -> ports().volumes().degraded(10));
        List<Volume> expected = List.of(first, second).stream()
                .sorted(java.util.Comparator.comparing(v -> v.id().value())).toList();

        assertThat(degraded).extracting(Volume::id).containsExactlyElementsOf(expected.stream().map(Volume::id).toList());
        assertThat(degraded).extracting(Volume::id).doesNotContain(healthy.id());
        Volume read = degraded.stream().filter(v -> v.id().equals(first.id())).findFirst().orElseThrow();
        assertThat(read.replicas()).hasSize(2);
        assertThat(read.replicas().get(1).state()).isEqualTo(ReplicaState.MISSING);
        assertThat(read.replicas().get(1).stateTime()).isEqualTo(later);
        assertThat(ports().transactions().read(() -> ports().volumes().degraded(1))).extracting(Volume::id)
                .containsExactly(expected.get(0).id());
        assertThat(ports().transactions().read(() -> ports().volumes().degradedCount())).isEqualTo(2);
    }

    @Test
    void removesAVolumeWithItsReplicas() {
        Volume volume = stored(volume(ACME, "db", nodes.get(0)));
        assertThat(ports().volumes().anyInTenant(ACME)).isTrue();

        ports().transactions().write(() -> ports().volumes().remove(volume.id()));

        assertThat(ports().volumes().find(volume.id())).isEmpty();
        assertThat(ports().volumes().anyInTenant(ACME)).isFalse();
        assertThat(ports().volumes().anyReplicaOn(nodes.get(0))).isFalse();
    }

    @Test
    void keepsSnapshotsAndTheVolumesMadeFromThem() {
        Volume volume = stored(volume(ACME, "db", nodes.get(0), nodes.get(1)));
        Snapshot older = Snapshot.take(SnapshotId.generate(), "s1", volume, 10, NOW);
        Snapshot newer = Snapshot.take(SnapshotId.generate(), "s2", volume, 0, NOW.plusSeconds(1));
        ports().transactions().write(() -> {
            ports().snapshots().add(newer);
            ports().snapshots().add(older);
        });
        Volume restored = stored(Volume.create(VolumeId.generate(), ACME, spec("restored"), Optional.of(older.id()),
                false, List.of(nodes.get(0)), NOW));

        assertThat(ports().snapshots().find(older.id())).contains(older);
        assertThat(ports().snapshots().findByAlias(ACME, "s2")).contains(newer);
        assertThat(ports().snapshots().ofVolume(volume.id())).containsExactly(older, newer);
        assertThat(ports().snapshots().all(ACME)).containsExactlyInAnyOrder(older, newer);
        assertThat(ports().snapshots().anyOfVolume(volume.id())).isTrue();
        assertThat(ports().snapshots().anyCopyOn(nodes.get(1))).isTrue();
        assertThat(ports().snapshots().anyCopyOn(nodes.get(2))).isFalse();
        assertThat(ports().snapshots().anyInTenant(ACME)).isTrue();
        assertThat(ports().volumes().anyMadeFrom(older.id())).isTrue();
        assertThat(ports().volumes().anyMadeFrom(newer.id())).isFalse();
        assertThat(ports().volumes().find(restored.id()).orElseThrow().origin()).contains(older.id());
        assertThat(ports().volumes().find(restored.id()).orElseThrow().writable()).isFalse();

        ports().transactions().write(() -> {
            ports().volumes().remove(restored.id());
            ports().snapshots().remove(older.id());
            ports().snapshots().remove(newer.id());
        });
        assertThat(ports().snapshots().anyOfVolume(volume.id())).isFalse();
        assertThat(ports().snapshots().anyCopyOn(nodes.get(1))).isFalse();
    }

    @Test
    void keepsTenantsWithTheDefaultAlwaysThere() {
        Tenant acme = ports().tenants().find(ACME).orElseThrow();
        acme.charge(30 * Bytes.GIB);
        acme.rename("ACME");
        ports().transactions().write(() -> ports().tenants().update(acme));

        Tenant found = ports().tenants().find(ACME).orElseThrow();
        assertThat(found.consumed()).isEqualTo(30 * Bytes.GIB);
        assertThat(found.name()).isEqualTo("ACME");
        assertThat(found.capacity()).isEqualTo(100 * Bytes.GIB);
        assertThat(found.totalIops()).isEqualTo(10);
        assertThat(found.totalBandwidth()).isEqualTo(20);
        assertThat(found.createdAt()).isEqualTo(NOW);
        assertThat(ports().tenants().all()).extracting(Tenant::id).containsExactly(TenantId.DEFAULT, ACME);

        ports().transactions().write(() -> ports().tenants().remove(ACME));
        assertThat(ports().tenants().find(ACME)).isEmpty();
        assertThat(ports().tenants().find(TenantId.DEFAULT)).isPresent();
    }

    @Test
    void aFailedWriteKeepsNothingItDid() {
        Volume kept = stored(volume(ACME, "kept", nodes.get(0)));
        Volume doomed = volume(ACME, "doomed", nodes.get(1));

        assertThatThrownBy(() -> ports().transactions().write(() -> {
            ports().volumes().add(doomed);
            kept.expandTo(99 * Bytes.GIB);
            ports().volumes().update(kept);
            Tenant acme = ports().tenants().find(ACME).orElseThrow();
            acme.charge(Bytes.GIB);
            ports().tenants().update(acme);
            ports().snapshots().add(Snapshot.take(SnapshotId.generate(), "s", kept, 10, NOW));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(ports().volumes().find(doomed.id())).isEmpty();
        assertThat(ports().volumes().find(kept.id()).orElseThrow().capacity()).isEqualTo(12 * Bytes.GIB);
        assertThat(ports().tenants().find(ACME).orElseThrow().consumed()).isZero();
        assertThat(ports().snapshots().all(ACME)).isEmpty();
    }
}
