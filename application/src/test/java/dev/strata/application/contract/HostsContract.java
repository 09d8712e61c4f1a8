package dev.strata.application.contract;

import static dev.strata.application.mother.NodeDeclarations.aNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.Bytes;
import dev.strata.domain.host.Host;
import dev.strata.domain.host.HostDetails;
import dev.strata.domain.host.HostId;
import dev.strata.domain.host.HostNqn;
import dev.strata.domain.host.Namespace;
import dev.strata.domain.host.Publication;
import dev.strata.domain.host.Target;
import dev.strata.domain.node.AgentReport;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.NodeState;
import dev.strata.domain.node.StorageNode;
import dev.strata.domain.tenant.Tenant;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.Provisioning;
import dev.strata.domain.volume.Replica;
import dev.strata.domain.volume.ReplicaId;
import dev.strata.domain.volume.ReplicaState;
import dev.strata.domain.volume.StorageClass;
import dev.strata.domain.volume.Volume;
import dev.strata.domain.volume.VolumeId;
import dev.strata.domain.volume.VolumeSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of {@code Hosts} and {@code Publications} must do. Runs against the
 * in-memory fakes and against SQLite.
 */
public abstract class HostsContract {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final TenantId ACME = new TenantId("acme");

    protected abstract Ports ports();

    private final List<NodeId> nodes = new ArrayList<>();
    private Host alpha;
    private Host beta;

    @BeforeEach
    void registerNodesATenantAndTwoHosts() {
        alpha = host("alpha", "compute-1");
        beta = host("beta", "compute-2");
        ports().transactions().write(() -> {
            for (int i = 1; i <= 3; i++) {
                StorageNode node = StorageNode.register(NodeId.generate(), i, aNode().build(), NOW);
                ports().nodes().add(node);
                nodes.add(node.id());
            }
            ports().tenants().add(Tenant.create(ACME, "Acme", 100 * Bytes.GIB, 0, 0, NOW));
            ports().hosts().add(alpha);
            ports().hosts().add(beta);
        });
    }

    private static Host host(String id, String name) {
        return Host.register(new HostId(id), new HostDetails(new HostNqn("nqn.2014-08.com.example:" + id), name,
                "Agent", "1.0", Duration.ofSeconds(30)), NOW);
    }

    private Volume stored(TenantId tenant, boolean writable, NodeId... on) {
        Volume volume = Volume.create(VolumeId.generate(), tenant, new VolumeSpec("v-" + VolumeId.generate(), Bytes.GIB,
                Provisioning.THIN, 10, null, StorageClass.DEFAULT), Optional.empty(), writable, List.of(on), NOW);
        ports().transactions().write(() -> ports().volumes().add(volume));
        return volume;
    }

    /** Publishes the volume to the host as the service does: the publication, then a namespace per replica. */
    private void publish(Volume volume, Host host) {
        ports().transactions().write(() -> {
            ports().publications().add(new Publication(volume.id(), host.id(), volume.writable(), NOW));
            for (Replica replica : volume.replicas()) {
                Target target = ports().publications().target(host.id(), replica.node())
                        .orElseGet(() -> Target.open(host.id(), replica.node(), NOW));
                target.expose(replica.id(), volume.id(), volume.tenant());
                ports().publications().save(target);
            }
        });
    }

    @Test
    void findsHostsByIdNqnAndNameAndKeepsWhatAProbeChanges() {
        Host found = ports().hosts().find(alpha.id()).orElseThrow();
        assertThat(found.details()).isEqualTo(alpha.details());
        assertThat(found.lastProbe()).isEqualTo(NOW);
        assertThat(found.registeredAt()).isEqualTo(NOW);
        assertThat(ports().hosts().findByNqn(beta.nqn())).map(Host::id).contains(beta.id());
        assertThat(ports().hosts().named("compute-2")).extracting(Host::id).containsExactly(beta.id());
        assertThat(ports().hosts().all()).extracting(Host::id).containsExactly(alpha.id(), beta.id());

        found.probe(new HostDetails(new HostNqn("nqn.2014-08.com.example:alpha2"), "compute-1b", "", "",
                Duration.ofSeconds(600)), NOW.plusSeconds(90));
        ports().transactions().write(() -> ports().hosts().update(found));

        Host again = ports().hosts().find(alpha.id()).orElseThrow();
        assertThat(again.details()).isEqualTo(found.details());
        assertThat(again.lastProbe()).isEqualTo(NOW.plusSeconds(90));
        assertThat(ports().hosts().findByNqn(alpha.nqn())).isEmpty();

        ports().transactions().write(() -> ports().hosts().remove(beta.id()));
        assertThat(ports().hosts().find(beta.id())).isEmpty();
    }

