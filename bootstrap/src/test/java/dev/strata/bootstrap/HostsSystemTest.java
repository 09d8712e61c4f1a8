package dev.strata.bootstrap;

import static dev.strata.bootstrap.support.NodeJson.aNode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.bootstrap.support.Api;
import dev.strata.bootstrap.support.NodeJson;
import dev.strata.bootstrap.support.Reply;
import dev.strata.bootstrap.support.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hosts, publish, unpublish and targets end to end over HTTPS, with the calls and bodies of the
 * Cinder KumoScale driver: it authenticates with an access token, sends {@code json.dumps} bodies,
 * and reads only the {@code status} field of an answer, never the HTTP status.
 */
class HostsSystemTest {

    @TempDir
    Path dataDir;

    private TestServer server;
    private Api admin;
    private Api cinder;
    private final List<String> nodes = new ArrayList<>();

    @BeforeEach
    void start() {
        server = TestServer.start(dataDir);
        admin = server.api();
        nodes.add(register(aNode().at("10.40.0.1").named("node-r1").onRack("r1")
                .withPortal("192.168.10.1", 4420, "TCP").withPortal("192.168.20.1", 4420, "TCP")));
        nodes.add(register(aNode().at("10.40.0.2").named("node-r2").onRack("r2").withPortal("192.168.10.2", 4421, "TCP")));
        nodes.add(register(aNode().at("10.40.0.3").named("node-r3").onRack("r3")));
        String token = admin.post("/v1/auth/access-tokens/", "{\"user\": {\"name\": \"admin\"}}").json()
                .path("bearer_token").asText();
        cinder = server.anonymous().withBearer(token);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String register(NodeJson node) {
        Reply reply = admin.post("/backends", node.inZone("nova").withCapacityGiB(1000).json());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().path("persistentID").asText();
    }

    private String volume(int replicas) {
        String uuid = UUID.randomUUID().toString();
        Reply reply = admin.post("/volumes", VolumesSystemTest.cinderVolume("volume-" + uuid.substring(0, 8), uuid, 10,
                "THIN", replicas));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return uuid;
    }

    /** What the driver's {@code ClassBuilder.to_json()} sends: sorted keys, four-space indent, no null fields. */
    private static String pythonJson(String... keysAndValues) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String value = keysAndValues[i + 1];
            if (value == null) {
                continue;
            }
            out.append(out.length() > 1 ? "," : "").append("\n    \"").append(keysAndValues[i]).append("\": ")
                    .append(value.matches("-?[0-9]+") ? value : "\"" + value + "\"");
        }
        return out.append("\n}").toString();
    }

    private Reply probe(String hostId, String nqn, String name) {
        return cinder.post("/host_probe", pythonJson("clientType", "Agent", "duration", "30", "hostId", hostId,
                "hostNqn", nqn, "name", name, "version", "cinder-driver-0.1"));
    }

    /** The driver's outcome check: the JSON {@code status}, "Success" when the answer has none. */
    private static String status(Reply reply) {
        JsonNode json = reply.json();
        return json.isObject() && json.has("status") ? json.path("status").asText() : "Success";
    }

    /**
     * {@code initialize_connection} of the KumoScale driver, step by step, ending in the connect
     * commands a host would run for each replica and each of its node's portals.
     */
    private List<String> attach(String hostId, String nqn, String volume) {
        assertThat(status(probe(hostId, nqn, "compute-1"))).isEqualTo("Success");
        Reply published = cinder.post("/publish", pythonJson("hostId", hostId, "volId", volume));
        assertThat(status(published)).as(published.toString()).isIn("Success", "AlreadyPublished");
        Reply volumes = cinder.get("/volumes/" + volume);
        assertThat(status(volumes)).isEqualTo("Success");
        JsonNode ksVolume = volumes.json().get(0);
        Reply targets = cinder.get("/targets?hostId=" + hostId + "&volId=" + ksVolume.path("uuid").asText());
        assertThat(status(targets)).isEqualTo("Success");
        assertThat(targets.json()).as("targets found").isNotEmpty();
        List<String> commands = new ArrayList<>();
        for (JsonNode target : targets.json()) {
            assertThat(target.has("status")).as("a resource has no top-level status").isFalse();
            String persistentId = target.path("backend").path("persistentID").asText();
            Reply backends = cinder.get("/backends/" + persistentId);
            assertThat(status(backends)).isEqualTo("Success");
            JsonNode backend = backends.json().get(0);
            JsonNode replica = null;
            for (JsonNode location : ksVolume.path("location")) {
                if (location.path("backend").path("persistentID").asText().equals(persistentId)) {
                    replica = location;
                }
            }
            assertThat(replica).as("a replica on backend " + persistentId).isNotNull();
            String replicaUuid = replica.path("uuid").asText();
            assertThat(target.path("namespaces").findValuesAsText("uuid")).as("the replica is a namespace of its target")
                    .contains(replicaUuid);
            for (JsonNode portal : backend.path("portals")) {
                commands.add("nvme connect -t " + portal.path("transport").asText().toLowerCase() + " -a "
                        + portal.path("ip").asText() + " -s " + portal.path("port").asInt() + " -n "
                        + target.path("targetName").asText() + "   # namespace " + replicaUuid);
            }
        }
        return commands;
    }

    @Test
    void attachesAVolumeExactlyAsCinderDoesWithWhatEveryReplicaNeedsToConnect() {
        String hostId = UUID.randomUUID().toString();
        String nqn = "nqn.2014-08.org.nvmexpress:uuid:" + UUID.randomUUID();
        String volume = volume(3);

        List<String> commands = attach(hostId, nqn, volume);

        assertThat(commands).containsExactlyInAnyOrder(
                "nvme connect -t tcp -a 192.168.10.1 -s 4420 -n nqn.2026-11.dev.strata:host:"
                        + hostId + "   # namespace " + replicaOn(volume, nodes.get(0)),
                "nvme connect -t tcp -a 192.168.20.1 -s 4420 -n nqn.2026-11.dev.strata:host:"
                        + hostId + "   # namespace " + replicaOn(volume, nodes.get(0)),
                "nvme connect -t tcp -a 192.168.10.2 -s 4421 -n nqn.2026-11.dev.strata:host:"
                        + hostId + "   # namespace " + replicaOn(volume, nodes.get(1)),
                "nvme connect -t tcp -a 10.40.0.3 -s 4420 -n nqn.2026-11.dev.strata:host:"
                        + hostId + "   # namespace " + replicaOn(volume, nodes.get(2)));
        assertThat(attach(hostId, nqn, volume)).as("attaching again answers the same").isEqualTo(commands);

        JsonNode target = cinder.get("/targets?hostId=" + hostId + "&volId=" + volume).json().get(0);
        assertThat(target.path("hostId").asText()).isEqualTo(hostId);
        assertThat(target.path("allowedHosts")).hasSize(1);
        assertThat(target.path("allowedHosts").get(0).asText()).as("the grant").isEqualTo(nqn);
        assertThat(target.path("numNamespaces").asInt()).isEqualTo(1);
        assertThat(target.path("alias").asText()).startsWith("compute-1@node-");
        JsonNode namespace = target.path("namespaces").get(0);
        assertThat(namespace.path("volumeId").asText()).isEqualTo(volume);
        // one NQN for the host on every node: nsids are unique across all of its targets
        List<Integer> nsids = new ArrayList<>();
        cinder.get("/targets?hostId=" + hostId + "&volId=" + volume).json()
                .forEach(t -> t.path("namespaces").forEach(n -> nsids.add(n.path("nsid").asInt())));
        assertThat(nsids).containsExactlyInAnyOrder(1, 2, 3);
    }

    private String replicaOn(String volume, String node) {
        for (JsonNode location : admin.get("/volumes/" + volume).json().get(0).path("location")) {
            if (location.path("backend").path("persistentID").asText().equals(node)) {
                return location.path("uuid").asText();
            }
        }
        throw new AssertionError("no replica of " + volume + " on " + node);
    }

    @Test
    void detachesAsCinderDoesWithAndWithoutAConnectorAndAgainWithSuccess() {
        String hostId = UUID.randomUUID().toString();
        String volume = volume(2);
        attach(hostId, "nqn.2014-08.com.example:compute-1", volume);

        Reply unpublished = cinder.post("/unpublish", pythonJson("hostId", hostId, "volId", volume));
        assertThat(unpublished.status()).isEqualTo(200);
        assertThat(status(unpublished)).isEqualTo("Success");
        assertThat(cinder.get("/targets?hostId=" + hostId).json()).isEmpty();
        assertThat(status(cinder.post("/unpublish", pythonJson("hostId", hostId, "volId", volume))))
                .as("again").isEqualTo("Success");

        attach(hostId, "nqn.2014-08.com.example:compute-1", volume);
        Reply withoutConnector = cinder.post("/unpublish", pythonJson("hostId", null, "volId", volume));
        assertThat(status(withoutConnector)).as(withoutConnector.toString()).isEqualTo("Success");
        assertThat(withoutConnector.json().path("description").asText()).contains(hostId);
        assertThat(cinder.get("/targets?volId=" + volume).json()).isEmpty();
        assertThat(admin.delete("/volumes/" + volume).status()).as("deletable once unpublished").isEqualTo(200);
    }

    @Test
    void aPublishedVolumeANodeExportingTargetsAndAHostWithPublicationsCannotGo() {
        String hostId = UUID.randomUUID().toString();
        String volume = volume(1);
        attach(hostId, "nqn.2014-08.com.example:compute-1", volume);
        String node = admin.get("/volumes/" + volume).json().get(0).path("location").get(0).path("backend")
                .path("persistentID").asText();

        assertThat(status(admin.delete("/volumes/" + volume))).isEqualTo("VolumePublished");
        assertThat(admin.delete("/volumes/" + volume).status()).isEqualTo(409);
        assertThat(status(admin.delete("/backends/" + node))).isEqualTo("InUse");
        assertThat(status(admin.delete("/hosts/" + hostId))).isEqualTo("InUse");

        admin.post("/unpublish", "{\"hostId\": \"" + hostId + "\", \"volId\": \"" + volume + "\"}");
        assertThat(status(admin.delete("/hosts/" + hostId))).isEqualTo("Success");
        assertThat(admin.get("/hosts/" + hostId).status()).isEqualTo(404);
        assertThat(status(admin.delete("/volumes/" + volume))).isEqualTo("Success");
    }

    @Test
    void aWritableVolumeGoesToOneHostAndAReadOnlyOneToMany() {
        String volume = volume(1);
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        attach(first, "nqn.2014-08.com.example:first", volume);
        probe(second, "nqn.2014-08.com.example:second", "compute-2");

        Reply refused = cinder.post("/publish", pythonJson("hostId", second, "volId", volume));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(status(refused)).isEqualTo("AlreadyPublished");
        assertThat(refused.json().path("description").asText()).contains(first);

        String snapshot = admin.post("/snapshots", "{\"alias\": \"s\", \"volumeID\": \"" + volume + "\"}").json()
                .path("snapshotID").asText();
        String readOnly = admin.post("/snapshot_volumes", "{\"alias\": \"ro\", \"snapshotID\": \"" + snapshot
                + "\", \"writable\": false}").json().path("uuid").asText();
        assertThat(attach(first, "nqn.2014-08.com.example:first", readOnly)).isNotEmpty();
        assertThat(attach(second, "nqn.2014-08.com.example:second", readOnly)).isNotEmpty();
        assertThat(cinder.get("/targets?volId=" + readOnly).json().findValuesAsText("hostId"))
                .containsExactlyInAnyOrder(first, second);
    }

    @Test
    void aHostTurnsOfflineWhenItStopsProbingAndOnlineWhenItProbesAgain() {
        String hostId = UUID.randomUUID().toString();
        probe(hostId, "nqn.2014-08.com.example:compute-1", "compute-1");

        JsonNode host = admin.get("/hosts/" + hostId).json().get(0);
        assertThat(host.path("state").asText()).isEqualTo("Online");
        assertThat(host.path("uuid").asText()).isEqualTo(hostId);
        assertThat(host.path("nqn").asText()).isEqualTo("nqn.2014-08.com.example:compute-1");
        assertThat(host.path("name").asText()).isEqualTo("compute-1");
        assertThat(host.path("clientType").asText()).isEqualTo("Agent");
        assertThat(host.path("version").asText()).isEqualTo("cinder-driver-0.1");
        assertThat(host.path("duration").asInt()).isEqualTo(30);
        assertThat(host.path("lastProbeTime").asLong()).isEqualTo(server.clock().instant().toEpochMilli());
        assertThat(host.has("status")).isFalse();

        server.clock().advance(Duration.ofSeconds(61));
        assertThat(admin.get("/hosts?hostName=compute-1").json().get(0).path("state").asText()).isEqualTo("Offline");

        probe(hostId, "nqn.2014-08.com.example:compute-1", "compute-1");
        assertThat(admin.get("/hosts").json().get(0).path("state").asText()).isEqualTo("Online");
        assertThat(admin.get("/hosts?hostName=compute-2").json()).isEmpty();
    }

    @Test
    void aReplicaAddedToAPublishedVolumeIsExposedToItsHost() {
        String hostId = UUID.randomUUID().toString();
        String volume = volume(1);
        attach(hostId, "nqn.2014-08.com.example:compute-1", volume);

        Reply added = admin.post("/replica/" + volume, "{}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);

        Set<String> uuids = new HashSet<>(cinder.get("/targets?hostId=" + hostId + "&volId=" + volume).json()
                .findValuesAsText("uuid"));
        assertThat(uuids).contains(added.json().path("uuid").asText()).hasSize(2);
        assertThat(attach(hostId, "nqn.2014-08.com.example:compute-1", volume)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void everyChangeIsInTheAuditLog() {
        String hostId = UUID.randomUUID().toString();
        String volume = volume(1);
        attach(hostId, "nqn.2014-08.com.example:compute-1", volume);
        cinder.post("/unpublish", pythonJson("volId", volume));
        admin.delete("/hosts/" + hostId);

        List<String> actions = admin.get("/v1/audit/?limit=1000").json().path("entries").findValuesAsText("action");
        assertThat(actions).contains("host.probe", "volume.publish", "volume.unpublish", "host.remove");
    }
}
