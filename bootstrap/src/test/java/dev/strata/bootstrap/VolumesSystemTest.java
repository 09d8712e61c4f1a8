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
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tenants, volumes, replicas, snapshots and clones end to end, over HTTPS, against the real server
 * and database, in the shapes and with the calls the Cinder KumoScale driver makes.
 */
class VolumesSystemTest {

    @TempDir
    Path dataDir;

    private TestServer server;
    private Api api;
    private final List<String> nodes = new ArrayList<>();

    @BeforeEach
    void start() {
        server = TestServer.start(dataDir);
        api = server.api();
        nodes.add(register("10.40.0.1", "r1", 100));
        nodes.add(register("10.40.0.2", "r2", 100));
        nodes.add(register("10.40.0.3", "r3", 100));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String register(String ip, String rack, int gib) {
        Reply reply = api.post("/backends", aNode().at(ip).onRack(rack).inZone("nova").withCapacityGiB(gib).json());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().path("persistentID").asText();
    }

    /** The body Cinder's KumoScale driver sends to create a volume. */
    static String cinderVolume(String alias, String uuid, int gib, String provisioning, int replicas) {
        return """
                {"alias": "%s", "capacity": %d, "uuid": "%s", "provisioningType": "%s",
                 "reservedSpacePercentage": 20, "protocol": "NVMeoF",
                 "storageClass": {"numReplicas": %d, "zones": ["nova"], "blockSize": 4096, "maxIOPSPerGB": 0,
                                  "desiredIOPSPerGB": 0, "maxBWPerGB": 0, "desiredBWPerGB": 0,
                                  "sameRackAllowed": false, "maxReplicaDownTime": 0, "allowSpan": true}}"""
                .formatted(alias, gib, uuid, provisioning, replicas);
    }

    private JsonNode one(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().isArray()).as("reads answer an array").isTrue();
        assertThat(reply.json()).hasSize(1);
        return reply.json().get(0);
    }

    /** The uuids of the volumes a list answered, in order. */
    private static List<String> uuids(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        reply.json().forEach(volume -> out.add(volume.path("uuid").asText()));
        return out;
    }

    private JsonNode tenant(String id) {
        for (JsonNode tenant : api.get("/tenants").json()) {
            if (tenant.path("tenantId").asText().equals(id)) {
                return tenant;
            }
        }
        throw new AssertionError("no tenant " + id);
    }

    private long available(String node) {
        return one(api.get("/backends/" + node)).path("availableCapacity").asLong();
    }

