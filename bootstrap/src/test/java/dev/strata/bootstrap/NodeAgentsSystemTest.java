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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage nodes' agents' endpoints (API.md §8) end to end over HTTPS. */
class NodeAgentsSystemTest {

    private static final long GIB = 1L << 30;
    private static final String HOST_NQN = "nqn.2014-08.org.example:host-1";

    @TempDir
    Path dataDir;

    private TestServer server;
    private Api admin;
    private final List<String> nodes = new ArrayList<>();

    @BeforeEach
    void start() {
        server = TestServer.start(dataDir);
        admin = server.api();
        nodes.add(register(aNode().at("10.50.0.1").onRack("r1").withPortal("192.168.50.1", 4420, "TCP")));
        nodes.add(register(aNode().at("10.50.0.2").onRack("r2")));
        nodes.add(register(aNode().at("10.50.0.3").onRack("r3")));
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

    /** An agent of the node: a user bound to it with role node-agent, calling with an access token. */
    private Api agentOf(String node) {
        String name = "agent-" + node.substring(0, 8);
        Reply created = admin.post("/v1/users/", "{\"name\": \"" + name + "\", \"password\": \"agent-password-1\","
                + " \"roles\": [\"node-agent\"], \"node_id\": \"" + node + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("node_id").asText()).isEqualTo(node);
        String token = admin.post("/v1/auth/access-tokens/", "{\"user\": {\"name\": \"" + name + "\"}}").json()
                .path("bearer_token").asText();
        return server.anonymous().withBearer(token);
    }

    private String volume(int replicas) {
        String uuid = UUID.randomUUID().toString();
        Reply reply = admin.post("/volumes", VolumesSystemTest.cinderVolume("v-" + uuid.substring(0, 8), uuid, 10,
                "THICK", replicas));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return uuid;
    }

    private JsonNode volumeJson(String uuid) {
        return admin.get("/volumes/" + uuid).json().get(0);
    }

    private List<String> replicaNodes(String volume) {
        List<String> on = new ArrayList<>();
        volumeJson(volume).path("location").forEach(l -> on.add(l.path("backend").path("persistentID").asText()));
        return on;
    }

    private String replicaOn(String volume, String node) {
        for (JsonNode location : volumeJson(volume).path("location")) {
            if (location.path("backend").path("persistentID").asText().equals(node)) {
                return location.path("uuid").asText();
            }
        }
        throw new AssertionError("no replica of " + volume + " on " + node);
    }

    private void publish(String volume) {
        Reply probed = admin.post("/host_probe", "{\"hostNqn\": \"" + HOST_NQN + "\", \"hostId\": \"host-1\","
                + " \"name\": \"compute-1\", \"duration\": 30}");
        assertThat(probed.status()).as(probed.toString()).isEqualTo(200);
        Reply published = admin.post("/publish", "{\"hostId\": \"host-1\", \"volId\": \"" + volume + "\"}");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
    }

    private JsonNode desired(Api caller, String node) {
        Reply reply = caller.get("/v1/agent/nodes/" + node + "/desired");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private JsonNode backend(String node) {
        return admin.get("/backends/" + node).json().get(0);
    }

    private static String report(long generation, long totalBytes, String replicasJson) {
        return "{\"generation\": " + generation + ", \"agentVersion\": \"strata-agent 1.0\","
                + " \"intervalSeconds\": 10, \"totalCapacity\": " + totalBytes + ", \"freeCapacity\": " + GIB
                + ", \"replicas\": [" + replicasJson + "],"
                + " \"subsystems\": [{\"nqn\": \"nqn.2026-11.dev.strata:x\", \"state\": \"Failed\", \"message\": \"no port\"}],"
                + " \"orphans\": [\"stale.img\"]}";
    }

    private static String available(String replica) {
        return "{\"uuid\": \"" + replica + "\", \"state\": \"Available\", \"sizeBytes\": " + 10 * GIB + "}";
    }

    @Test
    void theDesiredDocumentOfANodeHoldsItsReplicasAndTheSubsystemsOfItsPublications() {
        String volume = volume(2);
        publish(volume);
        String holder = replicaNodes(volume).get(0);
        String other = nodes.stream().filter(n -> !replicaNodes(volume).contains(n)).findFirst().orElseThrow();
        Api agent = agentOf(holder);

        JsonNode doc = desired(agent, holder);

        assertThat(doc.path("node").path("persistentID").asText()).isEqualTo(holder);
        int number = nodes.indexOf(holder) + 1;
        assertThat(doc.path("node").path("cntlidMin").asInt()).isEqualTo(1 + (number - 1) * 32);
        assertThat(doc.path("node").path("cntlidMax").asInt()).isEqualTo(number * 32);
        assertThat(doc.path("node").path("portals")).isNotEmpty();
        String replica = replicaOn(volume, holder);
        assertThat(doc.path("replicas")).hasSize(1);
        JsonNode desiredReplica = doc.path("replicas").get(0);
        assertThat(desiredReplica.path("uuid").asText()).isEqualTo(replica);
        assertThat(desiredReplica.path("volumeId").asText()).isEqualTo(volume);
        assertThat(desiredReplica.path("sizeBytes").asLong()).isEqualTo(10 * GIB);
        assertThat(desiredReplica.path("provisioning").asText()).isEqualTo("THICK");
        assertThat(doc.path("subsystems")).hasSize(1);
        JsonNode subsystem = doc.path("subsystems").get(0);
        assertThat(subsystem.path("hostNqns").toString()).isEqualTo("[\"" + HOST_NQN + "\"]");
        assertThat(subsystem.path("serial").asText()).matches("[0-9a-f]{20}");
        assertThat(subsystem.path("namespaces").get(0).path("uuid").asText()).isEqualTo(replica);
        assertThat(subsystem.path("namespaces").get(0).path("nsid").asInt()).isEqualTo(1);
        JsonNode targets = admin.get("/targets?volId=" + volume).json();
        List<String> names = new ArrayList<>();
        targets.forEach(t -> names.add(t.path("targetName").asText()));
        assertThat(names).contains(subsystem.path("nqn").asText());

        JsonNode elsewhere = desired(admin, other);
        assertThat(elsewhere.path("replicas")).isEmpty();
        assertThat(elsewhere.path("subsystems")).isEmpty();
        int otherMin = elsewhere.path("node").path("cntlidMin").asInt();
        int otherMax = elsewhere.path("node").path("cntlidMax").asInt();
        assertThat(otherMax < doc.path("node").path("cntlidMin").asInt()
                || otherMin > doc.path("node").path("cntlidMax").asInt()).as("ranges do not overlap").isTrue();
    }

    @Test
    void eachChangeToANodeBumpsItsGenerationAndNoOtherNodes() {
        String a = nodes.get(0);
        long start = desired(admin, a).path("generation").asLong();
        String volume = volume(3);
        long placed = desired(admin, a).path("generation").asLong();
        assertThat(placed).isGreaterThan(start);

        publish(volume);
        long published = desired(admin, a).path("generation").asLong();
        assertThat(published).isGreaterThan(placed);

        assertThat(admin.patch("/volumes/" + volume, "{\"newCapacity\": 20}").status()).isEqualTo(200);
        long expanded = desired(admin, a).path("generation").asLong();
        assertThat(expanded).isGreaterThan(published);
        assertThat(desired(admin, a).path("replicas").get(0).path("sizeBytes").asLong()).isEqualTo(20 * GIB);

        String lone = nodes.get(1);
        long before = desired(admin, lone).path("generation").asLong();
        assertThat(admin.put("/backends/" + a, "{\"rack\": \"r9\"}").status()).isEqualTo(200);
        assertThat(desired(admin, a).path("generation").asLong()).isGreaterThan(expanded);
        assertThat(desired(admin, lone).path("generation").asLong()).isEqualTo(before);
        assertThat(backend(a).path("desiredGeneration").asLong())
                .isEqualTo(desired(admin, a).path("generation").asLong());
    }

    @Test
    void aHeldPollIsWokenByAPublishToItsNode() throws Exception {
        String volume = volume(3);
        String node = nodes.get(0);
        Api agent = agentOf(node);
        long generation = desired(agent, node).path("generation").asLong();

        CompletableFuture<Reply> held = CompletableFuture.supplyAsync(() ->
                agent.get("/v1/agent/nodes/" + node + "/desired?after=" + generation + "&wait=50"));
        publish(volume);

        Reply woken = held.get(40, TimeUnit.SECONDS);
        assertThat(woken.status()).as(woken.toString()).isEqualTo(200);
        assertThat(woken.json().path("generation").asLong()).isGreaterThan(generation);
        assertThat(woken.json().path("subsystems")).hasSize(1);
    }

    @Test
    void aPollWithoutAChangeAnswersTheSameGenerationWhenItsWaitEnds() {
        String node = nodes.get(0);
        long generation = desired(admin, node).path("generation").asLong();

        Reply reply = admin.get("/v1/agent/nodes/" + node + "/desired?after=" + generation + "&wait=1");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("generation").asLong()).isEqualTo(generation);
    }

    @Test
    void anAgentActsForItsOwnNodeAlone() {
        Api agent = agentOf(nodes.get(0));

        agent.get("/v1/agent/nodes/" + nodes.get(1) + "/desired").assertErrorBody(403);
        agent.put("/v1/agent/nodes/" + nodes.get(1) + "/observed", report(0, 1000 * GIB, ""))
                .assertErrorBody(403);
        assertThat(backend(nodes.get(1)).path("agentVersion").asText()).isEmpty();
        agent.get("/backends").assertErrorBody(403);
        server.api().get("/v1/agent/nodes/" + UUID.randomUUID() + "/desired").assertErrorBody(404);
    }

    @Test
    void bindingAUserToANodeThatIsNotThereIsBadInput() {
        admin.post("/v1/users/", "{\"name\": \"x1\", \"password\": \"agent-password-1\", \"node_id\": \""
                + UUID.randomUUID() + "\"}").assertErrorBody(400);
        admin.post("/v1/users/", "{\"name\": \"x2\", \"password\": \"agent-password-1\", \"node_id\": \" \"}")
                .assertErrorBody(400);
        assertThat(admin.get("/v1/users/").body()).doesNotContain("\"x1\"").doesNotContain("\"x2\"");
    }

    @Test
    void badInputOnEitherEndpointIsRefusedAndChangesNothing() {
        String node = nodes.get(0);
        Api agent = agentOf(node);
        for (String query : List.of("?after=x", "?after=-1", "?wait=61", "?wait=-1", "?wait=soon")) {
            agent.get("/v1/agent/nodes/" + node + "/desired" + query).assertErrorBody(400);
        }
        JsonNode before = backend(node);
        for (String body : List.of("{}", "[]", "{\"generation\": \"x\"}",
                report(0, 1000 * GIB, "").replace("\"intervalSeconds\": 10", "\"intervalSeconds\": 0"),
                report(0, 1000 * GIB, "{\"uuid\": \"not-a-uuid\", \"state\": \"Available\", \"sizeBytes\": 1}"),
                report(0, 1000 * GIB, "{\"uuid\": \"" + UUID.randomUUID() + "\", \"state\": \"Gone\", \"sizeBytes\": 1}"),
                report(0, 1000 * GIB, "").replace("\"Failed\"", "\"Broken\""),
                report(0, 1L << 62, ""))) {
            agent.put("/v1/agent/nodes/" + node + "/observed", body).assertErrorBody(400);
        }
        assertThat(backend(node)).isEqualTo(before);
    }

    @Test
    void aReportIsTheNodesHeartbeatAndItsSilenceMakesItUnavailableAndItsReplicasMissing() {
        String volume = volume(2);
        String node = replicaNodes(volume).get(0);
        String replica = replicaOn(volume, node);
        Api agent = agentOf(node);

        Reply reported = agent.put("/v1/agent/nodes/" + node + "/observed",
                report(3, 500 * GIB + GIB / 2, available(replica)));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(200);
        JsonNode shown = backend(node);
        assertThat(shown.path("state").asText()).isEqualTo("Available");
        assertThat(shown.path("agentVersion").asText()).isEqualTo("strata-agent 1.0");
        assertThat(shown.path("appliedGeneration").asLong()).isEqualTo(3);
        assertThat(shown.path("probeInterval").asInt()).isEqualTo(10);
        assertThat(shown.path("lastProbTime").asLong()).isEqualTo(server.clock().instant().toEpochMilli());
        assertThat(shown.path("totalCapacity").asLong()).isEqualTo(500);
        assertThat(shown.path("orphans").toString()).isEqualTo("[\"stale.img\"]");
        assertThat(shown.path("subsystems").get(0).path("state").asText()).isEqualTo("Failed");
        JsonNode failed = admin.get("/v1/cluster/summary").json().path("faults").path("failed_subsystems");
        assertThat(failed.size()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.get(0).path("node_id").asText()).isEqualTo(node);
        assertThat(failed.get(0).path("nqn").asText()).isEqualTo("nqn.2026-11.dev.strata:x");
        assertThat(failed.get(0).path("reason").asText()).isEqualTo("no port");

        server.clock().advance(Duration.ofSeconds(31));
        server.server().sweepSilentNodes();

        assertThat(backend(node).path("state").asText()).isEqualTo("Unavailable");
        assertThat(volumeJson(volume).path("state").asText()).isEqualTo("Degraded");
        assertThat(stateOf(volume, replica)).isEqualTo("Missing");
        String other = nodes.stream().filter(n -> !n.equals(node)).findFirst().orElseThrow();
        assertThat(backend(other).path("state").asText()).as("never had an agent").isEqualTo("Available");

        assertThat(agent.put("/v1/agent/nodes/" + node + "/observed", report(3, 500 * GIB, available(replica)))
                .status()).isEqualTo(200);
        assertThat(backend(node).path("state").asText()).isEqualTo("Available");
        assertThat(stateOf(volume, replica)).isEqualTo("Available");
        assertThat(volumeJson(volume).path("state").asText()).isEqualTo("Available");
    }

    @Test
    void aReportedCapacityBelowWhatIsAllocatedIsShownNotRefused() {
        String volume = volume(1);
        String node = replicaNodes(volume).get(0);
        Api agent = agentOf(node);

        assertThat(agent.put("/v1/agent/nodes/" + node + "/observed", report(1, 4 * GIB, "")).status())
                .isEqualTo(200);

        JsonNode shown = backend(node);
        assertThat(shown.path("totalCapacity").asLong()).isEqualTo(4);
        assertThat(shown.path("availableCapacity").asLong()).isEqualTo(-6);
    }

    private String stateOf(String volume, String replica) {
        for (JsonNode location : volumeJson(volume).path("location")) {
            if (location.path("uuid").asText().equals(replica)) {
                return location.path("replicaState").asText();
            }
        }
        throw new AssertionError("no replica " + replica);
    }

    @Test
    void aDeletedVolumesReplicasAreRetiredUntilAReportNoLongerListsThem() {
        String volume = volume(1);
        String node = replicaNodes(volume).get(0);
        String replica = replicaOn(volume, node);
        Api agent = agentOf(node);
        assertThat(admin.delete("/volumes/" + volume).status()).isEqualTo(200);

        JsonNode doc = desired(agent, node);
        assertThat(doc.path("replicas")).isEmpty();
        assertThat(doc.path("retiredReplicas").toString()).isEqualTo("[\"" + replica + "\"]");

        agent.put("/v1/agent/nodes/" + node + "/observed", report(1, 1000 * GIB, available(replica)));
        assertThat(desired(agent, node).path("retiredReplicas")).hasSize(1);

        agent.put("/v1/agent/nodes/" + node + "/observed", report(2, 1000 * GIB, ""));
        assertThat(desired(agent, node).path("retiredReplicas")).isEmpty();
    }
}
