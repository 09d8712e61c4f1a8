package dev.strata.bootstrap;

import static dev.strata.bootstrap.support.NodeJson.aNode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.bootstrap.support.Api;
import dev.strata.bootstrap.support.JavaSchemas;
import dev.strata.bootstrap.support.OpenApiDocument;
import dev.strata.bootstrap.support.OpenApiDocument.Operation;
import dev.strata.bootstrap.support.Reply;
import dev.strata.bootstrap.support.SchemaValidator;
import dev.strata.bootstrap.support.ServedEndpoints;
import dev.strata.bootstrap.support.TestServer;
import jakarta.ws.rs.core.MediaType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real answers against {@code openapi.json}: each call must get the status it expects, that status
 * must be documented for its operation, and the answer must fit the documented schema (no field the
 * document lacks, every required one, JSON types as documented, null only where nullable) and carry
 * the headers the document promises. Operations whose Java types cannot tell their JSON (an answer
 * built as a {@code Response}, a body read as a {@code JsonNode}) are held to the document only here,
 * so each of them must be called.
 */
class OpenApiConformanceSystemTest {

    @TempDir
    static Path dataDir;

    private static TestServer server;
    private static OpenApiDocument document;
    private static SchemaValidator validator;
    private static final List<String> PROBLEMS = new ArrayList<>();
    private static final Set<String> CALLED = new TreeSet<>();

