package dev.strata.application.service;

import static dev.strata.application.mother.HostProbes.aHost;
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
import dev.strata.application.port.in.host.TargetView;
import dev.strata.application.port.in.host.TargetsQuery;
import dev.strata.application.port.in.host.UnpublishCommand;
import dev.strata.application.port.in.tenant.TenantDeclaration;
import dev.strata.application.port.in.volume.AddReplicaCommand;
import dev.strata.application.port.in.volume.CreateSnapshotCommand;
import dev.strata.application.port.in.volume.ReplicaRef;
import dev.strata.application.port.in.volume.VolumeFromSnapshotCommand;
import dev.strata.application.port.in.volume.VolumeRef;
import dev.strata.domain.Bytes;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.audit.AuditEvent;
import dev.strata.domain.host.HostId;
import dev.strata.domain.host.Namespace;
import dev.strata.domain.host.Publication;
import dev.strata.domain.host.Target;
import dev.strata.domain.node.OvercommitLimit;
import dev.strata.domain.node.StorageNode;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.Replica;
import dev.strata.domain.volume.Snapshot;
import dev.strata.domain.volume.Volume;
import dev.strata.domain.volume.VolumeId;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PublicationServiceTest {

    private final MutableClock clock = MutableClock.at("2026-05-01T10:00:00Z");
    private final Ports ports = Ports.inMemory();
    private final Services services = Services.over(ports, clock, OvercommitLimit.DEFAULT);
    private final Principal admin = Principals.admin();
    private StorageNode a;
    private StorageNode b;
    private StorageNode c;

    @BeforeEach
    void threeNodesOnThreeRacks() {
        a = services.nodes().register(admin, aNode().named("node-a").inRack("r1").build());
        b = services.nodes().register(admin, aNode().named("node-b").inRack("r2").build());
        c = services.nodes().register(admin, aNode().inRack("r3").build());
    }

    private HostId host(String name) {
        HostProbes probe = aHost().named(name);
        services.hosts().probe(admin, probe.build());
        return probe.id();
    }

    private static VolumeRef ref(Volume volume) {
        return new VolumeRef(Optional.empty(), volume.id());
    }

    private Created<Publication> publish(Volume volume, HostId host) {
        return services.publications().publish(admin, new PublishCommand(ref(volume), host));
    }

    private List<HostId> unpublish(Volume volume, Optional<HostId> host) {
        return services.publications().unpublish(admin, new UnpublishCommand(ref(volume), host));
    }

    private List<TargetView> targets(Principal caller, Optional<HostId> host, Optional<Volume> volume) {
        return services.publications().list(caller, new TargetsQuery(host, volume.map(Volume::id)));
    }

    private List<Target> stored() {
        return ports.publications().targets(Optional.empty(), Optional.empty());
    }

    @Test
    void publishesEveryReplicaAsANamespaceOfTheTargetOfItsNodeAndTheHost() {
        Volume volume = services.volumes().create(admin, aVolume().withReplicas(2).build()).value();
        HostId host = host("compute-1");

        Created<Publication> published = publish(volume, host);

        assertThat(published.isNew()).isTrue();
        assertThat(published.value().exclusive()).isTrue();
        List<TargetView> views = targets(admin, Optional.of(host), Optional.of(volume));
        assertThat(views).hasSize(2);
        for (Replica replica : volume.replicas()) {
            TargetView view = views.stream().filter(v -> v.target().node().equals(replica.node())).findFirst()
                    .orElseThrow();
            assertThat(view.target().host()).isEqualTo(host);
            assertThat(view.target().name().value()).isEqualTo("nqn.2026-11.dev.strata:host:" + host);
            assertThat(view.target().namespaces()).hasSize(1);
            assertThat(view.target().namespaces().get(0).replica()).isEqualTo(replica.id());
        }
        // nsids are unique across all of a host's targets
        assertThat(views.stream().map(v -> v.target().namespaces().get(0).nsid()).toList())
                .containsExactlyInAnyOrder(1, 2);
        assertThat(views).extracting(TargetView::alias).containsExactlyInAnyOrder("compute-1@node-a",
                "compute-1@node-b");
        assertThat(views).extracting(TargetView::grantedTo).containsOnly(ports.hosts().find(host).orElseThrow().nqn());
        assertThat(ports.publications().isPublished(volume.id())).isTrue();
    }

    @Test
    void publishingAgainToTheSameHostChangesNothing() {
        Volume volume = services.volumes().create(admin, aVolume().withReplicas(3).build()).value();
        HostId host = host("compute-1");
        publish(volume, host);
        List<Target> before = stored();

        Created<Publication> again = publish(volume, host);

        assertThat(again.isNew()).isFalse();
        assertThat(again.value().host()).isEqualTo(host);
        assertThat(stored()).usingRecursiveFieldByFieldElementComparator().isEqualTo(before);
        assertThat(ports.publications().ofVolume(volume.id())).hasSize(1);
    }

    @Test
    void aWritableVolumeGoesToOneHostAtATimeAndTheLoserChangesNothing() {
        Volume volume = services.volumes().create(admin, aVolume().build()).value();
        HostId first = host("compute-1");
        HostId second = host("compute-2");
        publish(volume, first);

        assertRefused(() -> publish(volume, second), ErrorCode.ALREADY_PUBLISHED);

        assertThat(ports.publications().ofVolume(volume.id())).extracting(Publication::host).containsExactly(first);
        assertThat(targets(admin, Optional.of(second), Optional.empty())).isEmpty();
        unpublish(volume, Optional.of(first));
        assertThat(publish(volume, second).isNew()).isTrue();
    }

    @Test
    void aReadOnlyVolumeFromASnapshotGoesToManyHosts() {
        Volume source = services.volumes().create(admin, aVolume().withReplicas(2).build()).value();
        Snapshot snapshot = services.snapshots().create(admin, new CreateSnapshotCommand(Optional.empty(),
                Optional.empty(), "s", source.id(), 10)).value();
        Volume readOnly = services.snapshots().createFromSnapshot(admin, new VolumeFromSnapshotCommand(
                Optional.empty(), Optional.empty(), "ro", snapshot.id(), false, 0, Optional.empty(), Optional.empty(),
                null)).value();
        HostId first = host("compute-1");
        HostId second = host("compute-2");

        publish(readOnly, first);
        publish(readOnly, second);

        assertThat(ports.publications().ofVolume(readOnly.id())).extracting(Publication::host)
                .containsExactlyInAnyOrder(first, second);
        assertThat(targets(admin, Optional.empty(), Optional.of(readOnly))).hasSize(4);
        assertThat(unpublish(readOnly, Optional.empty())).containsExactlyInAnyOrder(first, second);
        assertThat(stored()).isEmpty();
    }

    @Test
    void aNewNamespaceTakesTheLowestNsidLeftFreeInItsTarget() {
        HostId host = host("compute-1");
        Volume v1 = services.volumes().create(admin, aVolume().build()).value();
        Volume v2 = services.volumes().create(admin, aVolume().build()).value();
        Volume v3 = services.volumes().create(admin, aVolume().build()).value();
        // One replica each, least-used first: three different nodes; pin them all to one by filling.
        for (Volume v : List.of(v1, v2, v3)) {
            publish(v, host);
        }
        Volume onA = onNode(a, host);
        Volume alsoOnA = onNode(a, host);
        Target target = ports.publications().target(host, a.id()).orElseThrow();
        int freed = target.namespaceOf(onA.replicas().get(0).id()).orElseThrow().nsid();

        unpublish(onA, Optional.of(host));
        Volume third = onNode(a, host);

        Target after = ports.publications().target(host, a.id()).orElseThrow();
        assertThat(after.namespaceOf(third.replicas().get(0).id()).orElseThrow().nsid()).isEqualTo(freed);
        assertThat(after.namespaces()).extracting(Namespace::nsid).doesNotHaveDuplicates();
        assertThat(after.namespaceOf(alsoOnA.replicas().get(0).id())).isPresent();
    }

    /** A new volume whose one replica is on {@code node}, published to {@code host}. */
    private Volume onNode(StorageNode node, HostId host) {
        Volume volume;
        do {
            volume = services.volumes().create(admin, aVolume().thick(1).build()).value();
        } while (!volume.nodes().get(0).equals(node.id()));
        publish(volume, host);
        return volume;
    }

    @Test
    void unpublishRemovesTheNamespacesAndTheTargetsLeftEmptyAndSucceedsAgain() {
        HostId host = host("compute-1");
        Volume kept = services.volumes().create(admin, aVolume().withReplicas(3).build()).value();
        Volume gone = services.volumes().create(admin, aVolume().withReplicas(2).build()).value();
        publish(kept, host);
        publish(gone, host);

        assertThat(unpublish(gone, Optional.of(host))).containsExactly(host);
        assertThat(unpublish(gone, Optional.of(host))).isEmpty();
        assertThat(unpublish(gone, Optional.empty())).isEmpty();

        assertThat(stored()).hasSize(3).allSatisfy(t -> assertThat(t.holds(gone.id())).isFalse());
        assertThat(ports.publications().isPublished(gone.id())).isFalse();
        unpublish(kept, Optional.empty());
        assertThat(stored()).isEmpty();
    }

    @Test
    void unknownHostsAndVolumesAreNotExistsAndChangeNothing() {
        Volume volume = services.volumes().create(admin, aVolume().build()).value();
        HostId host = host("compute-1");
        VolumeRef unknownVolume = new VolumeRef(Optional.empty(), VolumeId.generate());

        assertRefused(() -> publish(volume, new HostId("nobody")), ErrorCode.NOT_EXISTS);
        assertRefused(() -> services.publications().publish(admin, new PublishCommand(unknownVolume, host)),
                ErrorCode.NOT_EXISTS);
        assertRefused(() -> unpublish(volume, Optional.of(new HostId("nobody"))), ErrorCode.NOT_EXISTS);
        assertRefused(() -> targets(admin, Optional.of(new HostId("nobody")), Optional.empty()), ErrorCode.NOT_EXISTS);
        assertRefused(() -> services.publications().list(admin, new TargetsQuery(Optional.empty(),
                Optional.of(unknownVolume.id()))), ErrorCode.NOT_EXISTS);

        assertThat(ports.publications().isPublished(volume.id())).isFalse();
        assertThat(((InMemoryAuditLog) ports.auditLog()).all()).extracting(AuditEvent::action, AuditEvent::outcome)
                .contains(Tuple.tuple("volume.publish", "NotExists"), Tuple.tuple("volume.unpublish", "NotExists"));
    }

    @Test
    void aCallerBoundToATenantPublishesOnlyItsOwnVolumesAndSeesOnlyItsOwnNamespaces() {
        services.tenants().create(admin, new TenantDeclaration(Optional.of(new TenantId("acme")), "", 100 * Bytes.GIB,
                0, 0));
        Volume theirs = services.volumes().create(admin, aVolume().build()).value();
        Volume ours = services.volumes().create(admin, aVolume().inTenant("acme").build()).value();
        HostId host = host("shared");
        publish(theirs, host);
        Principal acme = Principals.boundTo(new TenantId("acme"), Privilege.PRIVILEGE_HOST_READ,
                Privilege.PRIVILEGE_HOST_WRITE);

        assertRefused(() -> services.publications().publish(acme, new PublishCommand(ref(theirs), host)),
                ErrorCode.NOT_EXISTS);
        assertRefused(() -> services.publications().publish(acme, new PublishCommand(
                new VolumeRef(Optional.of(TenantId.DEFAULT), theirs.id()), host)), ErrorCode.FORBIDDEN);
        assertRefused(() -> services.publications().unpublish(acme, new UnpublishCommand(ref(theirs),
                Optional.empty())), ErrorCode.NOT_EXISTS);
        assertThat(targets(acme, Optional.of(host), Optional.empty())).isEmpty();
        assertRefused(() -> targets(acme, Optional.empty(), Optional.of(theirs)), ErrorCode.NOT_EXISTS);

        services.publications().publish(acme, new PublishCommand(ref(ours), host));

        assertThat(targets(acme, Optional.of(host), Optional.empty())).flatExtracting(v -> v.target().namespaces())
                .extracting(Namespace::volume).containsExactly(ours.id());
        assertThat(targets(admin, Optional.of(host), Optional.empty())).flatExtracting(v -> v.target().namespaces())
                .extracting(Namespace::volume).containsExactlyInAnyOrder(ours.id(), theirs.id());
        assertThat(ports.publications().isPublished(theirs.id())).isTrue();
    }

    @Test
    void aReplicaAddedToAPublishedVolumeIsExposedAndOneRemovedIsWithdrawn() {
        Volume volume = services.volumes().create(admin, aVolume().build()).value();
        HostId host = host("compute-1");
        publish(volume, host);

        Replica added = services.volumes().add(admin, new AddReplicaCommand(ref(volume), Optional.empty(),
                Optional.empty()));
        assertThat(targets(admin, Optional.of(host), Optional.of(volume))).hasSize(2);
        assertThat(ports.publications().target(host, added.node()).orElseThrow().namespaceOf(added.id())).isPresent();

        Replica first = volume.replicas().get(0);
        services.volumes().remove(admin, new ReplicaRef(ref(volume), first.id()));

        assertThat(targets(admin, Optional.of(host), Optional.of(volume))).extracting(v -> v.target().node())
                .containsExactly(added.node());
        assertThat(ports.publications().target(host, first.node())).isEmpty();
    }

    @Test
    void aNodeExportingTargetsAndAPublishedVolumeCannotGo() {
        Volume volume = services.volumes().create(admin, aVolume().build()).value();
        publish(volume, host("compute-1"));

        assertRefused(() -> services.nodes().remove(admin, volume.nodes().get(0)), ErrorCode.IN_USE);
        assertRefused(() -> services.volumes().delete(admin, ref(volume)), ErrorCode.VOLUME_PUBLISHED);
        assertThatThrownBy(() -> services.nodes().remove(admin, volume.nodes().get(0))).hasMessageContaining("targets");
    }

    @Test
    void publishingNeedsHostWriteAndReadingTargetsHostRead() {
        Volume volume = services.volumes().create(admin, aVolume().build()).value();
        HostId host = host("compute-1");
        Principal reader = Principals.withPrivileges(Privilege.PRIVILEGE_HOST_READ, Privilege.PRIVILEGE_VOLUME_WRITE);

        assertRefused(() -> services.publications().publish(reader, new PublishCommand(ref(volume), host)),
                ErrorCode.FORBIDDEN);
        assertRefused(() -> services.publications().unpublish(reader, new UnpublishCommand(ref(volume),
                Optional.empty())), ErrorCode.FORBIDDEN);
        assertThat(targets(reader, Optional.of(host), Optional.empty())).isEmpty();
        assertRefused(() -> targets(Principals.withPrivileges(Privilege.PRIVILEGE_HOST_WRITE), Optional.of(host),
                Optional.empty()), ErrorCode.FORBIDDEN);
        assertRefused(() -> new TargetsQuery(Optional.empty(), Optional.empty()), ErrorCode.INVALID_INPUT);
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
