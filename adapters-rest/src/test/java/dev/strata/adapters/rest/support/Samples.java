package dev.strata.adapters.rest.support;

import dev.strata.application.mother.NodeDeclarations;
import dev.strata.application.mother.VolumeRequests;
import dev.strata.domain.access.AccessToken;
import dev.strata.domain.access.PasswordHash;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.access.Role;
import dev.strata.domain.access.RoleName;
import dev.strata.domain.access.User;
import dev.strata.domain.access.UserId;
import dev.strata.domain.access.UserName;
import dev.strata.domain.host.Host;
import dev.strata.domain.host.HostDetails;
import dev.strata.domain.host.HostId;
import dev.strata.domain.host.HostNqn;
import dev.strata.domain.node.Allocation;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.NodeState;
import dev.strata.domain.node.StorageNode;
import dev.strata.domain.tenant.Tenant;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.Replica;
import dev.strata.domain.volume.ReplicaId;
import dev.strata.domain.volume.ReplicaState;
import dev.strata.domain.volume.Snapshot;
import dev.strata.domain.volume.SnapshotId;
import dev.strata.domain.volume.Volume;
import dev.strata.domain.volume.VolumeId;
import dev.strata.domain.volume.VolumeSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Domain objects with fixed ids and times, for stubbed use cases to answer with. */
public final class Samples {

    public static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");
    public static final NodeId NODE = new NodeId("6f1c2a4e-0c1d-4b7a-9e3f-2d5c8b9a1e01");
    public static final NodeId OTHER_NODE = new NodeId("6f1c2a4e-0c1d-4b7a-9e3f-2d5c8b9a1e02");
    public static final VolumeId VOLUME = new VolumeId("0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f70");
    public static final ReplicaId REPLICA = new ReplicaId("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
    public static final SnapshotId SNAPSHOT = new SnapshotId("5e4d3c2b-1a09-4f8e-9d7c-6b5a49382716");
    public static final HostId HOST = new HostId("3c2b1a09-8f7e-4d6c-9b5a-493827160504");
    public static final TenantId ACME = new TenantId("acme");

    private Samples() {
    }

    /** Node number 3, {@code node-a} at 10.0.0.7 in rack r1, 100 GiB, nothing allocated. */
    public static StorageNode node() {
        return StorageNode.restore(NODE, 3, NodeDeclarations.aNode().withMgmtIps("10.0.0.7").named("node-a")
                .inRack("r1").withCapacityGiB(100).build(), NodeState.AVAILABLE, Allocation.NONE, NOW, NOW);
    }

    /** {@code data-1}: THIN 20 GiB in {@code tenant}, one Available replica on {@link #NODE}. */
    public static Volume volume(TenantId tenant) {
        return volume(VOLUME, tenant, "data-1");
    }

    public static Volume volume(VolumeId id, TenantId tenant, String alias) {
        VolumeSpec spec = VolumeRequests.aVolume().named(alias).thin(20).spec();
        return Volume.restore(id, tenant, spec, Optional.empty(), true, NOW,
                List.of(new Replica(REPLICA, NODE, ReplicaState.AVAILABLE, NOW)));
    }

    /** {@code snap-1} of {@link #VOLUME} in {@code tenant}, 20 GiB, on {@link #NODE}. */
    public static Snapshot snapshot(TenantId tenant) {
        return new Snapshot(SNAPSHOT, tenant, "snap-1", VOLUME, 20L << 30, 10, NOW, List.of(NODE));
    }

    /** {@code acme}: a 500 GiB budget with 20 GiB consumed. */
    public static Tenant tenant() {
        return Tenant.restore(ACME, "Acme", 500L << 30, 1000, 2000, 20L << 30, NOW);
    }

    /** {@code compute-1}, probing every 30 s, last probed {@link #NOW}. */
    public static Host host() {
        return Host.restore(HOST, new HostDetails(new HostNqn("nqn.2014-08.org.nvmexpress:uuid:" + HOST.value()),
                "compute-1", "Agent", "cinder-0.1", Duration.ofSeconds(30)), NOW, NOW);
    }

    /** User 501 {@code alice}, enabled, with role {@code operators}. */
    public static User user() {
        return User.restore(UserId.of(501), new UserName("alice"), new PasswordHash("$test$hash"), true,
                Optional.empty(), Set.of(new RoleName("operators")), NOW);
    }

    public static Role role() {
        return Role.restore(new RoleName("operators"), "runs volumes",
                EnumSet.of(Privilege.PRIVILEGE_VOLUME_READ, Privilege.PRIVILEGE_VOLUME_WRITE), false, 4);
    }

    /** Token {@code tok-1} of {@link #user()}, made by user 500, never expiring. */
    public static AccessToken token() {
        return AccessToken.restore("tok-1", UserId.of(501), Optional.of(UserId.of(500)), NOW, Optional.empty(), true,
                "secret-hash");
    }
}
