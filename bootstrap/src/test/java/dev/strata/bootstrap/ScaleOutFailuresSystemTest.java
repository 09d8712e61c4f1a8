package dev.strata.bootstrap;

import static dev.strata.bootstrap.support.NodeJson.aNode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.persistence.DatabaseUrl;
import dev.strata.adapters.persistence.postgresql.PostgresServer;
import dev.strata.bootstrap.support.Api;
import dev.strata.bootstrap.support.Reply;
import dev.strata.bootstrap.support.StrataProcess;
import dev.strata.bootstrap.support.TestServer;
import dev.strata.bootstrap.support.Tls;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three Strata instances on one PostgreSQL when something fails: one instance dies by SIGKILL while
 * clients change volumes through all three, or the database itself goes away and comes back.
 */
class ScaleOutFailuresSystemTest {

    private static final int CLIENTS_PER_INSTANCE = 3;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 60;
    private static final int ACKNOWLEDGED_AFTER_KILL = 30;

    @TempDir
    Path dir;

    private final List<TestServer> servers = new ArrayList<>();
    private PostgresServer postgres;
    private DatabaseUrl.Postgresql url;

    @AfterEach
    void stop() {
        servers.forEach(TestServer::close);
        if (postgres == PostgresServer.shared()) {
            postgres.dropDatabase(url);
        }
    }

    private TestServer startInstance(int n) {
        TestServer server = TestServer.start(dir.resolve("instance-" + n),
                settings -> settings.withDatabase(url, Optional.of(PostgresServer.PASSWORD)));
        servers.add(server);
        return server;
    }

