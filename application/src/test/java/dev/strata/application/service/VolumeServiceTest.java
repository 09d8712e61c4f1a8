package dev.strata.application.service;

import static dev.strata.application.mother.NodeDeclarations.aNode;
import static dev.strata.application.mother.VolumeRequests.aVolume;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.application.contract.Ports;
import dev.strata.application.contract.Services;
import dev.strata.application.fake.InMemoryAuditLog;
import dev.strata.application.fake.MutableClock;
import dev.strata.application.mother.HostProbes;
import dev.strata.application.mother.Principals;
import dev.strata.application.port.in.Created;
import dev.strata.application.port.in.host.PublishCommand;
import dev.strata.application.port.in.host.UnpublishCommand;
import dev.strata.application.port.in.node.UpdateNodeCommand;
import dev.strata.application.port.in.tenant.TenantDeclaration;
import dev.strata.application.port.in.volume.AddReplicaCommand;
import dev.strata.application.port.in.volume.ChangeVolumeCommand;
import dev.strata.application.port.in.volume.CloneVolumeCommand;
import dev.strata.application.port.in.volume.CreateSnapshotCommand;
import dev.strata.application.port.in.volume.ListVolumesQuery;
import dev.strata.application.port.in.volume.ReplicaRef;
import dev.strata.application.port.in.volume.SnapshotRef;
import dev.strata.application.port.in.volume.VolumeFromSnapshotCommand;
import dev.strata.application.port.in.volume.VolumePage;
import dev.strata.application.port.in.volume.VolumeRef;
import dev.strata.domain.Bytes;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.audit.AuditEvent;
import dev.strata.domain.node.Allocation;
import dev.strata.domain.node.NodeState;
import dev.strata.domain.node.OvercommitLimit;
import dev.strata.domain.node.StorageNode;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.Replica;
import dev.strata.domain.volume.ReplicaState;
import dev.strata.domain.volume.Snapshot;
import dev.strata.domain.volume.SnapshotId;
import dev.strata.domain.volume.Volume;
import dev.strata.domain.volume.VolumeId;
import dev.strata.domain.volume.VolumeState;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class VolumeServiceTest {

    private final MutableClock clock = MutableClock.at("2026-05-01T10:00:00Z");
    private final Ports ports = Ports.inMemory();
    private final Services services = Services.over(ports, clock, OvercommitLimit.DEFAULT);
    private final Principal admin = Principals.admin();

    private StorageNode node(String rack, long gib) {
        return services.nodes().register(admin, aNode().inRack(rack).inZone("z1").withCapacityGiB(gib).build());
    }

    private StorageNode reread(StorageNode node) {
        return ports.nodes().find(node.id()).orElseThrow();
    }

    private long consumed(String tenant) {
        return ports.tenants().find(new TenantId(tenant)).orElseThrow().consumed();
    }

    private void tenant(String id, long budgetGiB) {
        services.tenants().create(admin, new TenantDeclaration(Optional.of(new TenantId(id)), "", budgetGiB * Bytes.GIB,
                0, 0));
    }

    private static VolumeRef ref(Volume volume) {
        return new VolumeRef(Optional.empty(), volume.id());
    }

    @Test
    void placesReplicasOnDistinctRacksAndChargesNodesAndTenant() {
        StorageNode a = node("r1", 100);
        StorageNode b = node("r1", 100);
        StorageNode c = node("r2", 100);

        Created<Volume> created = services.volumes().create(admin, aVolume().thick(10).withReplicas(2).build());

        assertThat(created.isNew()).isTrue();
        Volume volume = created.value();
        assertThat(volume.nodes()).containsExactly(a.id(), c.id());
        assertThat(volume.state()).isEqualTo(VolumeState.AVAILABLE);
        assertThat(reread(a).availableCapacity()).isEqualTo(90 * Bytes.GIB);
        assertThat(reread(b).allocated()).isEqualTo(Allocation.NONE);
        assertThat(consumed("0")).isEqualTo(20 * Bytes.GIB);
        assertThat(services.volumes().get(admin, ref(volume)).alias()).isEqualTo(volume.alias());
    }

    @Test
    void answersARepeatedCreateWithTheSameVolumeAndADifferentOneWithAlreadyExists() {
        node("r1", 100);
        VolumeId id = VolumeId.generate();
        Volume first = services.volumes().create(admin, aVolume().named("db").thin(50).withId(id).build()).value();

        Created<Volume> again = services.volumes().create(admin, aVolume().named("db").thin(50).withId(id).build());
        Created<Volume> byAlias = services.volumes().create(admin, aVolume().named("db").thin(50).build());

        assertThat(again.isNew()).isFalse();
        assertThat(again.value().id()).isEqualTo(first.id());
        assertThat(byAlias.value().id()).isEqualTo(first.id());
        assertRefused(() -> services.volumes().create(admin, aVolume().named("db").thin(60).withId(id).build()),
                ErrorCode.ALREADY_EXISTS);
        assertRefused(() -> services.volumes().create(admin, aVolume().named("db").thin(50).withId(VolumeId.generate())
                .build()), ErrorCode.ALREADY_EXISTS);
        assertRefused(() -> services.volumes().create(admin, aVolume().named("other").thin(50).withId(id).build()),
                ErrorCode.ALREADY_EXISTS);
        assertThat(consumed("0")).as("charged once").isEqualTo(5 * Bytes.GIB);
    }

    @Test
    void refusesWhatNoNodeCanHoldSayingWhyPerNodeAndTakesNothing() {
        StorageNode small = node("r1", 5);
        StorageNode maintained = node("r2", 100);
        services.nodes().update(admin, new UpdateNodeCommand(maintained.id(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(NodeState.MAINTENANCE)));

        assertThatThrownBy(() -> services.volumes().create(admin, aVolume().thick(10).build()))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_CAPACITY))
                .hasMessageContaining("backend " + small.id() + " has 5 GiB free, needs 10 GiB")
                .hasMessageContaining("backend " + maintained.id() + " is Maintenance");
        assertThat(reread(small).allocated()).isEqualTo(Allocation.NONE);
        assertThat(consumed("0")).isZero();
        assertThat(ports.volumes().count()).isZero();
    }

    @Test
    void boundsThinVolumesByTheOvercommitRatio() {
        StorageNode node = node("r1", 100);

        services.volumes().create(admin, aVolume().thin(300).reserving(10).build());
        assertRefused(() -> services.volumes().create(admin, aVolume().thin(101).reserving(0).build()),
                ErrorCode.INSUFFICIENT_CAPACITY);
        services.volumes().create(admin, aVolume().thin(100).reserving(0).build());

        assertThat(reread(node).allocated()).isEqualTo(new Allocation(30 * Bytes.GIB, 400 * Bytes.GIB, 0, 0));
    }

    @Test
    void keepsATenantWithinItsBudget() {
        node("r1", 1000);
        tenant("acme", 25);

        services.volumes().create(admin, aVolume().thick(20).inTenant("acme").build());

        assertRefused(() -> services.volumes().create(admin, aVolume().thick(6).inTenant("acme").build()),
                ErrorCode.TENANT_BUDGET_EXCEEDED);
        Volume thin = services.volumes().create(admin, aVolume().thin(40).reserving(10).inTenant("acme").build()).value();
        assertRefused(() -> services.volumes().change(admin, new ChangeVolumeCommand(
                new VolumeRef(Optional.of(new TenantId("acme")), thin.id()), Optional.of(60 * Bytes.GIB),
                Optional.empty())), ErrorCode.TENANT_BUDGET_EXCEEDED);
        assertThat(consumed("acme")).isEqualTo(24 * Bytes.GIB);
    }

    @Test
    void confinesATenantBoundUserAndHidesOtherTenantsVolumes() {
        node("r1", 1000);
        tenant("acme", 100);
        tenant("beta", 100);
        Principal acmeUser = Principals.boundTo(new TenantId("acme"), Privilege.PRIVILEGE_VOLUME_READ,
                Privilege.PRIVILEGE_VOLUME_WRITE);

        Volume own = services.volumes().create(acmeUser, aVolume().thick(1).build()).value();
        Volume other = services.volumes().create(admin, aVolume().thick(1).inTenant("beta").build()).value();

        assertThat(own.tenant()).isEqualTo(new TenantId("acme"));
        assertRefused(() -> services.volumes().create(acmeUser, aVolume().inTenant("beta").build()), ErrorCode.FORBIDDEN);
        assertRefused(() -> services.volumes().get(acmeUser, new VolumeRef(Optional.empty(), other.id())),
                ErrorCode.NOT_EXISTS);
        assertRefused(() -> services.volumes().get(admin, new VolumeRef(Optional.empty(), own.id())),
                ErrorCode.NOT_EXISTS);
        assertRefused(() -> services.volumes().create(admin, aVolume().inTenant("nobody").build()), ErrorCode.NOT_EXISTS);
        assertRefused(() -> services.volumes().create(Principals.withPrivileges(Privilege.PRIVILEGE_VOLUME_READ),
                aVolume().build()), ErrorCode.FORBIDDEN);
        assertRefused(() -> services.volumes().get(Principals.anonymous(), ref(own)), ErrorCode.UNAUTHORIZED);
    }

    @Test
    void growsEveryReplicaInPlaceEvenOnANodeInMaintenanceButOnlyWithRoom() {
        StorageNode a = node("r1", 100);
        StorageNode b = node("r2", 30);
        Volume volume = services.volumes().create(admin, aVolume().thick(10).withReplicas(2).build()).value();
        services.nodes().update(admin, new UpdateNodeCommand(a.id(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(NodeState.MAINTENANCE)));

        Volume grown = services.volumes().change(admin, new ChangeVolumeCommand(ref(volume), Optional.of(30 * Bytes.GIB),
                Optional.of("renamed")));

        assertThat(grown.capacity()).isEqualTo(30 * Bytes.GIB);
        assertThat(grown.alias()).isEqualTo("renamed");
        assertThat(reread(a).availableCapacity()).isEqualTo(70 * Bytes.GIB);
        assertThatThrownBy(() -> services.volumes().change(admin, new ChangeVolumeCommand(ref(volume),
                Optional.of(31 * Bytes.GIB), Optional.empty())))
                .hasMessageContaining("backend " + b.id() + " has 0 GiB free");
        assertRefused(() -> services.volumes().change(admin, new ChangeVolumeCommand(ref(volume),
                Optional.of(20 * Bytes.GIB), Optional.empty())), ErrorCode.INVALID_INPUT);
        assertThat(consumed("0")).isEqualTo(60 * Bytes.GIB);
    }

    @Test
    void refusesARenameToAnAliasInUse() {
        node("r1", 100);
        services.volumes().create(admin, aVolume().named("a").thick(1).build());
        Volume b = services.volumes().create(admin, aVolume().named("b").thick(1).build()).value();

        assertRefused(() -> services.volumes().change(admin, new ChangeVolumeCommand(ref(b), Optional.empty(),
                Optional.of("a"))), ErrorCode.ALREADY_EXISTS);
        assertThat(services.volumes().getByAlias(admin, Optional.empty(), "b").id()).isEqualTo(b.id());
    }

    @Test
    void deletesAVolumeGivingEverythingBackButNotWhilePublishedOrSnapshotted() {
        StorageNode node = node("r1", 100);
        Volume volume = services.volumes().create(admin, aVolume().thick(10).build()).value();
        HostProbes host = HostProbes.aHost();
        services.hosts().probe(admin, host.build());
        services.publications().publish(admin, new PublishCommand(ref(volume), host.id()));

        assertRefused(() -> services.volumes().delete(admin, ref(volume)), ErrorCode.VOLUME_PUBLISHED);
        services.publications().unpublish(admin, new UnpublishCommand(ref(volume), Optional.empty()));
        Snapshot snapshot = services.snapshots().create(admin, new CreateSnapshotCommand(Optional.empty(),
                Optional.empty(), "s", volume.id(), 10)).value();
        assertRefused(() -> services.volumes().delete(admin, ref(volume)), ErrorCode.HAS_SNAPSHOTS);
        services.snapshots().delete(admin, new SnapshotRef(Optional.empty(), snapshot.id()));
        services.volumes().delete(admin, ref(volume));

        assertThat(reread(node).allocated()).isEqualTo(Allocation.NONE);
        assertThat(consumed("0")).isZero();
        assertRefused(() -> services.volumes().delete(admin, ref(volume)), ErrorCode.NOT_EXISTS);
    }

    @Test
    void addsTerminatesRemovesAndRecordsReplicas() {
        StorageNode a = node("r1", 100);
        StorageNode b = node("r2", 100);
        node("r2", 100);
        Volume volume = services.volumes().create(admin, aVolume().thick(10).build()).value();

        Replica added = services.volumes().add(admin, new AddReplicaCommand(ref(volume), Optional.empty(),
                Optional.empty()));
        assertThat(added.node()).as("another rack").isEqualTo(b.id());
        assertThat(services.volumes().get(admin, ref(volume)).state()).isEqualTo(VolumeState.DEGRADED);
        services.volumes().record(admin, new ReplicaRef(ref(volume), added.id()), ReplicaState.AVAILABLE);
        assertThat(services.volumes().get(admin, ref(volume)).state()).isEqualTo(VolumeState.AVAILABLE);
        assertThat(consumed("0")).isEqualTo(20 * Bytes.GIB);

        Replica first = volume.replicas().get(0);
        services.volumes().terminate(admin, new ReplicaRef(ref(volume), first.id()));
        assertRefused(() -> services.volumes().terminate(admin, new ReplicaRef(ref(volume), added.id())),
                ErrorCode.LAST_REPLICA);
        services.volumes().remove(admin, new ReplicaRef(ref(volume), first.id()));
        assertRefused(() -> services.volumes().remove(admin, new ReplicaRef(ref(volume), added.id())),
                ErrorCode.LAST_REPLICA);

        assertThat(reread(a).allocated()).isEqualTo(Allocation.NONE);
        assertThat(services.volumes().get(admin, ref(volume)).nodes()).containsExactly(b.id());
        assertThat(consumed("0")).isEqualTo(10 * Bytes.GIB);
        assertRefused(() -> services.volumes().remove(admin, new ReplicaRef(ref(volume),
                dev.strata.domain.volume.ReplicaId.generate())), ErrorCode.NOT_EXISTS);
    }

    @Test
    void addsAtMostFourReplicas() {
        for (int i = 0; i < 5; i++) {
            node("r" + i, 100);
        }
        Volume volume = services.volumes().create(admin, aVolume().thick(1).withReplicas(4).build()).value();

        assertRefused(() -> services.volumes().add(admin, new AddReplicaCommand(ref(volume), Optional.empty(),
                Optional.empty())), ErrorCode.TOO_MANY_REPLICAS);
    }

    @Test
    void snapshotsReserveSpaceOnTheVolumesNodesAndVolumesComeFromThem() {
        StorageNode a = node("r1", 100);
        StorageNode b = node("r2", 100);
        Volume volume = services.volumes().create(admin, aVolume().thick(20).withReplicas(2).build()).value();

        Snapshot snapshot = services.snapshots().create(admin, new CreateSnapshotCommand(Optional.empty(),
                Optional.of(SnapshotId.generate()), "nightly", volume.id(), 10)).value();
        assertThat(snapshot.nodes()).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(reread(a).availableCapacity()).isEqualTo(78 * Bytes.GIB);

        Volume copy = services.snapshots().createFromSnapshot(admin, new VolumeFromSnapshotCommand(Optional.empty(),
                Optional.empty(), "restored", snapshot.id(), true, 5, Optional.empty(), Optional.empty(), null)).value();
        assertThat(copy.origin()).contains(snapshot.id());
        assertThat(copy.nodes()).containsExactlyInAnyOrderElementsOf(snapshot.nodes());
        assertThat(copy.capacity()).isEqualTo(20 * Bytes.GIB);
        assertRefused(() -> services.snapshots().delete(admin, new SnapshotRef(Optional.empty(), snapshot.id())),
                ErrorCode.HAS_VOLUMES);
        assertThat(services.snapshots().ofVolume(admin, ref(volume))).containsExactly(snapshot);
        assertThat(services.snapshots().getByAlias(admin, Optional.empty(), "nightly")).isEqualTo(snapshot);
        assertThat(consumed("0")).isEqualTo((40 + 4 + 2) * Bytes.GIB);

        services.volumes().delete(admin, ref(copy));
        services.snapshots().delete(admin, new SnapshotRef(Optional.empty(), snapshot.id()));
        assertThat(reread(a).availableCapacity()).isEqualTo(80 * Bytes.GIB);
        assertThat(consumed("0")).isEqualTo(40 * Bytes.GIB);
    }

    @Test
    void aSnapshotThatReservesNothingStillKeepsItsNodeFromBeingRemoved() {
        StorageNode a = node("r1", 100);
        StorageNode b = node("r2", 100);
        Volume volume = services.volumes().create(admin, aVolume().thick(1).withReplicas(2).build()).value();
        services.snapshots().create(admin, new CreateSnapshotCommand(Optional.empty(), Optional.empty(), "zero",
                volume.id(), 0));
        Replica onA = volume.replicas().stream().filter(r -> r.node().equals(a.id())).findFirst().orElseThrow();
        services.volumes().remove(admin, new ReplicaRef(ref(volume), onA.id()));

        assertThat(reread(a).inUse()).as("no counter shows the 0 % snapshot").isFalse();
        assertRefused(() -> services.nodes().remove(admin, a.id()), ErrorCode.IN_USE);
        assertRefused(() -> services.nodes().remove(admin, b.id()), ErrorCode.IN_USE);
    }

    @Test
    void clonesAVolumeAtItsSizeOrLarger() {
        node("r1", 100);
        Volume source = services.volumes().create(admin, aVolume().thin(20).reserving(20).build()).value();

        Volume clone = services.snapshots().cloneVolume(admin, new CloneVolumeCommand(Optional.empty(),
                Optional.empty(), source.id(), "clone", Optional.of(30 * Bytes.GIB), Optional.empty())).value();

        assertThat(clone.capacity()).isEqualTo(30 * Bytes.GIB);
        assertThat(clone.spec().provisioning()).isEqualTo(source.spec().provisioning());
        assertThat(clone.replicaAllocation().capacity()).isEqualTo(6 * Bytes.GIB);
        assertRefused(() -> services.snapshots().cloneVolume(admin, new CloneVolumeCommand(Optional.empty(),
                Optional.empty(), source.id(), "small", Optional.of(10 * Bytes.GIB), Optional.empty())),
                ErrorCode.INVALID_INPUT);
        assertRefused(() -> services.snapshots().cloneVolume(admin, new CloneVolumeCommand(Optional.empty(),
                Optional.empty(), VolumeId.generate(), "x", Optional.empty(), Optional.empty())), ErrorCode.NOT_EXISTS);
    }

    @Test
    void pagesAndStreamsVolumesById() {
        node("r1", 1000);
        for (int i = 0; i < 5; i++) {
            services.volumes().create(admin, aVolume().thick(1).build());
        }
        List<VolumeId> all;
        try (Stream<Volume> stream = services.volumes().stream(admin, Optional.empty(), Optional.empty())) {
            all = stream.map(Volume::id).toList();
        }

        VolumePage first = services.volumes().page(admin, new ListVolumesQuery(Optional.empty(), Optional.empty(), 2));
        VolumePage last = services.volumes().page(admin, new ListVolumesQuery(Optional.empty(),
                Optional.of(all.get(2)), 2));

        assertThat(all).hasSize(5).isSortedAccordingTo(java.util.Comparator.comparing(VolumeId::value));
        assertThat(first.volumes()).extracting(Volume::id).containsExactly(all.get(0), all.get(1));
        assertThat(first.more()).isTrue();
        assertThat(last.volumes()).extracting(Volume::id).containsExactly(all.get(3), all.get(4));
        assertThat(last.more()).isFalse();
    }

    @Test
    void auditsEveryMutationWithItsOutcome() {
        node("r1", 10);
        Volume volume = services.volumes().create(admin, aVolume().named("audited").thick(5).build()).value();
        assertRefused(() -> services.volumes().create(admin, aVolume().thick(50).build()),
                ErrorCode.INSUFFICIENT_CAPACITY);
        services.volumes().delete(admin, ref(volume));

        assertThat(((InMemoryAuditLog) ports.auditLog()).all()).extracting(AuditEvent::action, AuditEvent::outcome)
                .endsWith(
                        org.assertj.core.groups.Tuple.tuple("volume.create", "Success"),
                        org.assertj.core.groups.Tuple.tuple("volume.create", "InsufficientCapacity"),
                        org.assertj.core.groups.Tuple.tuple("volume.delete", "Success"));
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
