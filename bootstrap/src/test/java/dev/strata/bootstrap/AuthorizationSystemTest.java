package dev.strata.bootstrap;

import static dev.strata.bootstrap.support.NodeJson.aNode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.AuthorizationTable;
import dev.strata.adapters.rest.AuthorizationTable.Access;
import dev.strata.adapters.rest.AuthorizationTable.Rule;
import dev.strata.bootstrap.support.Api;
import dev.strata.bootstrap.support.Reply;
import dev.strata.bootstrap.support.ServedEndpoints;
import dev.strata.bootstrap.support.TestServer;
import dev.strata.domain.access.BuiltInRoles;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.access.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls every endpoint of the authorization table over HTTPS as every kind of caller, and checks
 * the answer is what the table says: 2xx, 401 or 403.
 */
class AuthorizationSystemTest {

    private enum Kind { USER, ANONYMOUS, EXPIRED, REVOKED }

    /** Volume-side scenarios act in this tenant; the tenant-bound caller belongs to another. */
    private static final String TENANT = "tenant-a";

    private record Caller(String label, Kind kind, Api api, Set<Privilege> privileges, String password,
                          boolean boundElsewhere) {
        Caller(String label, Kind kind, Api api, Set<Privilege> privileges, String password) {
            this(label, kind, api, privileges, password, false);
        }
    }

    private record Call(String method, String path, String body) {
    }

    @TempDir
    static Path dataDir;

    private static TestServer server;
    private static Api admin;
    private static final List<Caller> CALLERS = new ArrayList<>();
    private static final AtomicInteger UNIQUE = new AtomicInteger();
    private static final Map<String, Function<Caller, Call>> SCENARIOS = new LinkedHashMap<>();