    @Test
    void everyAcknowledgedChangeIsSeenFromTheSurvivorsAfterOneInstanceIsKilled() throws Exception {
        postgres = PostgresServer.shared();
        url = postgres.newDatabase();
        startInstance(0);
        startInstance(1);
        Path processData = dir.resolve("instance-2");
        Set<String> created = ConcurrentHashMap.newKeySet();
        Set<String> deleted = ConcurrentHashMap.newKeySet();
        Set<String> unanswered = ConcurrentHashMap.newKeySet();
        Set<String> refused = ConcurrentHashMap.newKeySet();
        Set<String> failures = ConcurrentHashMap.newKeySet();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();

        try (StrataProcess doomed = StrataProcess.start(processData, Map.of(
                "STRATA_DATABASE_PASSWORD", PostgresServer.PASSWORD,
                "STRATA_ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD), "--database", url.toString())) {
            Api doomedApi = new Api(doomed.baseUri(), Tls.trusting(processData.resolve("tls/server.crt")))
                    .withBasic("admin", TestServer.ADMIN_PASSWORD);
            for (int i = 1; i <= 2; i++) {
                assertThat(doomedApi.post("/backends", aNode().at("10.33.0." + i).onRack("r" + i)
                        .withCapacityGiB(100000).json()).status()).isEqualTo(201);
            }
            List<Api> instances = List.of(servers.get(0).api(), servers.get(1).api(), doomedApi);
            for (int c = 0; c < 3 * CLIENTS_PER_INSTANCE; c++) {
                Api client = instances.get(c % 3);
                // the doomed instance's clients may lose a request when it dies; the survivors' may not
                Set<String> failed = c % 3 == 2 ? ConcurrentHashMap.newKeySet() : failures;
                Random random = new Random(c);
                Thread thread = new Thread(() -> churn(client, random, created, deleted, unanswered, refused,
                        failed, acknowledged, stop), "scale-out-client-" + c);
                thread.start();
                clients.add(thread);
            }
            awaitAcknowledged(acknowledged, ACKNOWLEDGED_BEFORE_KILL);
            doomed.kill();
        }
        int atKill = acknowledged.get();
        awaitAcknowledged(acknowledged, atKill + ACKNOWLEDGED_AFTER_KILL);
        stop.set(true);
        for (Thread thread : clients) {
            thread.join(120_000);
        }

        assertThat(failures).as("answers other than success from the survivors").isEmpty();
        assertThat(acknowledged.get()).as("the survivors went on serving after the kill")
                .isGreaterThanOrEqualTo(atKill + ACKNOWLEDGED_AFTER_KILL);
        Set<String> kept = new HashSet<>(created);
        kept.removeAll(deleted);
        kept.removeAll(unanswered);
        Set<String> asked = new HashSet<>(created);
        asked.addAll(unanswered);
        for (TestServer survivor : servers) {
            Api api = survivor.api();
            Set<String> present = new HashSet<>();
            long replicaGiB = 0;
            for (JsonNode volume : api.get("/volumes").json()) {
                present.add(volume.path("uuid").asText());
                replicaGiB += volume.path("capacity").asLong() * volume.path("location").size();
            }
            assertThat(present).as("every acknowledged create is there").containsAll(kept);
            assertThat(present).as("every acknowledged delete stays done").noneMatch(deleted::contains);
            assertThat(asked).as("nothing appears that no client asked for").containsAll(present);
            assertThat(present).as("no create refused with 503 happened").noneMatch(refused::contains);
            long allocated = 0;
            long provisioned = 0;
            for (JsonNode node : api.get("/backends").json()) {
                allocated += node.path("totalCapacity").asLong() - node.path("availableCapacity").asLong();
                provisioned += node.path("provisionedCapacity").asLong();
            }
            assertThat(allocated).as("node counters match the volumes there").isEqualTo(replicaGiB);
            assertThat(provisioned).isEqualTo(replicaGiB);
            assertThat(api.get("/tenants").json().get(0).path("consumedCapacity").asLong())
                    .as("the tenant's counter matches the volumes there").isEqualTo(replicaGiB);
        }
    }

    /** Waits (at most two minutes) until the clients have had {@code count} changes acknowledged. */
    private static void awaitAcknowledged(AtomicInteger acknowledged, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (acknowledged.get() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(acknowledged.get()).as("changes acknowledged").isGreaterThanOrEqualTo(count);
    }

    /**
     * Creates volumes and deletes some of its own, recording what the server acknowledged, and what
     * it refused as {@code Unavailable} (a write that lost to others more often than it retries).
     */
    private static void churn(Api api, Random random, Set<String> created, Set<String> deleted,
                              Set<String> unanswered, Set<String> refused, Set<String> failures,
                              AtomicInteger acknowledged, AtomicBoolean stop) {
        List<String> mine = new ArrayList<>();
        while (!stop.get()) {
            boolean delete = !mine.isEmpty() && random.nextInt(3) == 0;
            String uuid = delete ? mine.remove(random.nextInt(mine.size())) : UUID.randomUUID().toString();
            unanswered.add(uuid);
            Reply reply;
            try {
                reply = delete ? api.delete("/volumes/" + uuid) : api.post("/volumes", "{\"alias\": \"s-" + uuid
                        + "\", \"capacity\": " + (1 + random.nextInt(4)) + ", \"uuid\": \"" + uuid
                        + "\", \"storageClass\": {\"numReplicas\": " + (1 + random.nextInt(2)) + "}}");
            } catch (AssertionError connectionLost) {
                failures.add(connectionLost.toString());
                return; // the instance died mid-request: this change may or may not have happened
            }
            if (reply.status() == 503 && reply.errorStatus().equals("Unavailable")) {
                // a write that lost its race too often is refused whole: it changed nothing
                if (delete) {
                    mine.add(uuid);
                } else {
                    refused.add(uuid);
                }
                unanswered.remove(uuid);
                continue;
            }
            if (reply.status() != (delete ? 200 : 201)) {
                failures.add(reply.toString());
                return;
            }
            (delete ? deleted : created).add(uuid);
            if (!delete) {
                mine.add(uuid);
            }
            unanswered.remove(uuid);
            acknowledged.incrementAndGet();
        }
    }

    @Test
    void withPostgresqlStoppedEveryInstanceAnswers503SoonAndServesAgainOnceItIsBack() {
        postgres = PostgresServer.dedicated();
        url = postgres.newDatabase();
        for (int i = 0; i < 3; i++) {
            startInstance(i);
        }
        Reply node = servers.get(0).api().post("/backends", aNode().at("10.34.0.1").withCapacityGiB(100).json());
        assertThat(node.status()).as(node.toString()).isEqualTo(201);
        // no request may hang: each must answer well within the pool's 3 s wait plus a margin for a busy machine
        List<Api> admins = servers.stream().map(s -> s.api().withTimeout(Duration.ofSeconds(20))).toList();

        postgres.stopServer();
        for (Api api : admins) {
            Reply read = api.get("/backends");
            read.assertErrorBody(503);
            assertThat(read.errorStatus()).isEqualTo("Unavailable");
            Reply write = api.post("/volumes", "{\"alias\": \"outage\", \"capacity\": 1}");
            write.assertErrorBody(503);
            assertThat(write.errorStatus()).isEqualTo("Unavailable");
            Reply ready = api.anonymous().get("/readyz");
            assertThat(ready.status()).as(ready.toString()).isEqualTo(503);
            Reply healthy = api.anonymous().get("/healthz");
            assertThat(healthy.status()).as(healthy.toString()).isEqualTo(200);
        }

        postgres.startServer();
        for (int i = 0; i < admins.size(); i++) {
            Api api = admins.get(i);
            // the pool finds the server again by itself, backing off at most 5 s between attempts
            int status = 0;
            for (int attempt = 0; attempt < 20 && status != 200; attempt++) {
                status = api.anonymous().get("/readyz").status();
            }
            assertThat(status).as("ready again without a restart").isEqualTo(200);
            assertThat(api.get("/backends").json().findValuesAsText("persistentID"))
                    .containsExactly(node.json().path("persistentID").asText());
            Reply created = api.post("/volumes", "{\"alias\": \"after-" + i + "\", \"capacity\": 1}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
        assertThat(admins.get(0).get("/volumes").json()).hasSize(3);
    }
}