    @Test
    void refusesASecondHostWithTheSameNqn() {
        Host twin = Host.register(new HostId("twin"), alpha.details(), NOW);

        assertThatThrownBy(() -> ports().transactions().write(() -> ports().hosts().add(twin)))
                .isInstanceOf(RuntimeException.class);
        assertThat(ports().hosts().find(twin.id())).isEmpty();
    }

    @Test
    void keepsPublicationsAndTheTargetsThatExposeThem() {
        Volume shared = stored(ACME, false, nodes.get(0), nodes.get(1));
        Volume own = stored(TenantId.DEFAULT, true, nodes.get(1));
        publish(shared, alpha);
        publish(shared, beta);
        publish(own, alpha);

        assertThat(ports().publications().isPublished(shared.id())).isTrue();
        assertThat(ports().publications().ofVolume(shared.id())).extracting(Publication::host, Publication::exclusive)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(alpha.id(), false),
                        org.assertj.core.groups.Tuple.tuple(beta.id(), false));
        assertThat(ports().publications().ofVolume(own.id()).get(0).publishedAt()).isEqualTo(NOW);
        assertThat(ports().publications().anyOfHost(beta.id())).isTrue();
        assertThat(ports().publications().anyTargetOn(nodes.get(1))).isTrue();
        assertThat(ports().publications().anyTargetOn(nodes.get(2))).isFalse();

