package dev.strata.application.contract;

import static dev.strata.application.mother.NodeDeclarations.aNode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.application.fake.MutableClock;
import dev.strata.application.mother.Principals;
import dev.strata.application.mother.VolumeRequests;
import dev.strata.application.port.in.tenant.TenantDeclaration;
import dev.strata.application.port.in.volume.AddReplicaCommand;
import dev.strata.application.port.in.volume.ChangeVolumeCommand;
import dev.strata.application.port.in.volume.CloneVolumeCommand;
import dev.strata.application.port.in.volume.CreateSnapshotCommand;
import dev.strata.application.port.in.volume.ReplicaRef;
import dev.strata.application.port.in.volume.SnapshotRef;
import dev.strata.application.port.in.volume.VolumeFromSnapshotCommand;
import dev.strata.application.port.in.volume.VolumeRef;
import dev.strata.application.port.in.node.UpdateNodeCommand;
import dev.strata.domain.Bytes;
import dev.strata.domain.DomainException;
import dev.strata.domain.access.Principal;
import dev.strata.domain.node.Allocation;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.NodeState;
import dev.strata.domain.node.OvercommitLimit;
import dev.strata.domain.node.StorageNode;
import dev.strata.domain.tenant.Tenant;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.Replica;
import dev.strata.domain.volume.Snapshot;
import dev.strata.domain.volume.SnapshotId;
import dev.strata.domain.volume.Volume;
import dev.strata.domain.volume.VolumeId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Capacity accounting is exact: after any sequence of creates, expands, snapshots, clones, replica
 * changes and deletes, chosen by a seeded random walk, every node's counters and every tenant's
 * consumption equal what the stored replicas and snapshots account for, recomputed from scratch;
 * and the nodes' allocated media adds up to the tenants' consumption. Runs against the in-memory
 * fakes and against SQLite.
 */
public abstract class AccountingContract {

    private static final OvercommitLimit OVERCOMMIT = new OvercommitLimit(3.0);
    private static final List<String> TENANTS = List.of("0", "acme", "beta");

    protected abstract Ports ports();

    private final MutableClock clock = MutableClock.at("2026-04-01T00:00:00Z");
    private final Principal admin = Principals.admin();
    private Services services;
    private final List<NodeId> nodeIds = new ArrayList<>();
    private final Map<String, Integer> successes = new TreeMap<>();
    private final Map<String, Integer> refusals = new TreeMap<>();

