package dev.strata.bootstrap;

import static dev.strata.bootstrap.support.NodeJson.aNode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.persistence.DatabaseUrl;
import dev.strata.adapters.persistence.postgresql.PostgresServer;
import dev.strata.bootstrap.support.Api;
import dev.strata.bootstrap.support.Reply;
import dev.strata.bootstrap.support.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three Strata servers over HTTPS on one PostgreSQL database: each acts on the others' changes from
 * its next request, and together they keep the capacity rules exactly as one server does.
 */
class ScaleOutSystemTest {

    private static final int CLIENTS = 64;

    @TempDir
    Path dir;

    private DatabaseUrl.Postgresql url;
    private final List<TestServer> servers = new ArrayList<>();

    @BeforeEach
    void startThree() {
        url = PostgresServer.shared().newDatabase();
        for (int i = 0; i < 3; i++) {
            servers.add(TestServer.start(dir.resolve("instance-" + i),
                    settings -> settings.withDatabase(url, Optional.of(PostgresServer.PASSWORD))));
        }
    }

    @AfterEach
    void stop() {
        servers.forEach(TestServer::close);
        PostgresServer.shared().dropDatabase(url);
    }

    private Api admin(int instance) {
        return servers.get(instance).api();
    }

    /** A user made through instance 0, with {@code monitor} (which may read the backends). */
    private String user(String name, String password) {
        Reply user = admin(0).post("/v1/users/", "{\"name\": \"" + name + "\", \"password\": \"" + password
                + "\", \"roles\": [\"monitor\"], \"tenant_id\": null}");
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        return user.json().path("id").asText();
    }

    /** The same client credentials on each of the three instances. */
    private List<Api> onEach(java.util.function.UnaryOperator<Api> credentials) {
        return servers.stream().map(s -> credentials.apply(s.anonymous())).toList();
    }

    private static void assertStatusOnEach(List<Api> clients, int status) {
        for (Api client : clients) {
            Reply reply = client.get("/backends");
            assertThat(reply.status()).as(client.base() + ": " + reply).isEqualTo(status);
        }
    }