    @BeforeAll
    static void callers() {
        server = TestServer.start(dataDir);
        admin = server.api();
        for (Role role : BuiltInRoles.all()) {
            CALLERS.add(user("as-" + role.name(), role.name().value(), null, role.privileges()));
        }
        CALLERS.add(user("no-role", null, null, Set.of()));
        // Five roles spell each privilege's number in binary, so every privilege has callers of its
        // own: a table row naming any other privilege shows up as a wrong answer for one of them.
        for (int bit = 0; bit < 5; bit++) {
            Set<Privilege> privileges = EnumSet.noneOf(Privilege.class);
            for (Privilege privilege : Privilege.values()) {
                if (((privilege.ordinal() + 1) >> bit & 1) == 1) {
                    privileges.add(privilege);
                }
            }
            String roleName = "bit-" + bit;
            admin.post("/v1/auth/roles/", "{\"name\": \"" + roleName + "\", \"description\": \"\", \"privileges\": ["
                    + privileges.stream().map(p -> "\"" + p.name() + "\"").collect(Collectors.joining(", ")) + "]}");
            CALLERS.add(user("as-" + roleName, roleName, null, privileges));
        }
        admin.post("/tenants", "{\"tenantId\": \"tenant-b\", \"capacity\": 100}");
        Caller bound = user("tenant-b-storage", "storage", "tenant-b", privilegesOf("storage"));
        CALLERS.add(new Caller(bound.label(), bound.kind(), bound.api(), bound.privileges(), bound.password(), true));
        CALLERS.add(new Caller("anonymous", Kind.ANONYMOUS, server.anonymous(), Set.of(), null));

        create("expirer", "expirer-password", "monitor", null);
        String expiring = admin.post("/v1/auth/access-tokens/", """
                {"user": {"name": "expirer"}, "expiration_time": "%s"}"""
                .formatted(server.clock().instant().plus(Duration.ofMinutes(1)))).json().path("bearer_token").asText();
        CALLERS.add(new Caller("expired-token", Kind.EXPIRED, server.anonymous().withBearer(expiring), Set.of(), null));

        create("revoker", "revoker-password", "admin", null);
        String session = server.anonymous().post("/v1/session/login",
                "{\"username\": \"revoker\", \"password\": \"revoker-password\"}").json().path("bearer_token").asText();
        assertThat(server.anonymous().withBearer(session).post("/v1/session/logout", null).status()).isEqualTo(200);
        CALLERS.add(new Caller("revoked-session", Kind.REVOKED, server.anonymous().withBearer(session), Set.of(), null));

        server.clock().advance(Duration.ofMinutes(2));
        for (int rack = 0; rack < 6; rack++) {
            admin.post("/backends", aNode().at("10.76.0." + (rack + 1)).onRack("r" + rack).withCapacityGiB(1000000).json());
        }
        admin.post("/tenants", "{\"tenantId\": \"" + TENANT + "\", \"capacity\": 1000000}");
        scenarios();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Set<Privilege> privilegesOf(String role) {
        return BuiltInRoles.all().stream().filter(r -> r.name().value().equals(role)).findFirst().orElseThrow()
                .privileges();
    }

    private static Caller user(String name, String role, String tenant, Set<Privilege> privileges) {
        String password = name + "-password";
        create(name, password, role, tenant);
        return new Caller(name, Kind.USER, server.anonymous().withBasic(name, password),
                privileges.isEmpty() ? Set.of() : EnumSet.copyOf(privileges), password);
    }

    private static String create(String name, String password, String role, String tenant) {
        Reply reply = admin.post("/v1/users/", """
                {"name": "%s", "password": "%s", "roles": [%s], "tenant_id": %s}""".formatted(name, password,
                role == null ? "" : "\"" + role + "\"", tenant == null ? "null" : "\"" + tenant + "\""));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().path("id").asText();
    }

    private static int unique() {
        return UNIQUE.incrementAndGet();
    }

    private static String node() {
        int n = unique();
        return admin.post("/backends", aNode().at("10.77." + (n / 250) + "." + (n % 250 + 1)).json())
                .json().path("persistentID").asText();
    }

    private static String otherUser() {
        int n = unique();
        return create("other-" + n, "other-password-" + n, null, null);
    }

    private static String role() {
        String name = "role-" + unique();
        admin.post("/v1/auth/roles/", "{\"name\": \"" + name + "\", \"description\": \"d\","
                + " \"privileges\": [\"PRIVILEGE_HOST_READ\"]}");
        return name;
    }

    private static String token() {
        return admin.post("/v1/auth/access-tokens/", "{\"user\": {\"auth_id\": \"" + otherUser() + "\"}}")
                .json().path("id").asText();
    }

    /** A new volume in {@link #TENANT}; returns its uuid. */
    private static String volume(int replicas) {
        Reply reply = admin.post("/" + TENANT + "/volumes", "{\"alias\": \"vol-" + unique() + "\", \"capacity\": 1,"
                + " \"storageClass\": {\"numReplicas\": " + replicas + "}}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().path("uuid").asText();
    }

    private static String replicaOf(String volume) {
        return admin.get("/" + TENANT + "/volumes/" + volume).json().get(0).path("location").get(0).path("uuid")
                .asText();
    }

    private static String snapshot() {
        Reply reply = admin.post("/" + TENANT + "/snapshots", "{\"alias\": \"snap-" + unique() + "\", \"volumeID\": \""
                + volume(1) + "\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().path("snapshotID").asText();
    }

    /** A host that has just probed; returns its id. */
    private static String host() {
        String id = "host-" + unique();
        Reply reply = admin.post("/host_probe", probe(id));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return id;
    }

    private static String probe(String hostId) {
        return "{\"hostNqn\": \"nqn.2014-08.com.example:" + hostId + "\", \"hostId\": \"" + hostId
                + "\", \"name\": \"" + hostId + "\", \"clientType\": \"Agent\", \"duration\": 30}";
    }

    /** A new volume of {@link #TENANT} published to the host; returns the publish body. */
    private static String published(String hostId) {
        String body = "{\"hostId\": \"" + hostId + "\", \"volId\": \"" + volume(1) + "\"}";
        Reply reply = admin.post("/" + TENANT + "/publish", body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return body;
    }

    /** A ConnectVolume task, IDLE, for the host; returns its id. */
    private static String connectTask(String hostId) {
        Reply reply = admin.post("/" + TENANT + "/connect", "{\"hostId\": \"" + hostId + "\", \"volId\": \""
                + volume(1) + "\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().path("taskId").asText();
    }

    private static String tenant() {
        String id = "t-" + unique();
        admin.post("/tenants", "{\"tenantId\": \"" + id + "\", \"capacity\": 10}");
        return id;
    }

    private static void scenario(String key, Function<Caller, Call> prepare) {
        SCENARIOS.put(key, prepare);
    }

    private static Call get(String path) {
        return new Call("GET", path, null);
    }

    private static void scenarios() {
        scenario("GET /info", c -> get("/info"));
        scenario("GET /healthz", c -> get("/healthz"));
        scenario("GET /readyz", c -> get("/readyz"));
        scenario("GET /metrics", c -> get("/metrics"));
        scenario("GET /openapi.json", c -> get("/openapi.json"));
        scenario("GET /v1/version", c -> get("/v1/version"));
        scenario("POST /v1/session/login", c -> new Call("POST", "/v1/session/login",
                "{\"username\": \"admin\", \"password\": \"" + TestServer.ADMIN_PASSWORD + "\"}"));
        scenario("POST /v1/session/logout", c -> new Call("POST", "/v1/session/logout", null));
        scenario("GET /v1/session/who-am-i", c -> get("/v1/session/who-am-i"));
        scenario("POST /v1/session/change-password", c -> new Call("POST", "/v1/session/change-password",
                "{\"old_password\": \"" + c.password() + "\", \"new_password\": \"" + c.password() + "\"}"));

        scenario("GET /backends", c -> get("/backends"));
        scenario("GET /backends/{persistentID}", c -> get("/backends/" + node()));
        scenario("POST /backends", c -> {
            int n = unique();
            return new Call("POST", "/backends", aNode().at("10.78." + (n / 250) + "." + (n % 250 + 1)).json());
        });
        scenario("PUT /backends/{persistentID}", c -> new Call("PUT", "/backends/" + node(), "{\"rack\": \"r2\"}"));
        scenario("DELETE /backends/{persistentID}", c -> new Call("DELETE", "/backends/" + node(), null));
        scenario("GET /tenants", c -> get("/tenants"));
        scenario("GET /tenants/{tenantId}", c -> get("/tenants/" + tenant()));
        scenario("POST /tenants", c -> new Call("POST", "/tenants", "{\"tenantId\": \"new-" + unique()
                + "\", \"capacity\": 10}"));
        scenario("PUT /tenants/{tenantId}", c -> new Call("PUT", "/tenants/" + tenant(), "{\"capacity\": 20}"));
        scenario("DELETE /tenants/{tenantId}", c -> new Call("DELETE", "/tenants/" + tenant(), null));

        String t = "/" + TENANT;
        scenario("GET /{tenant}volumes", c -> get(t + "/volumes"));
        scenario("GET /{tenant}volumes/{uuid}", c -> get(t + "/volumes/" + volume(1)));
        scenario("GET /{tenant}volumes_by_alias/{alias}", c -> {
            String alias = admin.get(t + "/volumes/" + volume(1)).json().get(0).path("alias").asText();
            return get(t + "/volumes_by_alias/" + alias);
        });
        scenario("POST /{tenant}volumes", c -> new Call("POST", t + "/volumes",
                "{\"alias\": \"new-vol-" + unique() + "\", \"capacity\": 1}"));
        scenario("PATCH /{tenant}volumes/{uuid}", c -> new Call("PATCH", t + "/volumes/" + volume(1),
                "{\"newCapacity\": \"2\"}"));
        scenario("DELETE /{tenant}volumes/{uuid}", c -> new Call("DELETE", t + "/volumes/" + volume(1), null));
        scenario("POST /{tenant}replica/{volUuid}", c -> new Call("POST", t + "/replica/" + volume(1), "{}"));
        scenario("PATCH /{tenant}replica/{volUuid}/{replicaUuid}", c -> {
            String volume = volume(2);
            return new Call("PATCH", t + "/replica/" + volume + "/" + replicaOf(volume), null);
        });
        scenario("DELETE /{tenant}replica/{volUuid}/{replicaUuid}", c -> {
            String volume = volume(2);
            return new Call("DELETE", t + "/replica/" + volume + "/" + replicaOf(volume), null);
        });
        scenario("PATCH /{tenant}replica/{volUuid}/{replicaUuid}/{state}", c -> {
            String volume = volume(1);
            return new Call("PATCH", t + "/replica/" + volume + "/" + replicaOf(volume) + "/Synchronizing", null);
        });
        scenario("GET /{tenant}snapshots", c -> get(t + "/snapshots"));
        scenario("GET /{tenant}snapshots/{snapshotID}", c -> get(t + "/snapshots/" + snapshot()));
        scenario("GET /{tenant}snapshots_by_vol/{volUuid}", c -> {
            String snapshot = snapshot();
            return get(t + "/snapshots_by_vol/" + admin.get(t + "/snapshots/" + snapshot).json().get(0)
                    .path("volumeID").asText());
        });
        scenario("GET /{tenant}snapshots_by_alias/{alias}", c -> get(t + "/snapshots_by_alias/"
                + admin.get(t + "/snapshots/" + snapshot()).json().get(0).path("alias").asText()));
        scenario("POST /{tenant}snapshots", c -> new Call("POST", t + "/snapshots",
                "{\"alias\": \"new-snap-" + unique() + "\", \"volumeID\": \"" + volume(1) + "\"}"));
        scenario("DELETE /{tenant}snapshots/{snapshotID}", c -> new Call("DELETE", t + "/snapshots/" + snapshot(),
                null));
        scenario("POST /{tenant}snapshot_volumes", c -> new Call("POST", t + "/snapshot_volumes",
                "{\"alias\": \"from-snap-" + unique() + "\", \"snapshotID\": \"" + snapshot()
                        + "\", \"writable\": true}"));
        scenario("POST /{tenant}clone_volume", c -> new Call("POST", t + "/clone_volume",
                "{\"sourceVolumeId\": \"" + volume(1) + "\", \"alias\": \"clone-" + unique() + "\"}"));

        scenario("POST /host_probe", c -> new Call("POST", "/host_probe", probe("new-host-" + unique())));
        scenario("GET /hosts", c -> get("/hosts"));
        scenario("GET /hosts/{uuid}", c -> get("/hosts/" + host()));
        scenario("DELETE /hosts/{uuid}", c -> new Call("DELETE", "/hosts/" + host(), null));
        scenario("POST /{tenant}publish", c -> new Call("POST", t + "/publish",
                "{\"hostId\": \"" + host() + "\", \"volId\": \"" + volume(1) + "\"}"));
        scenario("POST /{tenant}unpublish", c -> new Call("POST", t + "/unpublish", published(host())));
        scenario("GET /targets", c -> {
            String hostId = host();
            published(hostId);
            return get("/targets?hostId=" + hostId);
        });

        scenario("GET /tasks", c -> get("/tasks"));
        scenario("PUT /tasks", c -> {
            String hostId = host();
            return new Call("PUT", "/tasks", "{\"taskId\": \"" + connectTask(hostId) + "\", \"hostId\": \"" + hostId
                    + "\", \"state\": \"RUNNING\", \"progress\": 0}");
        });
        scenario("DELETE /tasks", c -> new Call("DELETE", "/tasks?taskId=" + connectTask(host()), null));
        scenario("POST /tasks", c -> new Call("POST", "/tasks", "{\"hostId\": \"" + host() + "\", \"type\":"
                + " \"SetPollingRate\", \"taskConfiguration\": [{\"name\": \"pollingRate\", \"value\": \"2000\"}]}"));
        scenario("POST /{tenant}connect", c -> new Call("POST", t + "/connect",
                "{\"hostId\": \"" + host() + "\", \"volId\": \"" + volume(1) + "\"}"));
        scenario("POST /{tenant}disconnect", c -> new Call("POST", t + "/disconnect", published(host())));
        scenario("POST /{tenant}migrate_volume", c -> {
            String body = published(host());
            String volume = body.substring(body.indexOf("\"volId\": \"") + 10, body.length() - 2);
            return new Call("POST", t + "/migrate_volume", "{\"volId\": \"" + volume + "\"}");
        });

        scenario("POST /forward_log", c -> new Call("POST", "/forward_log", "{\"loggingType\": \"EVENT\", \"level\":"
                + " \"INFO\", \"host\": \"compute-1\", \"appName\": \"nvmeof_agent\", \"message\": \"m\","
                + " \"parametersList\": []}"));
        scenario("GET /v1/host-events", c -> get("/v1/host-events/"));

        scenario("GET /v1/cluster/nodes", c -> get("/v1/cluster/nodes/"));
        scenario("GET /v1/cluster/nodes/{id}", c -> {
            node();
            JsonNode nodes = admin.get("/v1/cluster/nodes/").json();
            return get("/v1/cluster/nodes/" + nodes.get(nodes.size() - 1).path("id").asInt());
        });

        scenario("GET /v1/cluster/summary", c -> get("/v1/cluster/summary"));

        scenario("GET /v1/users", c -> get("/v1/users/"));
        scenario("GET /v1/users/{id}", c -> get("/v1/users/500"));
        scenario("POST /v1/identity/find", c -> new Call("POST", "/v1/identity/find", "{\"name\": \"admin\"}"));
        scenario("POST /v1/users", c -> new Call("POST", "/v1/users/",
                "{\"name\": \"new-" + unique() + "\", \"password\": \"new-user-password\"}"));
        scenario("PUT /v1/users/{id}", c -> new Call("PUT", "/v1/users/" + otherUser(), "{\"enabled\": true}"));
        scenario("DELETE /v1/users/{id}", c -> new Call("DELETE", "/v1/users/" + otherUser(), null));
        scenario("POST /v1/users/{id}/setpassword", c -> new Call("POST", "/v1/users/" + otherUser() + "/setpassword",
                "{\"new_password\": \"reset-password\"}"));

        scenario("GET /v1/auth/privileges", c -> get("/v1/auth/privileges/"));
        scenario("GET /v1/auth/roles", c -> get("/v1/auth/roles/"));
        scenario("GET /v1/auth/roles/{name}", c -> get("/v1/auth/roles/monitor"));
        scenario("GET /v1/auth/roles/{name}/members", c -> get("/v1/auth/roles/monitor/members"));
        scenario("POST /v1/auth/roles", c -> new Call("POST", "/v1/auth/roles/",
                "{\"name\": \"new-role-" + unique() + "\", \"description\": \"\", \"privileges\": []}"));
        scenario("PUT /v1/auth/roles/{name}", c -> new Call("PUT", "/v1/auth/roles/" + role(),
                "{\"description\": \"changed\", \"privileges\": [\"PRIVILEGE_AUDIT_READ\"]}"));
        scenario("PATCH /v1/auth/roles/{name}", c -> new Call("PATCH", "/v1/auth/roles/" + role(),
                "{\"description\": \"patched\"}"));
        scenario("DELETE /v1/auth/roles/{name}", c -> new Call("DELETE", "/v1/auth/roles/" + role(), null));
        scenario("POST /v1/auth/roles/{name}/members", c -> new Call("POST", "/v1/auth/roles/" + role() + "/members",
                "{\"auth_id\": \"500\"}"));
        scenario("DELETE /v1/auth/roles/{name}/members/{authId}", c -> {
            String role = role();
            admin.post("/v1/auth/roles/" + role + "/members", "{\"auth_id\": \"500\"}");
            return new Call("DELETE", "/v1/auth/roles/" + role + "/members/500", null);
        });

        scenario("POST /v1/auth/access-tokens", c -> new Call("POST", "/v1/auth/access-tokens/",
                "{\"user\": {\"auth_id\": \"" + otherUser() + "\"}}"));
        scenario("GET /v1/auth/access-tokens", c -> get("/v1/auth/access-tokens/?user=auth_id:500"));
        scenario("GET /v1/auth/access-tokens/{id}", c -> get("/v1/auth/access-tokens/" + token()));
        scenario("PATCH /v1/auth/access-tokens/{id}", c -> new Call("PATCH", "/v1/auth/access-tokens/" + token(),
                "{\"enabled\": false}"));
        scenario("DELETE /v1/auth/access-tokens/{id}", c -> new Call("DELETE", "/v1/auth/access-tokens/" + token(),
                null));

        scenario("GET /v1/audit", c -> get("/v1/audit/"));

        scenario("GET /v1/agent/nodes/{persistentID}/desired", c -> get("/v1/agent/nodes/" + node() + "/desired"));
        scenario("PUT /v1/agent/nodes/{persistentID}/observed", c -> new Call("PUT", "/v1/agent/nodes/" + node()
                + "/observed", "{\"generation\": 1, \"agentVersion\": \"a\", \"intervalSeconds\": 10,"
                + " \"totalCapacity\": 1099511627776, \"freeCapacity\": 0}"));
    }

    @Test
    void theTableCoversEveryEndpointTheServerHasAndNoOther() {
        Set<String> served = ServedEndpoints.of(dataDir).keySet();
        Set<String> tabled = AuthorizationTable.RULES.stream().map(Rule::key).collect(Collectors.toSet());

        assertThat(served).as("endpoints the table lacks").isSubsetOf(tabled);
        assertThat(tabled).as("table rows no endpoint serves").isSubsetOf(served);
        assertThat(SCENARIOS.keySet()).as("every row has a scenario").containsExactlyInAnyOrderElementsOf(tabled);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryCallerAsTheTableSays() {
        return AuthorizationTable.RULES.stream().map(rule -> DynamicTest.dynamicTest(rule.key(), () -> {
            List<String> wrong = new ArrayList<>();
            for (Caller caller : CALLERS) {
                Call call = SCENARIOS.get(rule.key()).apply(caller);
                Reply reply = caller.api().send(call.method(), call.path(), call.body());
                int expected = expected(rule, caller);
                boolean right = expected == 200 ? reply.status() / 100 == 2 : reply.status() == expected;
                if (!right) {
                    wrong.add(caller.label() + ": expected " + (expected == 200 ? "2xx" : expected) + ", got " + reply);
                }
                if (reply.status() == 401) {
                    assertThat(reply.header("WWW-Authenticate")).as(caller.label()).isPresent();
                }
            }
            assertThat(wrong).as(rule.key()).isEmpty();
        }));
    }

    private static int expected(Rule rule, Caller caller) {
        if (rule.access() == Access.PUBLIC) {
            return 200;
        }
        if (caller.kind() != Kind.USER) {
            return 401;
        }
        if (rule.access() == Access.AUTHENTICATED) {
            return 200;
        }
        if (rule.tenantScoped() && caller.boundElsewhere()) {
            return 403;
        }
        return caller.privileges().contains(rule.privilege().orElseThrow()) ? 200 : 403;
    }
}