        Target onSecond = ports().publications().target(alpha.id(), nodes.get(1)).orElseThrow();
        assertThat(onSecond.namespaces()).containsExactly(
                new Namespace(1, shared.replicas().get(1).id(), shared.id(), ACME),
                new Namespace(2, own.replicas().get(0).id(), own.id(), TenantId.DEFAULT));
        assertThat(onSecond.createdAt()).isEqualTo(NOW);
        assertThat(ports().publications().targets(Optional.of(alpha.id()), Optional.empty())).hasSize(2);
        assertThat(ports().publications().targets(Optional.empty(), Optional.of(shared.id())))
                .extracting(Target::host).containsExactly(alpha.id(), alpha.id(), beta.id(), beta.id());
        assertThat(ports().publications().targets(Optional.of(beta.id()), Optional.of(own.id()))).isEmpty();
        assertThat(ports().publications().targets(Optional.of(alpha.id()), Optional.of(own.id())))
                .singleElement().satisfies(t -> assertThat(t.namespaces()).hasSize(2));
    }

    @Test
    void savesOnlyWhatChangedInATargetAndRemovesItWhenEmpty() {
        Volume first = stored(ACME, true, nodes.get(0));
        Volume second = stored(ACME, true, nodes.get(0));
        Volume third = stored(ACME, true, nodes.get(0));
        publish(first, alpha);
        publish(second, alpha);

        ports().transactions().write(() -> {
            Target target = ports().publications().target(alpha.id(), nodes.get(0)).orElseThrow();
            target.withdraw(first.id());
            ports().publications().save(target);
            ports().publications().remove(first.id(), alpha.id());
        });
        publish(third, alpha);

        Target target = ports().publications().target(alpha.id(), nodes.get(0)).orElseThrow();
        assertThat(target.namespaces()).extracting(Namespace::nsid, Namespace::volume).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, third.id()), org.assertj.core.groups.Tuple.tuple(2, second.id()));

        ports().transactions().write(() -> {
            Target emptied = ports().publications().target(alpha.id(), nodes.get(0)).orElseThrow();
            emptied.withdraw(second.id());
            emptied.withdraw(third.id());
            ports().publications().save(emptied);
            ports().publications().remove(second.id(), alpha.id());
            ports().publications().remove(third.id(), alpha.id());
        });
        assertThat(ports().publications().target(alpha.id(), nodes.get(0))).isEmpty();
        assertThat(ports().publications().anyTargetOn(nodes.get(0))).isFalse();
        assertThat(ports().publications().anyOfHost(alpha.id())).isFalse();
    }

    @Test
    void refusesASecondExclusivePublicationOfAVolume() {
        Volume writable = stored(ACME, true, nodes.get(0));
        publish(writable, alpha);

        assertThatThrownBy(() -> ports().transactions().write(() -> ports().publications().add(
                new Publication(writable.id(), beta.id(), true, NOW)))).isInstanceOf(RuntimeException.class);
        assertThat(ports().publications().ofVolume(writable.id())).extracting(Publication::host)
                .containsExactly(alpha.id());
    }

    @Test
    void aFailedWriteKeepsNoPublicationTargetOrProbe() {
        Volume volume = stored(ACME, true, nodes.get(0));

        assertThatThrownBy(() -> ports().transactions().write(() -> {
            ports().publications().add(new Publication(volume.id(), alpha.id(), true, NOW));
            Target target = Target.open(alpha.id(), nodes.get(0), NOW);
            target.expose(volume.replicas().get(0).id(), volume.id(), ACME);
            ports().publications().save(target);
            Host probed = ports().hosts().find(alpha.id()).orElseThrow();
            probed.probe(probed.details(), NOW.plusSeconds(5));
            ports().hosts().update(probed);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(ports().publications().isPublished(volume.id())).isFalse();
        assertThat(ports().publications().target(alpha.id(), nodes.get(0))).isEmpty();
        assertThat(ports().hosts().find(alpha.id()).orElseThrow().lastProbe()).isEqualTo(NOW);
    }

    // Node agents: generations bump in the transaction of the change, retired replicas are kept.

    private Map<NodeId, Long> generations() {
        return ports().transactions().read(() -> ports().agents().generations());
    }

    private long bumped(Map<NodeId, Long> before, NodeId node) {
        return generations().get(node) - before.get(node);
    }

    @Test
    void aRegisteredNodeStartsAtGenerationOne() {
        assertThat(generations()).containsOnlyKeys(nodes).allSatisfy((node, generation) ->
                assertThat(generation).isEqualTo(1L));
    }

    @Test
    void placingAVolumeBumpsExactlyTheNodesOfItsReplicas() {
        Map<NodeId, Long> before = generations();

        Volume volume = stored(ACME, true, nodes.get(0), nodes.get(1));

        assertThat(bumped(before, nodes.get(0))).isEqualTo(1);
        assertThat(bumped(before, nodes.get(1))).isEqualTo(1);
        assertThat(bumped(before, nodes.get(2))).isZero();
        assertThat(ports().transactions().read(() -> ports().volumes().onNode(nodes.get(1))))
                .extracting(Volume::id).containsExactly(volume.id());
        assertThat(ports().transactions().read(() -> ports().volumes().onNode(nodes.get(2)))).isEmpty();
    }

    @Test
    void expandingBumpsAndRecordingAReplicaStateDoesNot() {
        Volume volume = stored(ACME, true, nodes.get(0));
        Map<NodeId, Long> before = generations();

        volume.recordState(volume.replicas().get(0).id(), ReplicaState.MISSING, NOW);
        ports().transactions().write(() -> ports().volumes().update(volume));
        assertThat(bumped(before, nodes.get(0))).isZero();

        volume.expandTo(2 * Bytes.GIB);
        ports().transactions().write(() -> ports().volumes().update(volume));
        assertThat(bumped(before, nodes.get(0))).isEqualTo(1);
    }

    @Test
    void aReplicaAddedOrRemovedBumpsItsNodeAndARemovedOneIsRetiredUntilForgotten() {
        Volume volume = stored(ACME, true, nodes.get(0));
        Map<NodeId, Long> before = generations();

        Replica added = volume.addReplica(nodes.get(2), NOW);
        ports().transactions().write(() -> ports().volumes().update(volume));
        assertThat(bumped(before, nodes.get(2))).isEqualTo(1);

        volume.removeReplica(added.id());
        ports().transactions().write(() -> ports().volumes().update(volume));
        assertThat(bumped(before, nodes.get(2))).isEqualTo(2);
        assertThat(ports().transactions().read(() -> ports().agents().retired(nodes.get(2))))
                .containsExactly(added.id());
        assertThat(ports().transactions().read(() -> ports().agents().retired(nodes.get(0)))).isEmpty();

        ports().transactions().write(() -> ports().agents().keepRetired(nodes.get(2), List.of(added.id())));
        assertThat(ports().transactions().read(() -> ports().agents().retired(nodes.get(2))))
                .containsExactly(added.id());
        ports().transactions().write(() -> ports().agents().keepRetired(nodes.get(2),
                List.of(new ReplicaId("11111111-2222-3333-4444-555555555555"))));
        assertThat(ports().transactions().read(() -> ports().agents().retired(nodes.get(2)))).isEmpty();
    }

    @Test
    void deletingAVolumeRetiresEveryReplicaAndBumpsTheirNodes() {
        Volume volume = stored(ACME, true, nodes.get(0), nodes.get(1));
        Map<NodeId, Long> before = generations();

        ports().transactions().write(() -> ports().volumes().remove(volume.id()));

        assertThat(bumped(before, nodes.get(0))).isEqualTo(1);
        assertThat(bumped(before, nodes.get(1))).isEqualTo(1);
        assertThat(ports().transactions().read(() -> ports().agents().retired(nodes.get(1))))
                .containsExactly(volume.replicas().get(1).id());
    }

    @Test
    void aTargetSavedBumpsItsNodeAndAFailedTransactionBumpsNothing() {
        Volume volume = stored(ACME, true, nodes.get(1));
        Map<NodeId, Long> before = generations();

        publish(volume, alpha);
        assertThat(bumped(before, nodes.get(1))).isEqualTo(1);
        assertThat(bumped(before, nodes.get(0))).isZero();
        assertThat(ports().transactions().read(() -> ports().publications().targetsOn(nodes.get(1))))
                .extracting(Target::host).containsExactly(alpha.id());

        Volume unpublished = stored(ACME, true, nodes.get(1));
        Map<NodeId, Long> beforeRollback = generations();
        assertThatThrownBy(() -> ports().transactions().write(() -> {
            ports().volumes().remove(unpublished.id());
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(bumped(beforeRollback, nodes.get(1))).isZero();
        assertThat(ports().transactions().read(() -> ports().agents().retired(nodes.get(1)))).isEmpty();
    }

    @Test
    void aNodeStateChangeBumpsAndAReportIsKeptWhole() {
        Map<NodeId, Long> before = generations();
        StorageNode node = ports().nodes().find(nodes.get(0)).orElseThrow();
        node.changeState(NodeState.MAINTENANCE, NOW);
        ports().transactions().write(() -> ports().nodes().update(node));
        assertThat(bumped(before, nodes.get(0))).isEqualTo(1);

        AgentReport report = new AgentReport(nodes.get(0), NOW, Duration.ofSeconds(10), "agent 1.0", 7,
                100 * Bytes.GIB, 60 * Bytes.GIB, List.of(new AgentReport.SubsystemReport("nqn.x", "Failed", "no port")),
                List.of("strata-old.img"));
        ports().transactions().write(() -> ports().agents().saveReport(report));
        ports().transactions().write(() -> ports().agents().saveReport(report));

        assertThat(ports().transactions().read(() -> ports().agents().report(nodes.get(0)))).contains(report);
        assertThat(ports().transactions().read(() -> ports().agents().reports())).containsExactly(report);
        assertThat(bumped(before, nodes.get(0))).isEqualTo(1);
    }
}