    @BeforeEach
    void buildThePool() {
        services = Services.over(ports(), clock, OVERCOMMIT);
        String[] racks = {"r1", "r1", "r2", "r2", "r3", ""};
        long[] sizes = {200, 300, 250, 400, 150, 350};
        for (int i = 0; i < racks.length; i++) {
            nodeIds.add(services.nodes().register(admin, aNode().inRack(racks[i]).inZone(i % 2 == 0 ? "z1" : "z2")
                    .withCapacityGiB(sizes[i]).withIops(i == 5 ? 200_000 : 0).build()).id());
        }
        services.tenants().create(admin, new TenantDeclaration(Optional.of(new TenantId("acme")), "Acme",
                400 * Bytes.GIB, 0, 0));
        services.tenants().create(admin, new TenantDeclaration(Optional.of(new TenantId("beta")), "",
                250 * Bytes.GIB, 0, 0));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void countersEqualWhatReplicasAndSnapshotsAccountForAfterARandomWalk(long seed) {
        Random random = new Random(seed);
        for (int step = 1; step <= 300; step++) {
            clock.advance(Duration.ofSeconds(1));
            step(random);
            if (step % 50 == 0) {
                assertCountersMatchWhatExists();
            }
        }
        assertCountersMatchWhatExists();
        assertThat(successes).as("every kind of change happened: %s (refused: %s)", successes, refusals)
                .containsKeys("create", "expand", "snapshot", "deleteSnapshot", "snapshotVolume", "clone",
                        "addReplica", "removeReplica", "deleteVolume");
        assertThat(refusals).as("the walk also ran into limits").isNotEmpty();
    }

    private void step(Random random) {
        int dice = random.nextInt(100);
        String tenant = TENANTS.get(random.nextInt(TENANTS.size()));
        List<Volume> volumes = volumes(tenant);
        List<Snapshot> snapshots = snapshots(tenant);
        Optional<TenantId> named = Optional.of(new TenantId(tenant));
        if (dice < 28 || volumes.isEmpty()) {
            VolumeRequests request = VolumeRequests.aVolume().inTenant(tenant).withReplicas(1 + random.nextInt(3))
                    .reserving(random.nextInt(31));
            request = random.nextBoolean() ? request.thick(1 + random.nextInt(40)) : request.thin(1 + random.nextInt(120));
            if (random.nextInt(4) == 0) {
                request = request.sameRackAllowed();
            }
            if (random.nextInt(6) == 0) {
                request = request.withDesiredIopsPerGb(random.nextInt(200));
            }
            VolumeRequests chosen = request.withId(new VolumeId(uuid(random)));
            attempt("create", () -> services.volumes().create(admin, chosen.build()));
            return;
        }
        Volume volume = volumes.get(random.nextInt(volumes.size()));
        VolumeRef ref = new VolumeRef(named, volume.id());
        if (dice < 42) {
            long more = random.nextInt(25) * Bytes.GIB;
            attempt("expand", () -> services.volumes().change(admin, new ChangeVolumeCommand(ref,
                    Optional.of(volume.capacity() + more), Optional.empty())));
        } else if (dice < 54) {
            attempt("snapshot", () -> services.snapshots().create(admin, new CreateSnapshotCommand(named,
                    Optional.of(new SnapshotId(uuid(random))), "snap-" + random.nextInt(1_000_000), volume.id(), random.nextInt(21))));
        } else if (dice < 62 && !snapshots.isEmpty()) {
            Snapshot snapshot = snapshots.get(random.nextInt(snapshots.size()));
            attempt("deleteSnapshot", () -> services.snapshots().delete(admin, new SnapshotRef(named, snapshot.id())));
        } else if (dice < 68 && !snapshots.isEmpty()) {
            Snapshot snapshot = snapshots.get(random.nextInt(snapshots.size()));
            attempt("snapshotVolume", () -> services.snapshots().createFromSnapshot(admin,
                    new VolumeFromSnapshotCommand(named, Optional.of(new VolumeId(uuid(random))), "from-" + random.nextInt(1_000_000),
                            snapshot.id(), random.nextBoolean(), random.nextInt(21), Optional.empty(),
                            Optional.empty(), null)));
        } else if (dice < 72) {
            attempt("clone", () -> services.snapshots().cloneVolume(admin, new CloneVolumeCommand(named,
                    Optional.of(new VolumeId(uuid(random))), volume.id(), "clone-" + random.nextInt(1_000_000),
                    Optional.of(volume.capacity() + random.nextInt(5) * Bytes.GIB), Optional.empty())));
        } else if (dice < 78) {
            attempt("addReplica", () -> services.volumes().add(admin, new AddReplicaCommand(ref, Optional.empty(),
                    Optional.of(random.nextBoolean()))));
        } else if (dice < 84) {
            Replica replica = volume.replicas().get(random.nextInt(volume.replicas().size()));
            ReplicaRef replicaRef = new ReplicaRef(ref, replica.id());
            attempt("removeReplica", () -> {
                if (random.nextBoolean()) {
                    services.volumes().terminate(admin, replicaRef);
                }
                services.volumes().remove(admin, replicaRef);
            });
        } else if (dice < 96) {
            attempt("deleteVolume", () -> services.volumes().delete(admin, ref));
        } else {
            NodeId node = nodeIds.get(random.nextInt(nodeIds.size()));
            NodeState state = random.nextBoolean() ? NodeState.MAINTENANCE : NodeState.AVAILABLE;
            attempt("nodeState", () -> services.nodes().update(admin, new UpdateNodeCommand(node, Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.of(state))));
        }
    }

    /** Ids from the walk's own random source, so that one seed is one walk, whatever the store. */
    private static String uuid(Random random) {
        return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
    }

    private void attempt(String kind, Runnable change) {
        try {
            change.run();
            successes.merge(kind, 1, Integer::sum);
        } catch (DomainException refused) {
            refusals.merge(kind + ":" + refused.code().code(), 1, Integer::sum);
        }
    }

    private List<Volume> volumes(String tenant) {
        return read(() -> {
            try (Stream<Volume> stream = ports().volumes().stream(new TenantId(tenant), Optional.empty())) {
                return stream.toList();
            }
        });
    }

    private List<Snapshot> snapshots(String tenant) {
        return read(() -> ports().snapshots().all(new TenantId(tenant)));
    }

    private <T> T read(Supplier<T> work) {
        return ports().transactions().read(work);
    }

    private void assertCountersMatchWhatExists() {
        Map<NodeId, Allocation> expectedNodes = new HashMap<>();
        Map<TenantId, Long> expectedTenants = new HashMap<>();
        for (String name : TENANTS) {
            TenantId tenant = new TenantId(name);
            long consumed = 0;
            for (Volume volume : volumes(name)) {
                for (NodeId node : volume.nodes()) {
                    expectedNodes.merge(node, volume.replicaAllocation(), Allocation::plus);
                }
                consumed += volume.consumedCapacity();
            }
            for (Snapshot snapshot : snapshots(name)) {
                for (NodeId node : snapshot.nodes()) {
                    expectedNodes.merge(node, snapshot.copyAllocation(), Allocation::plus);
                }
                consumed += snapshot.consumedCapacity();
            }
            expectedTenants.put(tenant, consumed);
        }
        long nodesAllocated = 0;
        for (StorageNode node : read(() -> ports().nodes().all())) {
            assertThat(node.allocated()).as("node %d", node.number())
                    .isEqualTo(expectedNodes.getOrDefault(node.id(), Allocation.NONE));
            assertThat(node.allocated().capacity()).isLessThanOrEqualTo(node.totalCapacity());
            assertThat(node.allocated().provisioned()).isLessThanOrEqualTo(OVERCOMMIT.promiseLimit(node.totalCapacity()));
            nodesAllocated += node.allocated().capacity();
        }
        long tenantsConsumed = 0;
        for (Tenant tenant : read(() -> ports().tenants().all())) {
            assertThat(tenant.consumed()).as("tenant %s", tenant.id())
                    .isEqualTo(expectedTenants.getOrDefault(tenant.id(), 0L));
            if (!tenant.isDefault()) {
                assertThat(tenant.consumed()).isLessThanOrEqualTo(tenant.capacity());
            }
            tenantsConsumed += tenant.consumed();
        }
        assertThat(nodesAllocated).as("what the nodes gave equals what the tenants consume").isEqualTo(tenantsConsumed);
    }
}
