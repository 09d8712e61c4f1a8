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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The storage-node capability end to end, over HTTPS, against the real server and database. */
class BackendsSystemTest {

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

    private String register(String ip, String rack, int capacityGiB) {
        Reply reply = api.post("/backends", aNode().at(ip).onRack(rack).inZone("z1").inRegion("eu")
                .withCapacityGiB(capacityGiB).withPortal(ip, 4420, "TCP").json());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        String id = reply.json().path("persistentID").asText();
        assertThat(reply.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/backends/" + id));
        return id;
    }

    @Test
    void registersListsChangesAndRemovesNodesAndKeepsThemAcrossARestart() {
        List<String> ids = new ArrayList<>();
        ids.add(register("10.20.0.1", "r1", 1024));
        ids.add(register("10.20.0.2", "r2", 2048));
        ids.add(register("10.20.0.3", "r3", 4096));

        JsonNode all = api.get("/backends").json();
        assertThat(all).hasSize(3);
        assertThat(all.findValuesAsText("persistentID")).containsExactlyElementsOf(ids);

        JsonNode one = api.get("/backends/" + ids.get(1)).json();
        assertThat(one.isArray()).as("one backend is an array of one").isTrue();
        assertThat(one).hasSize(1);
        JsonNode node = one.get(0);
        assertThat(node.path("mgmtIPs").get(0).asText()).isEqualTo("10.20.0.2");
        assertThat(node.path("totalCapacity").asLong()).isEqualTo(2048);
        assertThat(node.path("availableCapacity").asLong()).isEqualTo(2048);
        assertThat(node.path("state").asText()).isEqualTo("Available");
        assertThat(node.path("inUse").asBoolean()).isFalse();
        assertThat(node.path("portals").get(0).path("port").asInt()).isEqualTo(4420);
        assertThat(node.has("status")).as("a resource has no top-level status").isFalse();

        Reply relabelled = api.put("/backends/" + ids.get(0), """
                {"rack": "r9", "zone": "", "state": "Maintenance"}""");
        assertThat(relabelled.status()).as(relabelled.toString()).isEqualTo(200);
        assertThat(relabelled.json().path("rack").asText()).isEqualTo("r9");
        assertThat(relabelled.json().path("zone").asText()).isEmpty();
        assertThat(relabelled.json().path("region").asText()).isEqualTo("eu");
        assertThat(relabelled.json().path("state").asText()).isEqualTo("Maintenance");

        Reply removed = api.delete("/backends/" + ids.get(2));
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().path("status").asText()).isEqualTo("Success");
        assertThat(api.get("/backends/" + ids.get(2)).status()).isEqualTo(404);

        server.restart();
        api = server.api();

        JsonNode after = api.get("/backends").json();
        assertThat(after.findValuesAsText("persistentID")).containsExactly(ids.get(0), ids.get(1));
        assertThat(after.get(0).path("rack").asText()).isEqualTo("r9");
        assertThat(after.get(0).path("state").asText()).isEqualTo("Maintenance");
        JsonNode clusterNodes = api.get("/v1/cluster/nodes/").json();
        assertThat(clusterNodes.findValuesAsText("uuid")).containsExactly(ids.get(0), ids.get(1));
        assertThat(clusterNodes.get(0).path("node_status").asText()).isEqualTo("maintenance");
        JsonNode second = api.get("/v1/cluster/nodes/2").json();
        assertThat(second.isObject()).isTrue();
        assertThat(second.path("capacity_in_bytes").asText()).isEqualTo(Long.toString(2048L << 30));
        assertThat(api.get("/v1/cluster/nodes/3").status()).as("node numbers are never reused").isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing mgmtIPs     | {"totalCapacity": 10}                                        | mgmtIPs
            not JSON            | mgmtIPs=10.0.0.1                                             | JSON
            truncated JSON      | {"mgmtIPs": ["10.0.0.1"]                                     | JSON
            a 300-character rack| {"mgmtIPs": ["10.0.0.1"], "rack": "RACK300"}                 | rack
            negative capacity   | {"mgmtIPs": ["10.0.0.1"], "totalCapacity": -5}               | totalCapacity
            huge capacity       | {"mgmtIPs": ["10.0.0.1"], "totalCapacity": 99999999999999999999} | totalCapacity
            capacity as text    | {"mgmtIPs": ["10.0.0.1"], "totalCapacity": "10"}             | totalCapacity
            fractional capacity | {"mgmtIPs": ["10.0.0.1"], "totalCapacity": 1.5}              | totalCapacity
            mgmtIPs not a list  | {"mgmtIPs": "10.0.0.1"}                                      | mgmtIPs
            rack as a number    | {"mgmtIPs": ["10.0.0.1"], "rack": 7}                         | rack
            unknown transport   | {"mgmtIPs": ["10.0.0.1"], "portals": [{"ip": "10.0.0.1", "port": 4420, "transport": "FC"}]} | transport
            port out of range   | {"mgmtIPs": ["10.0.0.1"], "portals": [{"ip": "10.0.0.1", "port": 70000}]} | port
            not an address      | {"mgmtIPs": ["storage-1; rm -rf /"]}                         | mgmtIPs
            SQL in a name       | {"mgmtIPs": ["10.0.0.1"], "name": "x'); DROP TABLE nodes;--\\u0000"} | name
            null in a list      | {"mgmtIPs": [null]}                                          | mgmtIPs
            an array body       | []                                                           | JSON object
            an empty body       |                                                              | body
            """)
    void refusesBadRegistrationsNamingTheFieldAndStoresNothing(String name, String body, String field) {
        String json = body == null ? "" : body.replace("RACK300", "r".repeat(300));

        Reply reply = api.post("/backends", json);

        assertThat(reply.assertErrorBody(400)).containsIgnoringCase(field);
        assertThat(reply.errorStatus()).isEqualTo("InvalidInput");
        assertThat(reply.json().path("error_class").asText()).isEqualTo("invalid_input_error");
        assertThat(api.get("/backends").json()).as("nothing is stored").isEmpty();
    }

    @Test
    void refusesASecondNodeWithAManagementAddressInUse() {
        register("10.20.1.1", "r1", 10);

        Reply duplicate = api.post("/backends", aNode().at("10.20.1.2", "10.20.1.1").json());

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.errorStatus()).isEqualTo("AlreadyExists");
        assertThat(api.get("/backends").json()).hasSize(1);
    }

    @Test
    void answersNotExistsForUnknownNodesOnEveryMethod() {
        String unknown = "0b6f4d7e-0000-4000-8000-000000000000";
        assertThat(api.get("/backends/" + unknown).errorStatus()).isEqualTo("NotExists");
        assertThat(api.put("/backends/" + unknown, "{\"rack\": \"r\"}").status()).isEqualTo(404);
        assertThat(api.delete("/backends/" + unknown).status()).isEqualTo(404);
        assertThat(api.get("/v1/cluster/nodes/abc").status()).isEqualTo(404);
    }

    @Test
    void refusesToSetUnavailableOrAnUnknownStateByHand() {
        String id = register("10.20.2.1", "r1", 10);

        assertThat(api.put("/backends/" + id, "{\"state\": \"Unavailable\"}").status()).isEqualTo(400);
        assertThat(api.put("/backends/" + id, "{\"state\": \"Broken\"}").status()).isEqualTo(400);
        assertThat(api.put("/backends/" + id, "{\"rack\": \"" + "r".repeat(256) + "\"}").status()).isEqualTo(400);
        assertThat(api.get("/backends/" + id).json().get(0).path("state").asText()).isEqualTo("Available");
        assertThat(api.get("/backends/" + id).json().get(0).path("rack").asText()).isEqualTo("r1");
    }

    @Test
    void describesThePoolInInfo() {
        register("10.20.3.1", "r1", 100);
        register("10.20.3.2", "r2", 200);

        JsonNode info = api.get("/info").json();

        assertThat(info.path("authenticationMode").asText()).isEqualTo("LOCAL");
        assertThat(info.path("version").asText()).isNotBlank();
        assertThat(info.path("totalCapacity").asLong()).isEqualTo(300);
        assertThat(info.path("totalFreeSpace").asLong()).isEqualTo(300);
        assertThat(info.path("backends").asInt()).isEqualTo(2);
    }

    @Test
    void answersHealthReadinessAndVersion() {
        assertThat(api.get("/healthz").json().path("healthy").asBoolean()).isTrue();
        assertThat(api.get("/readyz").json().path("ready").asBoolean()).isTrue();
        JsonNode version = api.get("/v1/version").json();
        assertThat(version.path("revision_id").asText()).startsWith("Strata ");
        assertThat(version.has("build_id")).isTrue();
        assertThat(version.has("flavor")).isTrue();
        assertThat(version.has("build_date")).isTrue();
    }
}