    @Test
    void createsReadsGrowsAndDeletesAVolumeAsCinderDoes() {
        String uuid = UUID.randomUUID().toString();

        Reply created = api.post("/volumes", cinderVolume("volume-1", uuid, 10, "THICK", 2));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/volumes/" + uuid));
        JsonNode volume = created.json();
        assertThat(volume.has("status")).as("a resource has no top-level status").isFalse();
        assertThat(volume.path("uuid").asText()).isEqualTo(uuid);
        assertThat(volume.path("tenantId").asText()).isEqualTo("0");
        assertThat(volume.path("capacity").asLong()).isEqualTo(10);
        assertThat(volume.path("numReplicas").asInt()).isEqualTo(2);
        assertThat(volume.path("provisioningType").asText()).isEqualTo("THICK");
        assertThat(volume.path("state").asText()).isEqualTo("Available");
        assertThat(volume.path("snapshotID").asText()).isEmpty();
        assertThat(volume.path("writable").asBoolean()).isTrue();
        assertThat(volume.path("protocol").asText()).isEqualTo("NVMeoF");
        for (String field : List.of("reservedSpacePercentage", "blockSize", "maxIOPS", "desiredIOPS", "maxBW",
                "desiredBW", "maxReplicaDownTime", "replicable", "createdAt")) {
            assertThat(volume.has(field)).as(field).isTrue();
        }
        JsonNode location = volume.path("location");
        assertThat(location).hasSize(2);
        assertThat(location.get(0).path("backend").path("persistentID").asText()).isIn(nodes);
        assertThat(location.get(0).path("replicaState").asText()).isEqualTo("Available");
        assertThat(location.get(0).path("uuid").asText()).hasSize(36);
        assertThat(location.get(0).has("currentStateTime")).isTrue();

        Reply again = api.post("/volumes", cinderVolume("volume-1", uuid, 10, "THICK", 2));
        assertThat(again.status()).as("the same request again").isEqualTo(200);
        assertThat(again.json().path("uuid").asText()).isEqualTo(uuid);
        Reply different = api.post("/volumes", cinderVolume("volume-1", uuid, 11, "THICK", 2));
        assertThat(different.status()).isEqualTo(409);
        assertThat(different.errorStatus()).isEqualTo("AlreadyExists");

        assertThat(one(api.get("/volumes/" + uuid)).path("alias").asText()).isEqualTo("volume-1");
        assertThat(one(api.get("/volumes_by_alias/volume-1")).path("uuid").asText()).isEqualTo(uuid);
        assertThat(tenant("0").path("consumedCapacity").asLong()).isEqualTo(20);
        assertThat(tenant("0").path("capacity").asLong()).isEqualTo(300);

        Reply grown = api.patch("/volumes/" + uuid, "{\"newCapacity\": \"20\"}");
        assertThat(grown.status()).as(grown.toString()).isEqualTo(200);
        assertThat(grown.json().path("capacity").asLong()).isEqualTo(20);
        assertThat(grown.json().has("status")).isFalse();
        assertThat(api.patch("/volumes/" + uuid, "{\"newCapacity\": 25, \"alias\": \"renamed\"}").json()
                .path("alias").asText()).isEqualTo("renamed");
        assertThat(tenant("0").path("consumedCapacity").asLong()).isEqualTo(50);
        assertThat(api.get("/info").json().path("volumes").asLong()).isEqualTo(1);

        Reply deleted = api.delete("/volumes/" + uuid);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("status").asText()).isEqualTo("Success");
        Reply gone = api.delete("/volumes/" + uuid);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorStatus()).as("Cinder treats NotExists as deleted").isEqualTo("NotExists");
        assertThat(tenant("0").path("consumedCapacity").asLong()).isZero();
        for (String node : nodes) {
            assertThat(available(node)).isEqualTo(100);
        }
    }

    @Test
    void servesEveryVolumePathUnderATenantPrefixWithinTheTenantsBudget() {
        Reply tenantCreated = api.post("/tenants", """
                {"tenantId": "acme", "name": "Acme", "capacity": 30, "totalIOPS": 5000}""");
        assertThat(tenantCreated.status()).as(tenantCreated.toString()).isEqualTo(201);
        assertThat(tenantCreated.json().path("consumedCapacity").asLong()).isZero();
        String uuid = UUID.randomUUID().toString();

        Reply created = api.post("/acme/volumes", cinderVolume("db", uuid, 10, "THIN", 1));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/acme/volumes/" + uuid));
        assertThat(created.json().path("tenantId").asText()).isEqualTo("acme");

        assertThat(one(api.get("/acme/volumes/" + uuid)).path("uuid").asText()).isEqualTo(uuid);
        assertThat(api.get("/volumes/" + uuid).status()).as("not in the default tenant").isEqualTo(404);
        assertThat(api.get("/acme/volumes").json()).hasSize(1);
        assertThat(api.get("/volumes").json()).isEmpty();
        assertThat(one(api.get("/acme/volumes_by_alias/db")).path("uuid").asText()).isEqualTo(uuid);
        assertThat(tenant("acme").path("consumedCapacity").asLong()).as("THIN: 20 % of 10 GiB").isEqualTo(2);

        Reply over = api.post("/acme/volumes", cinderVolume("big", UUID.randomUUID().toString(), 29, "THICK", 1));
        assertThat(over.status()).isEqualTo(507);
        assertThat(over.errorStatus()).isEqualTo("TenantBudgetExceeded");

        Reply snapshot = api.post("/acme/snapshots", """
                {"alias": "snap", "volumeID": "%s", "reservedSpacePercentage": 10}""".formatted(uuid));
        assertThat(snapshot.status()).as(snapshot.toString()).isEqualTo(201);
        String snapshotId = snapshot.json().path("snapshotID").asText();
        assertThat(one(api.get("/acme/snapshots/" + snapshotId)).path("volumeID").asText()).isEqualTo(uuid);
        assertThat(api.get("/acme/snapshots_by_vol/" + uuid).json()).hasSize(1);
        assertThat(one(api.get("/acme/snapshots_by_alias/snap")).path("snapshotID").asText()).isEqualTo(snapshotId);
        assertThat(api.get("/acme/snapshots").json()).hasSize(1);
        assertThat(api.get("/snapshots").json()).isEmpty();

        Reply fromSnapshot = api.post("/acme/snapshot_volumes", """
                {"alias": "restored", "snapshotID": "%s", "writable": true, "reservedSpacePercentage": 10,
                 "volumeID": "%s", "maxIOPSPerGB": 0, "maxBWPerGB": 0, "protocol": "NVMeoF", "allowSpan": true}"""
                .formatted(snapshotId, UUID.randomUUID()));
        assertThat(fromSnapshot.status()).as(fromSnapshot.toString()).isEqualTo(201);
        assertThat(fromSnapshot.json().path("snapshotID").asText()).isEqualTo(snapshotId);

        Reply clone = api.post("/acme/clone_volume", """
                {"sourceVolumeId": "%s", "alias": "copy", "volumeId": "%s", "capacity": 12}"""
                .formatted(uuid, UUID.randomUUID()));
        assertThat(clone.status()).as(clone.toString()).isEqualTo(201);
        assertThat(clone.json().path("capacity").asLong()).isEqualTo(12);
        assertThat(tenant("acme").path("consumedCapacity").asLong()).isEqualTo(2 + 1 + 1 + 3);

        assertThat(api.delete("/acme/snapshots/" + snapshotId).errorStatus()).isEqualTo("HasVolumes");
        assertThat(api.delete("/acme/volumes/" + uuid).errorStatus()).isEqualTo("HasSnapshots");
        assertThat(api.delete("/tenants/acme").errorStatus()).isEqualTo("HasVolumes");
        assertThat(api.delete("/acme/volumes/" + fromSnapshot.json().path("uuid").asText()).status()).isEqualTo(200);
        assertThat(api.delete("/acme/snapshots/" + snapshotId).status()).isEqualTo(200);
        assertThat(api.delete("/acme/volumes/" + uuid).status()).isEqualTo(200);
        assertThat(api.delete("/acme/volumes/" + clone.json().path("uuid").asText()).status()).isEqualTo(200);
        assertThat(tenant("acme").path("consumedCapacity").asLong()).isZero();
        assertThat(api.delete("/tenants/acme").status()).isEqualTo(200);
        assertThat(api.get("/acme/volumes").status()).isEqualTo(404);
    }

    @Test
    void addsMarksRecordsAndRemovesReplicasAsCinderDoes() {
        String uuid = UUID.randomUUID().toString();
        api.post("/volumes", cinderVolume("replicated", uuid, 5, "THICK", 1));

        Reply added = api.post("/replica/" + uuid, "{}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String replica = added.json().path("uuid").asText();
        assertThat(added.json().path("replicaState").asText()).isEqualTo("Synchronizing");
        assertThat(one(api.get("/volumes/" + uuid)).path("state").asText()).isEqualTo("Degraded");

        assertThat(api.patch("/replica/" + uuid + "/" + replica + "/Available", null).status()).isEqualTo(200);
        assertThat(one(api.get("/volumes/" + uuid)).path("state").asText()).isEqualTo("Available");
        assertThat(api.patch("/replica/" + uuid + "/" + replica + "/Broken", null).status()).isEqualTo(400);
        assertThat(api.post("/replica/" + uuid, null).status()).as("no body: the volume's class").isEqualTo(201);
        assertThat(one(api.get("/volumes/" + uuid)).path("numReplicas").asInt()).isEqualTo(3);
        assertThat(api.post("/replica/" + uuid, "{}").errorStatus()).as("no fourth rack")
                .isEqualTo("InsufficientCapacity");

        Reply marked = api.send("PATCH", "/replica/" + uuid + "/" + replica, null);
        assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
        assertThat(api.delete("/replica/" + uuid + "/" + replica).status()).isEqualTo(200);
        JsonNode after = one(api.get("/volumes/" + uuid));
        assertThat(after.path("numReplicas").asInt()).isEqualTo(2);
        assertThat(tenant("0").path("consumedCapacity").asLong()).isEqualTo(10);

        String last = after.path("location").get(0).path("uuid").asText();
        String other = after.path("location").get(1).path("uuid").asText();
        assertThat(api.delete("/replica/" + uuid + "/" + other).status()).isEqualTo(200);
        Reply refused = api.delete("/replica/" + uuid + "/" + last);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorStatus()).isEqualTo("LastReplica");
        assertThat(api.delete("/replica/" + uuid + "/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void refusesToRemoveANodeThatHoldsAReplicaOrASnapshot() {
        String uuid = UUID.randomUUID().toString();
        JsonNode volume = api.post("/volumes", cinderVolume("pinned", uuid, 1, "THIN", 1)).json();
        String node = volume.path("location").get(0).path("backend").path("persistentID").asText();

        Reply refused = api.delete("/backends/" + node);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorStatus()).isEqualTo("InUse");
        assertThat(one(api.get("/backends/" + node)).path("inUse").asBoolean()).isTrue();
    }

    @Test
    void saysPerNodeWhyNoPlacementFits() {
        api.put("/backends/" + nodes.get(0), "{\"state\": \"Maintenance\"}");

        Reply refused = api.post("/volumes", cinderVolume("huge", UUID.randomUUID().toString(), 150, "THICK", 1));

        assertThat(refused.status()).isEqualTo(507);
        assertThat(refused.errorStatus()).isEqualTo("InsufficientCapacity");
        assertThat(refused.json().path("description").asText())
                .contains("backend " + nodes.get(0) + " is Maintenance")
                .contains("backend " + nodes.get(1) + " has 100 GiB free, needs 150 GiB");
        assertThat(api.get("/volumes").json()).isEmpty();
    }

    @Test
    void pagesWithALinkToTheNextPageAndStreamsTheWholeList() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String uuid = UUID.randomUUID().toString();
            ids.add(uuid);
            assertThat(api.post("/volumes", cinderVolume("v" + i, uuid, 1, "THIN", 1)).status()).isEqualTo(201);
        }
        ids.sort(String::compareTo);

        Reply first = api.get("/volumes?limit=2");
        assertThat(uuids(first)).containsExactlyElementsOf(ids.subList(0, 2));
        String link = first.header("Link").orElseThrow();
        assertThat(link).endsWith(">; rel=\"next\"").contains("after=" + ids.get(1));
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        Reply second = api.get(next.substring(next.indexOf("/volumes")));
        assertThat(uuids(second)).containsExactlyElementsOf(ids.subList(2, 4));
        Reply last = api.get("/volumes?limit=2&after=" + ids.get(3));
        assertThat(uuids(last)).containsExactly(ids.get(4));
        assertThat(last.header("Link")).isEmpty();

        assertThat(uuids(api.get("/volumes"))).containsExactlyElementsOf(ids);
        assertThat(uuids(api.get("/volumes?after=" + ids.get(2))))
                .containsExactlyElementsOf(ids.subList(3, 5));
        assertThat(api.get("/volumes?limit=0").status()).isEqualTo(400);
        assertThat(api.get("/volumes?limit=x").status()).isEqualTo(400);
    }

    @Test
    void keepsVolumesAndAccountingAcrossARestart() {
        String uuid = UUID.randomUUID().toString();
        api.post("/tenants", "{\"tenantId\": \"keep\", \"capacity\": 50}");
        api.post("/keep/volumes", cinderVolume("kept", uuid, 7, "THICK", 2));

        server.restart();
        api = server.api();

        JsonNode volume = one(api.get("/keep/volumes/" + uuid));
        assertThat(volume.path("capacity").asLong()).isEqualTo(7);
        assertThat(volume.path("location")).hasSize(2);
        assertThat(tenant("keep").path("consumedCapacity").asLong()).isEqualTo(14);
        assertThat(tenant("keep").path("capacity").asLong()).isEqualTo(50);
    }
}
