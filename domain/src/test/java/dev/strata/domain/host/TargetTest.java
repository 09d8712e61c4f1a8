package dev.strata.domain.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.ReplicaId;
import dev.strata.domain.volume.VolumeId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetTest {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    private static final NodeId NODE = new NodeId("5d1c7a36-1b3e-4c55-8f2a-0c1d2e3f4a5b");
    private static final HostId HOST = new HostId("9e8d7c6b-5a49-4837-a625-1403f2e1d0c9");

    private final Target target = Target.open(HOST, NODE, NOW);

    private Namespace expose(VolumeId volume) {
        return target.expose(ReplicaId.generate(), volume, TenantId.DEFAULT);
    }

    @Test
    void isNamedFromStratasPrefixAndTheHostAloneSoEveryNodeExportsTheSameName() {
        assertThat(target.name().value()).isEqualTo("nqn.2026-11.dev.strata:host:9e8d7c6b-5a49-4837-a625-1403f2e1d0c9");
        assertThat(new HostNqn(target.name().value())).isNotNull();
        Target onAnotherNode = Target.open(HOST, new NodeId("another-node"), NOW);
        assertThat(onAnotherNode.name()).isEqualTo(target.name());
        assertThat(onAnotherNode.name().serial()).isEqualTo(target.name().serial());
    }

    @Test
    void skipsTheNsidsTakenElsewhereOnTheHost() {
        assertThat(target.expose(ReplicaId.generate(), VolumeId.generate(), TenantId.DEFAULT, java.util.Set.of(1, 2, 4))
                .nsid()).isEqualTo(3);
        assertThat(target.expose(ReplicaId.generate(), VolumeId.generate(), TenantId.DEFAULT, java.util.Set.of(1, 2, 4))
                .nsid()).isEqualTo(5);
    }

    @Test
    void keepsTheNameItWasStoredWith() {
        TargetName legacy = new TargetName("nqn.2026-11.dev.strata:target:node:host");
        Target restored = Target.restore(HOST, NODE, legacy, NOW, List.of());
        assertThat(restored.name()).isEqualTo(legacy);
        assertThat(restored.copy().name()).isEqualTo(legacy);
    }

    @Test
    void givesEachNewNamespaceTheLowestFreeNsidAndReusesOnesReleased() {
        VolumeId a = VolumeId.generate();
        VolumeId b = VolumeId.generate();
        VolumeId c = VolumeId.generate();
        assertThat(expose(a).nsid()).isEqualTo(1);
        assertThat(expose(b).nsid()).isEqualTo(2);
        assertThat(expose(c).nsid()).isEqualTo(3);

        assertThat(target.withdraw(b)).extracting(Namespace::nsid).containsExactly(2);
        assertThat(expose(VolumeId.generate()).nsid()).isEqualTo(2);
        assertThat(expose(VolumeId.generate()).nsid()).isEqualTo(4);
        target.withdraw(a);
        assertThat(expose(VolumeId.generate()).nsid()).isEqualTo(1);
    }

    @Test
    void exposingAReplicaAgainKeepsItsNamespace() {
        ReplicaId replica = ReplicaId.generate();
        VolumeId volume = VolumeId.generate();

        Namespace first = target.expose(replica, volume, TenantId.DEFAULT);
        Namespace again = target.expose(replica, volume, TenantId.DEFAULT);

        assertThat(again).isEqualTo(first);
        assertThat(target.namespaces()).hasSize(1);
        assertThat(target.withdraw(replica)).contains(first);
        assertThat(target.isEmpty()).isTrue();
    }

    @Test
    void refusesANamespaceBeyondTheMost() {
        for (int i = 0; i < Target.MAX_NAMESPACES; i++) {
            expose(VolumeId.generate());
        }

        assertThatThrownBy(() -> expose(VolumeId.generate())).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.TOO_MANY_NAMESPACES);
    }

    @Test
    void showsATenantOnlyItsOwnNamespaces() {
        VolumeId mine = VolumeId.generate();
        target.expose(ReplicaId.generate(), VolumeId.generate(), new TenantId("other"));
        target.expose(ReplicaId.generate(), mine, new TenantId("acme"));

        Target seen = target.onlyOf(new TenantId("acme"));

        assertThat(seen.namespaces()).extracting(Namespace::volume).containsExactly(mine);
        assertThat(seen.namespaces().get(0).nsid()).isEqualTo(2);
        assertThat(target.namespaces()).hasSize(2);
    }

    @Test
    void restoringTwoNamespacesWithOneNsidIsABug() {
        Namespace one = new Namespace(1, ReplicaId.generate(), VolumeId.generate(), TenantId.DEFAULT);
        Namespace clash = new Namespace(1, ReplicaId.generate(), VolumeId.generate(), TenantId.DEFAULT);

        assertThatThrownBy(() -> Target.restore(HOST, NODE, NOW, List.of(one, clash)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
