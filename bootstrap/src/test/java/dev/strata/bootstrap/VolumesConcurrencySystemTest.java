package dev.strata.bootstrap;

import static dev.strata.bootstrap.support.NodeJson.aNode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.bootstrap.support.Api;
import dev.strata.bootstrap.support.Reply;
import dev.strata.bootstrap.support.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Many clients, each on its own HTTPS connection, racing for the last of the space: exactly as many
 * succeed as there is room for, the rest get 507, and nothing is overcommitted or leaked. With 32
 * and with 64 clients: on SQLite the creates that arrive together share a commit (group commit),
 * each checking capacity after the ones before it in the batch.
 */
class VolumesConcurrencySystemTest {

    @TempDir
    Path dataDir;

    private TestServer server;
    private Api api;

    @BeforeEach
    void start() {
        server = TestServer.start(dataDir);
        api = server.api();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void register(String ip, String rack, int gib) {
        assertThat(api.post("/backends", aNode().at(ip).onRack(rack).withCapacityGiB(gib).json()).status())
                .isEqualTo(201);
    }

    /** Every client sends one create at the same moment; answers counted by HTTP status and error status. */
    private Map<String, Integer> race(String path, int count) throws Exception {
        List<Api> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Api client = server.api();
            assertThat(client.get("/readyz").status()).isEqualTo(200);
            clients.add(client);
        }
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch gate = new CountDownLatch(1);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Api client = clients.get(i);
                String body = "{\"alias\": \"race-" + i + "\", \"capacity\": 1, \"uuid\": \"" + UUID.randomUUID() + "\"}";
                replies.add(pool.submit(() -> {
                    gate.await();
                    return client.post(path, body);
                }));
            }
            gate.countDown();
            Map<String, Integer> outcomes = new TreeMap<>();
            for (Future<Reply> reply : replies) {
                Reply answer = reply.get(2, TimeUnit.MINUTES);
                String key = answer.status() == 201 ? "201" : answer.status() + " " + answer.errorStatus();
                outcomes.merge(key, 1, Integer::sum);
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private long consumed(String tenant) {
        for (JsonNode t : api.get("/tenants").json()) {
            if (t.path("tenantId").asText().equals(tenant)) {
                return t.path("consumedCapacity").asLong();
            }
        }
        throw new AssertionError("no tenant " + tenant);
    }

    @ParameterizedTest(name = "{0} clients")
    @ValueSource(ints = {32, 64})
    void exactlyAsManyCreatesSucceedAsTheNodesHaveRoomFor(int clients) throws Exception {
        register("10.60.0.1", "r1", 12);
        register("10.60.0.2", "r2", 12);

        Map<String, Integer> outcomes = race("/volumes", clients);

        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of("201", 24,
                "507 InsufficientCapacity", clients - 24));
        for (JsonNode node : api.get("/backends").json()) {
            assertThat(node.path("availableCapacity").asLong()).isZero();
            assertThat(node.path("provisionedCapacity").asLong()).isEqualTo(12);
        }
        assertThat(api.get("/volumes").json()).hasSize(24);
        assertThat(consumed("0")).isEqualTo(24);
        assertThat(api.get("/info").json().path("totalFreeSpace").asLong()).isZero();
    }

    @ParameterizedTest(name = "{0} clients")
    @ValueSource(ints = {32, 64})
    void exactlyAsManyCreatesSucceedAsTheTenantsBudgetAllows(int clients) throws Exception {
        register("10.60.1.1", "r1", 1000);
        register("10.60.1.2", "r2", 1000);
        assertThat(api.post("/tenants", "{\"tenantId\": \"acme\", \"capacity\": 15}").status()).isEqualTo(201);

        Map<String, Integer> outcomes = race("/acme/volumes", clients);

        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of("201", 15,
                "507 TenantBudgetExceeded", clients - 15));
        assertThat(api.get("/acme/volumes").json()).hasSize(15);
        assertThat(consumed("acme")).isEqualTo(15);
        long allocated = 0;
        for (JsonNode node : api.get("/backends").json()) {
            allocated += node.path("totalCapacity").asLong() - node.path("availableCapacity").asLong();
        }
        assertThat(allocated).as("the nodes gave exactly what the tenant consumes").isEqualTo(15);
    }
}