    @BeforeAll
    static void callEverythingThatMatters() {
        server = TestServer.start(dataDir);
        document = new OpenApiDocument(server.anonymous().get("/openapi.json").json());
        validator = new SchemaValidator(document);
        Api admin = server.api();
        operations(admin);
        backends(admin);
        volumes(admin);
        snapshots(admin);
        hosts(admin);
        sessions(admin);
        accessTokens(admin, usersAndRoles(admin));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyAnswerIsAsDocumented() {
        assertThat(PROBLEMS).isEmpty();
    }

    @Test
    void callsEveryOperationWhoseJavaTypesCannotTellItsJson() {
        Set<String> untold = new TreeSet<>();
        ServedEndpoints.of(dataDir).forEach((endpoint, method) -> {
            if (!describedByItsTypes(method)) {
                untold.add(endpoint);
            }
        });
        untold.removeAll(CALLED);

        assertThat(untold).as("operations only a real call can check (a Response, a JsonNode or raw bytes), which"
                + " no call here checks: add one for each").isEmpty();
    }

    private static boolean describedByItsTypes(ResourceMethod method) {
        boolean body = method.getInvocable().getParameters().stream()
                .filter(p -> p.getSource() == Parameter.Source.ENTITY)
                .allMatch(p -> JavaSchemas.describes(p.getType()));
        return body && JavaSchemas.describes(method.getInvocable().getHandlingMethod().getGenericReturnType());
    }

    /** Sends a call, expects {@code status}, and checks the answer against the operation at {@code documented}. */
    private static Reply call(Api api, String method, String path, String body, String documented, int status) {
        Reply reply = api.send(method, path, body);
        String where = method + " " + path + " → " + reply.status();
        Optional<Operation> operation = document.operation(method, documented);
        if (reply.status() != status) {
            PROBLEMS.add(where + ": expected " + status + " (" + reply + ")");
        }
        if (operation.isEmpty()) {
            PROBLEMS.add(where + ": the document has no " + method + " " + documented);
            return reply;
        }
        CALLED.add(document.endpoint(operation.get()));
        Optional<JsonNode> response = document.response(operation.get(), reply.status());
        if (response.isEmpty()) {
            PROBLEMS.add(where + ": the document gives " + documented + " no response " + reply.status());
        } else {
            check(reply, response.get(), where);
        }
        return reply;
    }

    private static Reply call(Api api, String method, String path, String body, int status) {
        return call(api, method, path, body, path.replaceAll("\\?.*", "").replaceAll("/+$", ""), status);
    }

    private static void check(Reply reply, JsonNode response, String where) {
        response.path("headers").fields().forEachRemaining(header -> {
            if (document.resolve(header.getValue()).path("required").asBoolean(false)
                    && reply.header(header.getKey()).isEmpty()) {
                PROBLEMS.add(where + ": lacks the header " + header.getKey() + ", which the document promises");
            }
        });
        String type = reply.header("Content-Type").map(MediaType::valueOf)
                .map(t -> t.getType() + "/" + t.getSubtype()).orElse("(none)");
        Iterator<String> documentedTypes = response.path("content").fieldNames();
        while (documentedTypes.hasNext()) {
            String documentedType = documentedTypes.next();
            if (MediaType.valueOf(documentedType).isCompatible(MediaType.valueOf(type))) {
                if (type.equals(MediaType.APPLICATION_JSON)) {
                    PROBLEMS.addAll(validator.validate(reply.json(),
                            response.path("content").path(documentedType).path("schema"), where));
                }
                return;
            }
        }
        PROBLEMS.add(where + ": answered in " + type + ", which the document does not name");
    }

    private static void operations(Api admin) {
        Api anonymous = admin.anonymous();
        call(anonymous, "GET", "/openapi.json", null, 200);
        call(anonymous, "GET", "/healthz", null, 200);
        call(anonymous, "GET", "/readyz", null, 200);
        call(anonymous, "GET", "/info", null, 200);
        call(admin, "GET", "/info", null, 200);
        call(anonymous, "GET", "/v1/version", null, 200);
        call(admin, "GET", "/metrics", null, 200);
        call(anonymous, "GET", "/metrics", null, 401);
    }

    private static String id(Reply reply, String field) {
        return reply.json().path(field).asText();
    }

    private static void backends(Api admin) {
        for (int rack = 1; rack <= 3; rack++) {
            call(admin, "POST", "/backends", aNode().at("10.90.0." + rack).onRack("r" + rack).inZone("z1")
                    .withCapacityGiB(1000).json(), 201);
        }
        String spare = id(call(admin, "POST", "/backends", aNode().at("10.90.1.1").withMgmtPort(8091).named("spare")
                .onRack("r9").inRegion("eu").inZone("z9").withHostId("h-9").withCapacityGiB(10).withIops(1000)
                .withBandwidth(100).withPortal("10.91.1.1", 4420, "rdma").json(), 201), "persistentID");
        call(admin, "POST", "/backends", aNode().at("10.90.0.1").json(), 409);
        call(admin, "GET", "/backends", null, 200);
        call(admin, "GET", "/backends/" + spare, null, "/backends/{persistentID}", 200);
        call(admin, "PUT", "/backends/" + spare, "{\"state\": \"maintenance\"}", "/backends/{persistentID}", 200);
        call(admin, "GET", "/backends/no-such-node", null, "/backends/{persistentID}", 404);
        call(admin, "GET", "/v1/agent/nodes/" + spare + "/desired?after=0&wait=0", null,
                "/v1/agent/nodes/{persistentID}/desired", 200);
        call(admin, "GET", "/v1/agent/nodes/" + spare + "/desired?wait=x", null,
                "/v1/agent/nodes/{persistentID}/desired", 400);
        call(admin, "PUT", "/v1/agent/nodes/" + spare + "/observed", "{\"generation\": 1, \"agentVersion\": \"a\","
                + " \"intervalSeconds\": 10, \"totalCapacity\": 10737418240, \"freeCapacity\": 0}",
                "/v1/agent/nodes/{persistentID}/observed", 200);
        call(admin, "DELETE", "/backends/" + spare, null, "/backends/{persistentID}", 200);
        call(admin, "GET", "/v1/cluster/nodes/", null, 200);
        call(admin, "GET", "/v1/cluster/nodes/1", null, "/v1/cluster/nodes/{id}", 200);
    }

    private static void volumes(Api admin) {
        call(admin, "POST", "/tenants", "{\"tenantId\": \"acme\", \"capacity\": 100}", 201);
        call(admin, "POST", "/tenants", "{\"tenantId\": \"acme\", \"capacity\": 100}", 200);
        call(admin, "GET", "/tenants", null, 200);
        call(admin, "GET", "/tenants/acme", null, "/tenants/{tenantId}", 200);
        call(admin, "PUT", "/tenants/acme", "{\"name\": \"Acme\"}", "/tenants/{tenantId}", 200);

        String volume = "{\"alias\": \"db\", \"capacity\": 2, \"storageClass\": {\"numReplicas\": 1}}";
        String uuid = id(call(admin, "POST", "/volumes", volume, 201), "uuid");
        call(admin, "POST", "/volumes", volume, 200);
        call(admin, "POST", "/volumes", "{\"alias\": \"no-size\"}", 400);
        for (String alias : List.of("a1", "a2")) {
            call(admin, "POST", "/acme/volumes", "{\"alias\": \"" + alias + "\", \"capacity\": 1,"
                    + " \"provisioningType\": \"thin\"}", "/{tenant}/volumes", 201);
        }
        call(admin, "GET", "/volumes", null, 200);
        Reply page = call(admin, "GET", "/acme/volumes?limit=1", null, "/{tenant}/volumes", 200);
        if (page.header("Link").isEmpty()) {
            PROBLEMS.add("GET /acme/volumes?limit=1: no Link to the next page");
        }
        call(admin, "GET", "/volumes/" + uuid, null, "/volumes/{uuid}", 200);
        call(admin, "GET", "/acme/volumes/" + uuid, null, "/{tenant}/volumes/{uuid}", 404);
        call(admin, "GET", "/volumes_by_alias/db", null, "/volumes_by_alias/{alias}", 200);
        call(admin, "PATCH", "/volumes/" + uuid, "{\"newCapacity\": \"3\", \"alias\": \"db-1\"}", "/volumes/{uuid}",
                200);

        String replica = id(call(admin, "POST", "/replica/" + uuid, "{}", "/replica/{volUuid}", 201), "uuid");
        String replicaPath = "/replica/" + uuid + "/" + replica;
        call(admin, "PATCH", replicaPath + "/available", null, "/replica/{volUuid}/{replicaUuid}/{state}", 200);
        call(admin, "PATCH", replicaPath, null, "/replica/{volUuid}/{replicaUuid}", 200);
        call(admin, "DELETE", replicaPath, null, "/replica/{volUuid}/{replicaUuid}", 200);
        call(admin, "DELETE", "/tenants/acme", null, "/tenants/{tenantId}", 409);
    }

    private static void snapshots(Api admin) {
        String uuid = id(call(admin, "POST", "/volumes", "{\"alias\": \"src\", \"capacity\": 1}", 201), "uuid");
        String snapshot = "{\"alias\": \"s1\", \"volumeID\": \"" + uuid + "\"}";
        String id = id(call(admin, "POST", "/snapshots", snapshot, 201), "snapshotID");
        call(admin, "POST", "/snapshots", snapshot, 200);
        call(admin, "GET", "/snapshots", null, 200);
        call(admin, "GET", "/snapshots/" + id, null, "/snapshots/{snapshotID}", 200);
        call(admin, "GET", "/snapshots_by_vol/" + uuid, null, "/snapshots_by_vol/{volUuid}", 200);
        call(admin, "GET", "/snapshots_by_alias/s1", null, "/snapshots_by_alias/{alias}", 200);
        String fromSnapshot = id(call(admin, "POST", "/snapshot_volumes", "{\"alias\": \"from-s1\", \"snapshotID\": \""
                + id + "\"}", 201), "uuid");
        String clone = id(call(admin, "POST", "/clone_volume", "{\"sourceVolumeId\": \"" + uuid
                + "\", \"alias\": \"clone\"}", 201), "uuid");
        call(admin, "DELETE", "/volumes/" + uuid, null, "/volumes/{uuid}", 409);
        call(admin, "DELETE", "/volumes/" + clone, null, "/volumes/{uuid}", 200);
        call(admin, "DELETE", "/volumes/" + fromSnapshot, null, "/volumes/{uuid}", 200);
        call(admin, "DELETE", "/snapshots/" + id, null, "/snapshots/{snapshotID}", 200);
    }

    private static void hosts(Api admin) {
        String host = "6f1c2a4e-9d3b-4c8a-b7e5-0a1b2c3d4e5f";
        String probe = "{\"hostNqn\": \"nqn.2014-08.org.nvmexpress:uuid:" + host + "\", \"hostId\": \"" + host
                + "\", \"name\": \"compute-1\", \"clientType\": \"Agent\", \"version\": \"1.0\", \"duration\": 30}";
        call(admin, "POST", "/host_probe", probe, 200);
        call(admin, "POST", "/host_probe", "{\"hostId\": \"h\"}", 400);
        call(admin, "GET", "/hosts", null, 200);
        call(admin, "GET", "/hosts?hostName=compute-1", null, 200);
        call(admin, "GET", "/hosts/" + host, null, "/hosts/{uuid}", 200);
        String uuid = id(call(admin, "POST", "/volumes", "{\"alias\": \"attached\", \"capacity\": 1}", 201), "uuid");
        String publication = "{\"hostId\": \"" + host + "\", \"volId\": \"" + uuid + "\"}";
        call(admin, "POST", "/publish", publication, 200);
        call(admin, "POST", "/0/publish", publication, "/{tenant}/publish", 200);
        call(admin, "GET", "/targets?hostId=" + host + "&volId=" + uuid, null, 200);
        call(admin, "GET", "/targets", null, 400);
        // the host agents' task queue and actions
        String connected = id(call(admin, "POST", "/connect", publication, 200), "taskId");
        call(admin, "POST", "/0/connect", publication, "/{tenant}/connect", 200);
        call(admin, "GET", "/tasks", null, 200);
        call(admin, "GET", "/tasks?hostId=" + host, null, 200);
        call(admin, "GET", "/tasks?taskId=" + connected, null, 200);
        call(admin, "GET", "/tasks?taskId=unknown", null, 404);
        call(admin, "PUT", "/tasks", "{\"taskId\": \"" + connected + "\", \"hostId\": \"" + host
                + "\", \"state\": \"RUNNING\", \"progress\": 12.5}", 200);
        call(admin, "DELETE", "/tasks?taskId=" + connected, null, 409);
        call(admin, "PUT", "/tasks", "{\"taskId\": \"" + connected + "\", \"hostId\": \"" + host
                + "\", \"state\": \"FINISHED\", \"taskStatus\": \"Success\"}", 200);
        call(admin, "PUT", "/tasks", "{\"taskId\": \"" + connected + "\", \"hostId\": \"other\"}", 403);
        String polling = id(call(admin, "POST", "/tasks", "{\"hostId\": \"" + host + "\", \"type\": \"SetPollingRate\","
                + " \"taskConfiguration\": [{\"name\": \"pollingRate\", \"value\": \"2000\"}]}", 201), "taskId");
        call(admin, "DELETE", "/tasks?taskId=" + polling, null, 200);
        call(admin, "POST", "/migrate_volume", "{\"volId\": \"" + uuid + "\", \"repId\": \"" + UUID.randomUUID()
                + "\"}", 404);
        call(admin, "POST", "/0/migrate_volume", "{}", "/{tenant}/migrate_volume", 400);
        call(admin, "POST", "/forward_log", "{\"loggingType\": \"EVENT\", \"level\": \"WARNING\", \"host\":"
                + " \"compute-1\", \"appName\": \"nvmeof_agent\", \"message\": \"leg failed\","
                + " \"parametersList\": [\"md0\"]}", 200);
        call(admin, "GET", "/v1/host-events/?limit=1", null, "/v1/host-events", 200);
        call(admin, "POST", "/disconnect", publication, 200);
        call(admin, "POST", "/0/disconnect", publication, "/{tenant}/disconnect", 200);
        call(admin, "DELETE", "/hosts/" + host, null, "/hosts/{uuid}", 409);
        call(admin, "POST", "/unpublish", "{\"volId\": \"" + uuid + "\"}", 200);
        call(admin, "POST", "/0/unpublish", publication, "/{tenant}/unpublish", 200);
        call(admin, "DELETE", "/hosts/" + host, null, "/hosts/{uuid}", 200);
        call(admin, "DELETE", "/volumes/" + uuid, null, "/volumes/{uuid}", 200);
    }

    private static void sessions(Api admin) {
        Api anonymous = admin.anonymous();
        String login = "{\"username\": \"admin\", \"password\": \"" + TestServer.ADMIN_PASSWORD + "\"}";
        Api session = anonymous.withBearer(id(call(anonymous, "POST", "/v1/session/login", login, 200),
                "bearer_token"));
        call(session, "GET", "/v1/session/who-am-i", null, 200);
        call(session, "POST", "/v1/session/logout", null, 200);
        call(session, "GET", "/v1/session/who-am-i", null, 401);
        call(anonymous, "POST", "/v1/session/login", "{\"username\": \"admin\", \"password\": \"wrong\"}", 401);
        call(admin, "POST", "/v1/session/change-password", "{\"old_password\": \"" + TestServer.ADMIN_PASSWORD
                + "\", \"new_password\": \"" + TestServer.ADMIN_PASSWORD + "\"}", 200);
    }

    /** Leaves user olga behind, and returns her id. */
    private static String usersAndRoles(Api admin) {
        String user = id(call(admin, "POST", "/v1/users/", """
                {"name": "olga", "password": "olga-password-1", "roles": ["storage"], "tenant_id": null,
                 "primary_group": "513", "uid": "", "home_directory": null}""", 201), "id");
        call(admin, "GET", "/v1/users/", null, 200);
        call(admin, "GET", "/v1/users/" + user, null, "/v1/users/{id}", 200);
        call(admin, "PUT", "/v1/users/" + user, "{\"enabled\": true}", "/v1/users/{id}", 200);
        call(admin, "POST", "/v1/users/" + user + "/setpassword", "{\"new_password\": \"olga-password-2\"}",
                "/v1/users/{id}/setpassword", 200);
        call(admin, "POST", "/v1/identity/find", "{\"name\": \"olga\"}", 200);

        call(admin, "GET", "/v1/auth/privileges/", null, 200);
        call(admin, "GET", "/v1/auth/roles/", null, 200);
        call(admin, "POST", "/v1/auth/roles/", "{\"name\": \"ops\", \"description\": \"d\","
                + " \"privileges\": [\"PRIVILEGE_HOST_READ\"]}", 201);
        String role = "/v1/auth/roles/{name}";
        call(admin, "GET", "/v1/auth/roles/ops", null, role, 200);
        call(admin, "PUT", "/v1/auth/roles/ops", "{\"description\": \"e\", \"privileges\": []}", role, 200);
        call(admin, "PATCH", "/v1/auth/roles/ops", "{\"description\": \"f\"}", role, 200);
        call(admin.withHeader("If-Match", "\"999\""), "PATCH", "/v1/auth/roles/ops", "{\"description\": \"g\"}",
                role, 412);
        call(admin, "POST", "/v1/auth/roles/ops/members", "{\"name\": \"olga\"}", role + "/members", 200);
        call(admin, "GET", "/v1/auth/roles/ops/members?limit=1", null, role + "/members", 200);
        call(admin, "DELETE", "/v1/auth/roles/ops/members/" + user, null, role + "/members/{authId}", 200);
        call(admin, "DELETE", "/v1/auth/roles/ops", null, role, 200);
        call(admin, "DELETE", "/v1/auth/roles/admin", null, role, 409);
        call(admin, "GET", "/v1/audit/?limit=2", null, "/v1/audit", 200);
        return user;
    }

    private static void accessTokens(Api admin, String user) {
        String token = id(call(admin, "POST", "/v1/auth/access-tokens/", """
                {"user": {"name": "olga"}, "expiration_time": "2030-01-01T00:00:00Z"}""", 201), "id");
        String path = "/v1/auth/access-tokens/{id}";
        call(admin, "GET", "/v1/auth/access-tokens/?user=olga", null, "/v1/auth/access-tokens", 200);
        call(admin, "GET", "/v1/auth/access-tokens/" + token, null, path, 200);
        call(admin, "PATCH", "/v1/auth/access-tokens/" + token, "{\"enabled\": false, \"expiration_time\": null}",
                path, 200);
        call(admin, "DELETE", "/v1/auth/access-tokens/" + token, null, path, 200);
        call(admin, "DELETE", "/v1/users/" + user, null, "/v1/users/{id}", 200);
        call(admin, "DELETE", "/v1/users/" + user, null, "/v1/users/{id}", 404);
    }
}
