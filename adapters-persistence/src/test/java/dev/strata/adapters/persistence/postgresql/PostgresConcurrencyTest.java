package dev.strata.adapters.persistence.postgresql;

import dev.strata.domain.node.OvercommitLimit;
import static dev.strata.application.mother.NodeDeclarations.aNode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.persistence.DatabaseUrl;
import dev.strata.application.contract.Ports;
import dev.strata.application.contract.Services;
import dev.strata.application.fake.MutableClock;
import dev.strata.application.mother.Principals;
import dev.strata.application.mother.VolumeRequests;
import dev.strata.domain.Bytes;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.node.StorageNode;
import dev.strata.application.port.in.tenant.TenantDeclaration;
import dev.strata.domain.tenant.TenantId;
import dev.strata.application.mother.HostProbes;
import dev.strata.application.port.in.host.PublishCommand;
import dev.strata.application.port.in.volume.ReplicaRef;
import dev.strata.application.port.in.volume.VolumeRef;
import dev.strata.domain.volume.ReplicaState;
import dev.strata.domain.volume.Volume;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The write rule across processes: three databases on one PostgreSQL, as three Strata instances
 * would have, each with a pool of its own; creates through all three at once against room for
 * exactly N. Exactly N succeed, the rest are refused for capacity, and the accounting is exact.
 */
class PostgresConcurrencyTest {

    private static final int INSTANCES = 3;
    private static final int CLIENTS = 48;

    private final MutableClock clock = MutableClock.at("2026-04-01T00:00:00Z");
    private DatabaseUrl.Postgresql url;
    private final List<PostgresDatabase> instances = new ArrayList<>();
    private final List<Services> services = new ArrayList<>();

    @BeforeEach
    void startThreeInstances() {
        url = PostgresServer.shared().newDatabase();
        for (int i = 0; i < INSTANCES; i++) {
            PostgresDatabase db = PostgresDatabase.at(url, Optional.of(PostgresServer.PASSWORD));
            db.open();
            instances.add(db);
            services.add(Services.over(new Ports(db.nodes(), db.tenants(), db.volumes(), db.snapshots(), db.hosts(),
                    db.publications(), db.auditLog(), db.transactions(), db.nodeAgents(), db.tasks(), db.hostEvents()), clock,
                    new OvercommitLimit(1.0)));
        }
    }

    @AfterEach
    void stop() {
        instances.forEach(PostgresDatabase::close);
        PostgresServer.shared().dropDatabase(url);
    }

    @Test
    void nodeCapacityForExactlyTenIsGivenToExactlyTenAcrossInstances() throws Exception {
        StorageNode node = services.get(0).nodes().register(Principals.admin(), aNode().withCapacityGiB(10).build());
        Outcome outcome = raceCreates("0", ErrorCode.INSUFFICIENT_CAPACITY);
        assertThat(outcome.created).hasSize(10);
        assertThat(outcome.refused).hasSize(CLIENTS - 10);
        PostgresDatabase other = instances.get(2);
        StorageNode after = other.transactions().read(() -> other.nodes().find(node.id())).orElseThrow();
        assertThat(after.allocated().capacity()).isEqualTo(10 * Bytes.GIB);
        assertThat(after.availableCapacity()).isZero();
        assertThat(other.transactions().read(() -> other.volumes().page(new TenantId("0"), Optional.empty(), 100)))
                .hasSize(10);
    }

    @Test
    void aTenantBudgetForExactlyFiveIsGivenToExactlyFiveAcrossInstances() throws Exception {
        services.get(0).nodes().register(Principals.admin(), aNode().withCapacityGiB(1000).build());
        services.get(1).tenants().create(Principals.admin(), new TenantDeclaration(Optional.of(new TenantId("acme")),
                "Acme", 5 * Bytes.GIB, 0, 0));
        Outcome outcome = raceCreates("acme", ErrorCode.TENANT_BUDGET_EXCEEDED);
        assertThat(outcome.created).hasSize(5);
        assertThat(outcome.refused).hasSize(CLIENTS - 5);
        PostgresDatabase other = instances.get(2);
        assertThat(other.transactions().read(() -> other.tenants().find(new TenantId("acme"))).orElseThrow()
                .consumed()).isEqualTo(5 * Bytes.GIB);
    }

    @Test
    void aWriteThroughOneInstanceChangesTheCommitCountEveryInstanceSees() {
        long[] before = instances.stream().mapToLong(db -> db.transactions().committedWrites()).toArray();
        services.get(0).nodes().register(Principals.admin(), aNode().withCapacityGiB(1).build());
        for (int i = 0; i < INSTANCES; i++) {
            assertThat(instances.get(i).transactions().committedWrites()).as("instance %d", i)
                    .isGreaterThan(before[i]);
        }
        long after = instances.get(1).transactions().committedWrites();
        assertThat(instances.get(2).transactions().committedWrites()).as("no write since").isEqualTo(after);
    }

    @Test
    void selfHealingOnEveryInstanceAtOnceStartsOneRepairNotThree() throws Exception {
        for (String rack : List.of("r1", "r2", "r3")) {
            services.get(0).nodes().register(Principals.admin(), aNode().inRack(rack).withCapacityGiB(100).build());
        }
        Volume volume = services.get(0).volumes().create(Principals.admin(), VolumeRequests.aVolume().withReplicas(2)
                .healingAfter(1).build()).value();
        HostProbes host = HostProbes.aHost();
        services.get(1).hosts().probe(Principals.admin(), host.build());
        VolumeRef ref = new VolumeRef(Optional.empty(), volume.id());
        services.get(1).publications().publish(Principals.admin(), new PublishCommand(ref, host.id()));
        services.get(2).volumes().record(Principals.admin(), new ReplicaRef(ref, volume.replicas().get(0).id()),
                ReplicaState.MISSING);
        clock.advance(Duration.ofMinutes(2));

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService healers = Executors.newFixedThreadPool(INSTANCES);
        List<Future<Integer>> started = new ArrayList<>();
        try {
            for (Services instance : services) {
                started.add(healers.submit(() -> {
                    go.await();
                    return instance.tasks().heal().migrating().size();
                }));
            }
            go.countDown();
            int total = 0;
            for (Future<Integer> future : started) {
                total += future.get(120, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(1);
        } finally {
            healers.shutdownNow();
        }
        PostgresDatabase other = instances.get(2);
        assertThat(other.transactions().read(() -> other.tasks().all())).hasSize(1);
        assertThat(other.transactions().read(() -> other.volumes().find(volume.id())).orElseThrow().replicas())
                .hasSize(3);
    }

    private record Outcome(List<String> created, List<ErrorCode> refused) {
    }

    /** {@link #CLIENTS} creates of a thick 1 GiB volume, spread over the instances, all let go at once. */
    private Outcome raceCreates(String tenant, ErrorCode refusal) throws Exception {
        List<String> created = new ArrayList<>();
        List<ErrorCode> refused = new ArrayList<>();
        ConcurrentHashMap<Integer, Object> results = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                Services through = services.get(i % INSTANCES);
                done.add(clients.submit(() -> {
                    go.await();
                    try {
                        results.put(client, through.volumes().create(Principals.admin(),
                                VolumeRequests.aVolume().inTenant(tenant).thick(1).build()).value().id().value());
                    } catch (DomainException e) {
                        results.put(client, e.code());
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
        results.values().forEach(r -> {
            if (r instanceof ErrorCode code) {
                refused.add(code);
            } else {
                created.add((String) r);
            }
        });
        assertThat(refused).containsOnly(refusal);
        return new Outcome(created, refused);
    }
}