    @Test
    void aNodeRegisteredThroughOneIsListedByTheOthersAtOnce() {
        Reply created = admin(0).post("/backends", """
                {"mgmtIPs": ["10.30.0.1"], "rack": "r1", "zone": "z1", "region": "eu", "totalCapacity": 1024,
                 "portals": [{"ip": "10.30.0.1", "port": 4420, "transport": "TCP"}]}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("persistentID").asText();
        for (int other = 1; other < 3; other++) {
            assertThat(admin(other).get("/backends").json().findValuesAsText("persistentID")).containsExactly(id);
            Reply numbered = admin(other).get("/v1/cluster/nodes/1");
            assertThat(numbered.status()).as(numbered.toString()).isEqualTo(200);
            assertThat(numbered.json().path("uuid").asText()).isEqualTo(id);
        }

        Reply second = admin(1).post("/backends", aNode().at("10.30.0.2").json());
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(admin(2).get("/v1/cluster/nodes/2").json().path("uuid").asText())
                .as("node numbers are handed out once for all instances")
                .isEqualTo(second.json().path("persistentID").asText());
        assertThat(admin(2).delete("/backends/" + id).status()).isEqualTo(200);
        assertThat(admin(0).get("/backends/" + id).status()).as("removed through another").isEqualTo(404);
        assertThat(admin(1).get("/v1/cluster/nodes/1").status()).isEqualTo(404);
    }

    /** Every client sends one create at the same moment, client i through instance i mod 3. */
    private Map<String, Integer> race(String path) throws Exception {
        List<Api> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Api client = admin(i % 3);
            assertThat(client.get("/readyz").status()).isEqualTo(200);
            clients.add(client);
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch gate = new CountDownLatch(1);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                Api client = clients.get(i);
                String body = "{\"alias\": \"race-" + i + "\", \"capacity\": 1, \"uuid\": \"" + UUID.randomUUID()
                        + "\"}";
                replies.add(pool.submit(() -> {
                    gate.await();
                    return client.post(path, body);
                }));
            }
            gate.countDown();
            Map<String, Integer> outcomes = new TreeMap<>();
            for (Future<Reply> reply : replies) {
                Reply answer = reply.get(5, TimeUnit.MINUTES);
                String key = answer.status() == 201 ? "201" : answer.status() + " " + answer.errorStatus();
                outcomes.merge(key, 1, Integer::sum);
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long consumed(Api api, String tenant) {
        for (JsonNode t : api.get("/tenants").json()) {
            if (t.path("tenantId").asText().equals(tenant)) {
                return t.path("consumedCapacity").asLong();
            }
        }
        throw new AssertionError("no tenant " + tenant);
    }

    private static long allocated(Api api) {
        long allocated = 0;
        for (JsonNode node : api.get("/backends").json()) {
            allocated += node.path("totalCapacity").asLong() - node.path("availableCapacity").asLong();
            assertThat(node.path("provisionedCapacity").asLong())
                    .isEqualTo(node.path("totalCapacity").asLong() - node.path("availableCapacity").asLong());
        }
        return allocated;
    }

    @Test
    void sixtyFourClientsOverThreeInstancesGetExactlyTheRoomOfTheNodes() throws Exception {
        assertThat(admin(0).post("/backends", aNode().at("10.31.0.1").onRack("r1").withCapacityGiB(12).json())
                .status()).isEqualTo(201);
        assertThat(admin(1).post("/backends", aNode().at("10.31.0.2").onRack("r2").withCapacityGiB(12).json())
                .status()).isEqualTo(201);

        Map<String, Integer> outcomes = race("/volumes");

        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of("201", 24,
                "507 InsufficientCapacity", CLIENTS - 24));
        for (int i = 0; i < 3; i++) {
            Api api = admin(i);
            for (JsonNode node : api.get("/backends").json()) {
                assertThat(node.path("availableCapacity").asLong()).isZero();
                assertThat(node.path("provisionedCapacity").asLong()).isEqualTo(12);
            }
            assertThat(api.get("/volumes").json()).hasSize(24);
            assertThat(consumed(api, "0")).isEqualTo(24);
            assertThat(api.get("/info").json().path("totalFreeSpace").asLong()).isZero();
        }
    }

    @Test
    void sixtyFourClientsOverThreeInstancesGetExactlyTheTenantsBudget() throws Exception {
        assertThat(admin(0).post("/backends", aNode().at("10.32.0.1").onRack("r1").withCapacityGiB(1000).json())
                .status()).isEqualTo(201);
        assertThat(admin(1).post("/backends", aNode().at("10.32.0.2").onRack("r2").withCapacityGiB(1000).json())
                .status()).isEqualTo(201);
        assertThat(admin(2).post("/tenants", "{\"tenantId\": \"acme\", \"capacity\": 15}").status()).isEqualTo(201);

        Map<String, Integer> outcomes = race("/acme/volumes");

        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of("201", 15,
                "507 TenantBudgetExceeded", CLIENTS - 15));
        for (int i = 0; i < 3; i++) {
            Api api = admin(i);
            assertThat(api.get("/acme/volumes").json()).hasSize(15);
            assertThat(consumed(api, "acme")).isEqualTo(15);
            assertThat(allocated(api)).as("the nodes gave exactly what the tenant consumes").isEqualTo(15);
        }
    }

    @Test
    void aUserDisabledThroughOneIsRefusedByTheOthersOnTheirNextRequest() {
        String id = user("ops", "ops-password-1");
        List<Api> ops = onEach(api -> api.withBasic("ops", "ops-password-1"));
        // checked (then remembered) by every instance
        assertStatusOnEach(ops, 200);

        Reply disabled = admin(0).put("/v1/users/" + id, "{\"enabled\": false}");
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);

        assertStatusOnEach(ops.subList(1, 3), 401);
    }

    @Test
    void aRevokedAccessTokenAndAnEndedSessionAreRefusedByTheOthersOnTheirNextRequest() {
        user("cinder", "cinder-password-1");
        Reply issued = admin(0).post("/v1/auth/access-tokens/", "{\"user\": {\"name\": \"cinder\"}}");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        List<Api> token = onEach(api -> api.withBearer(issued.json().path("bearer_token").asText()));
        Reply login = servers.get(0).anonymous().post("/v1/session/login",
                "{\"username\": \"cinder\", \"password\": \"cinder-password-1\"}");
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        List<Api> session = onEach(api -> api.withBearer(login.json().path("bearer_token").asText()));
        assertStatusOnEach(token, 200);
        assertStatusOnEach(session, 200);

        Reply revoked = admin(0).delete("/v1/auth/access-tokens/" + issued.json().path("id").asText());
        assertThat(revoked.status()).as(revoked.toString()).isIn(200, 204);
        Reply logout = session.get(0).post("/v1/session/logout", null);
        assertThat(logout.status()).as(logout.toString()).isIn(200, 204);

        assertStatusOnEach(token.subList(1, 3), 401);
        assertStatusOnEach(session.subList(1, 3), 401);
    }

    @Test
    void aChangedPasswordOrRoleTakesEffectOnTheOthersOnTheirNextRequest() {
        String id = user("dora", "dora-password-1");
        List<Api> old = onEach(api -> api.withBasic("dora", "dora-password-1"));
        assertStatusOnEach(old, 200);

        Reply changed = admin(0).post("/v1/users/" + id + "/setpassword", "{\"new_password\": \"dora-password-2\"}");
        assertThat(changed.status()).as(changed.toString()).isIn(200, 204);
        assertStatusOnEach(old.subList(1, 3), 401);
        List<Api> renewed = onEach(api -> api.withBasic("dora", "dora-password-2"));
        assertStatusOnEach(renewed, 200);

        Reply removed = admin(0).delete("/v1/auth/roles/monitor/members/" + id);
        assertThat(removed.status()).as(removed.toString()).isIn(200, 204);
        assertStatusOnEach(renewed.subList(1, 3), 403);
    }

    @Test
    void fiveFailedLoginsSpreadOverTheThreeLockTheAccountOnAll() {
        user("eve", "eve-password-1");
        List<Api> good = onEach(api -> api.withBasic("eve", "eve-password-1"));
        // remembered by every instance before the lock
        assertStatusOnEach(good, 200);

        for (int attempt = 0; attempt < 5; attempt++) {
            Reply refused = servers.get(attempt % 3).anonymous().post("/v1/session/login",
                    "{\"username\": \"eve\", \"password\": \"guess-" + attempt + "\"}");
            assertThat(refused.assertErrorBody(401)).isEqualTo("bad credentials");
        }

        for (Api client : good) {
            Reply locked = client.get("/backends");
            locked.assertErrorBody(429);
            assertThat(locked.errorStatus()).isEqualTo("TooManyAttempts");
        }
        for (TestServer server : servers) {
            Reply login = server.anonymous().post("/v1/session/login",
                    "{\"username\": \"EVE\", \"password\": \"eve-password-1\"}");
            assertThat(login.status()).as(login.toString()).isEqualTo(429);
        }
        assertStatusOnEach(onEach(api -> api.withBasic("admin", TestServer.ADMIN_PASSWORD)), 200);
    }
}
