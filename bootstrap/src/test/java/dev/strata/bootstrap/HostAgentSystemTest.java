package dev.strata.bootstrap;

import static dev.strata.bootstrap.support.NodeJson.aNode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.bootstrap.support.Api;
import dev.strata.bootstrap.support.NodeJson;
import dev.strata.bootstrap.support.Reply;
import dev.strata.bootstrap.support.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The KumoScale host agent (os-brick's {@code nvmeof_agent.py} and {@code nvmeof_tasks.py}) against
 * Strata over HTTPS, with its own calls and bodies: {@code ClassBuilder.to_json()} bodies (sorted
 * keys, four-space indent, no null fields), {@code PATCH} replica states with no body, the whole
 * task sent back in {@code PUT /tasks}, tag values as strings. Like the agent, it never reads an
 * HTTP status: a body whose {@code status} is not {@code "Success"} is an error, a body without one
 * is success.
 */
class HostAgentSystemTest {

    private static final ObjectMapper PYTHON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).enable(SerializationFeature.INDENT_OUTPUT);

    @TempDir
    Path dataDir;

    private TestServer server;
    private Api admin;
    /** The agent: an access token; its GET, PATCH and DELETE carry a JSON Content-Type and no body. */
    private Api agent;
    private Api agentNoBody;
    private final Map<String, String> rackOf = new HashMap<>();
    private final String hostId = UUID.randomUUID().toString();

    @BeforeEach
    void start() {
        server = TestServer.start(dataDir);
        admin = server.api();
        register(aNode().at("10.50.0.1").named("node-r1").onRack("r1"), "r1");
        register(aNode().at("10.50.0.2").named("node-r2").onRack("r2"), "r2");
        register(aNode().at("10.50.0.3").named("node-r3").onRack("r3"), "r3");
        String token = admin.post("/v1/auth/access-tokens/", "{\"user\": {\"name\": \"admin\"}}").json()
                .path("bearer_token").asText();
        agent = server.anonymous().withBearer(token);
        agentNoBody = agent.withHeader("Content-Type", "application/json");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void register(NodeJson node, String rack) {
        Reply reply = admin.post("/backends", node.inZone("nova").withCapacityGiB(1000).json());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        rackOf.put(reply.json().path("persistentID").asText(), rack);
    }

    /** {@code ClassBuilder(**kwargs).to_json()}: keys sorted, four-space indent, None left out. */
    private static String python(Object... keysAndValues) {
        Map<String, Object> fields = new TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return write(fields);
    }

    private static String write(Object value) {
        try {
            return PYTHON.writeValueAsString(value).replace("  ", "    ");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code result_support}: the JSON status, or "Success" when the body has none. */
    private static String status(Reply reply) {
        JsonNode json = reply.json();
        return json.isObject() && json.has("status") ? json.path("status").asText() : "Success";
    }

    private static Reply ok(Reply reply) {
        assertThat(status(reply)).as(reply.toString()).isEqualTo("Success");
        return reply;
    }

    private String volume(int replicas) {
        String uuid = UUID.randomUUID().toString();
        ok(admin.post("/volumes", VolumesSystemTest.cinderVolume("volume-" + uuid.substring(0, 8), uuid, 10, "THIN",
                replicas)));
        return uuid;
    }

    private void probe(List<Boolean> usedNamespaces) {
        ok(agent.post("/host_probe", python("hostNqn", "nqn.2014-08.org.nvmexpress:uuid:" + hostId, "hostId", hostId,
                "name", "compute-1", "clientType", "Openstack", "version", "3.22.170", "duration", 30,
                "multipath", false, "usedNamespacesIds", usedNamespaces)));
    }

    private JsonNode tasks() {
        Reply reply = ok(agentNoBody.get("/tasks?hostId=" + hostId));
        assertThat(reply.json().isArray()).isTrue();
        return reply.json();
    }

    private JsonNode task(String taskId) {
        JsonNode found = ok(agentNoBody.get("/tasks?taskId=" + taskId)).json();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static Map<String, String> tags(JsonNode task) {
        Map<String, String> tags = new TreeMap<>();
        for (JsonNode tag : task.path("taskConfiguration")) {
            assertThat(tag.path("value").isTextual()).as("tag values are strings: " + tag).isTrue();
            tags.put(tag.path("name").asText(), tag.path("value").asText());
        }
        return tags;
    }

    /** {@code update_task}: the task as read, changed, sent back whole. */
    private Reply report(JsonNode task, String state, Object progress, String status, String description,
                         Map<String, String> addedTags) {
        ObjectNode sent = task.deepCopy();
        sent.put("state", state);
        if (progress instanceof Double d) {
            sent.put("progress", d);
        } else if (progress instanceof Integer i) {
            sent.put("progress", i);
        }
        if (status != null) {
            sent.put("taskStatus", status);
        }
        if (description != null) {
            sent.put("statusDescription", description);
        }
        ArrayNode tags = (ArrayNode) sent.withArray("taskConfiguration");
        addedTags.forEach((name, value) -> tags.addObject().put("name", name).put("value", value));
        Map<String, Object> sorted = PYTHON.convertValue(sent, TreeMap.class);
        return agent.put("/tasks", write(sorted));
    }

    private JsonNode volumeJson(String volume) {
        return ok(agentNoBody.get("/volumes/" + volume)).json().get(0);
    }

    private static void assertEveryTaskField(JsonNode task) {
        for (String field : List.of("taskId", "hostId", "type", "state", "taskStatus", "statusDescription", "progress",
                "startDate", "endDate", "stoppable", "taskConfiguration")) {
            assertThat(task.has(field)).as(field + " in " + task).isTrue();
            assertThat(task.path(field).isNull()).as(field + " is never null").isFalse();
        }
        assertThat(task.path("progress").isNumber()).isTrue();
        assertThat(task.has("status")).as("a resource has no top-level status").isFalse();
    }

    @Test
    void probesThenConnectsAndDisconnectsATwoReplicaVolumeThroughItsTasks() {
        probe(null);
        probe(List.of(true, true, false));
        JsonNode host = ok(agentNoBody.get("/hosts?hostName=compute-1")).json().get(0);
        assertThat(host.path("multipath").asBoolean()).isFalse();
        // shown as long as the highest nsid in use
        assertThat(host.path("usedNamespacesIds").toString()).isEqualTo("[true,true]");
        probe(null);
        assertThat(ok(agentNoBody.get("/hosts/" + hostId)).json().get(0).path("usedNamespacesIds").toString())
                .as("a probe without the list keeps the last one").isEqualTo("[true,true]");
        String volume = volume(2);

        Reply connected = ok(agent.post("/connect", python("hostId", hostId, "volId", volume)));
        String taskId = connected.json().path("taskId").asText();
        assertThat(ok(agent.post("/connect", python("hostId", hostId, "volId", volume))).json().path("taskId")
                .asText()).as("again while IDLE: the same task").isEqualTo(taskId);

        JsonNode tasks = tasks();
        assertThat(tasks).hasSize(1);
        JsonNode task = tasks.get(0);
        assertEveryTaskField(task);
        assertThat(task.path("taskId").asText()).isEqualTo(taskId).matches("[A-Za-z0-9._-]+");
        assertThat(task.path("type").asText()).isEqualTo("ConnectVolume");
        assertThat(task.path("state").asText()).isEqualTo("IDLE");
        assertThat(task.path("taskStatus").asText()).isEmpty();
        assertThat(task.path("statusDescription").asText()).isEmpty();
        assertThat(task.path("progress").asDouble()).isZero();
        assertThat(task.path("endDate").asLong()).isZero();
        JsonNode ksVolume = volumeJson(volume);
        assertThat(tags(task)).containsExactlyInAnyOrderEntriesOf(Map.of("volId", volume,
                "volumeAlias", ksVolume.path("alias").asText()));

        // stage_block_volume: the targets (one per replica node, under one name), the backends, the states
        JsonNode targets = ok(agentNoBody.get("/targets?hostId=" + hostId + "&volId=" + volume)).json();
        assertThat(targets).hasSize(2);
        assertThat(targets.get(0).path("name").asText()).isEqualTo(targets.get(0).path("targetName").asText())
                .isEqualTo(targets.get(1).path("name").asText()).isEqualTo("nqn.2026-11.dev.strata:host:" + hostId);
        List<Integer> nsids = new ArrayList<>();
        targets.forEach(t -> t.path("namespaces").forEach(n -> nsids.add(n.path("nsid").asInt())));
        assertThat(nsids).as("unique across the host's targets, clear of the nsids in use").containsExactlyInAnyOrder(3, 4);
        for (JsonNode location : ksVolume.path("location")) {
            ok(agentNoBody.get("/backends/" + location.path("backend").path("persistentID").asText()));
            ok(agentNoBody.patch("/replica/" + volume + "/" + location.path("uuid").asText() + "/Available", null));
        }
        assertThat(ok(report(task, "FINISHED", null, "Success", "Success", Map.of("path", "/dev/md/x",
                "connectedLocation1", "a", "connectedLocation2", "b"))).json().path("state").asText())
                .isEqualTo("FINISHED");
        JsonNode finished = task(taskId);
        assertThat(finished.path("endDate").asLong()).isPositive();
        assertThat(tags(finished)).containsKeys("volId", "volumeAlias", "path", "connectedLocation2");
        ok(report(finished, "FINISHED", null, null, null, Map.of()));
        Reply reopened = report(finished, "RUNNING", null, null, null, Map.of());
        reopened.assertErrorBody(409);
        assertThat(reopened.errorStatus()).isEqualTo("TaskEnded");

        Reply disconnecting = ok(agent.post("/disconnect", python("hostId", hostId, "volId", volume)));
        String disconnectId = disconnecting.json().path("taskId").asText();
        JsonNode disconnect = task(disconnectId);
        assertThat(disconnect.path("type").asText()).isEqualTo("DisconnectVolume");
        assertThat(ok(agentNoBody.get("/targets?hostId=" + hostId + "&volId=" + volume)).json())
                .as("still published until the host is done").hasSize(2);
        ok(report(disconnect, "FINISHED", null, "Success", "Success", Map.of()));
        assertThat(ok(agentNoBody.get("/targets?hostId=" + hostId + "&volId=" + volume)).json()).isEmpty();
        Reply again = ok(agent.post("/disconnect", python("hostId", hostId, "volId", volume)));
        assertThat(again.json().has("taskId")).as("not published: no task").isFalse();
    }

    @Test
    void migratesAReplicaToAnotherRackWithTheAgentsOwnCallsAndTheReplacedOneGoes() {
        probe(null);
        String volume = volume(2);
        ok(agent.post("/publish", python("hostId", hostId, "volId", volume)));
        JsonNode before = volumeJson(volume);
        for (JsonNode location : before.path("location")) {
            ok(agentNoBody.patch("/replica/" + volume + "/" + location.path("uuid").asText() + "/Available", null));
        }
        String replaced = before.path("location").get(0).path("uuid").asText();
        String replacedNode = before.path("location").get(0).path("backend").path("persistentID").asText();
        String stayingNode = before.path("location").get(1).path("backend").path("persistentID").asText();

        Reply migrating = ok(admin.post("/migrate_volume", python("volId", volume, "repId", replaced)));
        String taskId = migrating.json().path("taskId").asText();

        JsonNode during = volumeJson(volume);
        assertThat(during.path("location")).hasSize(3);
        JsonNode added = null;
        for (JsonNode location : during.path("location")) {
            String node = location.path("backend").path("persistentID").asText();
            if (!node.equals(replacedNode) && !node.equals(stayingNode)) {
                added = location;
            }
        }
        assertThat(added).isNotNull();
        assertThat(added.path("replicaState").asText()).isEqualTo("Synchronizing");
        assertThat(rackOf.get(added.path("backend").path("persistentID").asText()))
                .isNotEqualTo(rackOf.get(stayingNode));
        assertThat(ok(agentNoBody.get("/targets?hostId=" + hostId + "&volId=" + volume)).json())
                .as("the new replica is exported to the host at once").hasSize(3);
        String addedId = added.path("uuid").asText();

        // handle_migration: the IDLE task, then add_replica, which answers the replica the migration placed
        JsonNode task = tasks().get(0);
        assertEveryTaskField(task);
        assertThat(task.path("taskId").asText()).isEqualTo(taskId);
        assertThat(task.path("type").asText()).isEqualTo("RemoteMigration");
        assertThat(tags(task)).containsExactlyInAnyOrderEntriesOf(Map.of("volId", volume, "replicaId", replaced,
                "volumeAlias", before.path("alias").asText()));
        Reply claimed = ok(agent.post("/replica/" + volume, python("sameRackAllowed", false, "racks", List.of(),
                "regions", List.of(), "zones", List.of())));
        assertThat(claimed.status()).isEqualTo(200);
        assertThat(claimed.json().path("uuid").asText()).isEqualTo(addedId);
        assertThat(volumeJson(volume).path("location")).as("nothing more placed").hasSize(3);
        ok(report(task, "RUNNING", 0, "Success", null, Map.of("addedReplicaId", replaced)));
        Reply halfway = ok(report(task(taskId), "RUNNING", 45.5, "Success", null, Map.of()));
        assertThat(halfway.json().path("progress").asDouble()).isEqualTo(45.5);

        // handle_running_task at 100%: the legs' states, then the two-phase delete of the replaced one
        ok(agentNoBody.patch("/replica/" + volume + "/" + addedId + "/Available", null));
        ok(agentNoBody.patch("/replica/" + volume + "/" + replaced + "/Available", null));
        ok(agentNoBody.patch("/replica/" + volume + "/" + replaced, null));
        Reply revived = agentNoBody.patch("/replica/" + volume + "/" + replaced + "/Available", null);
        revived.assertErrorBody(409);
        assertThat(revived.errorStatus()).isEqualTo("ReplicaTerminating");
        ok(agentNoBody.delete("/replica/" + volume + "/" + replaced));
        ok(report(task(taskId), "FINISHED", 100, "Success", "Success", Map.of()));

        JsonNode after = volumeJson(volume);
        assertThat(after.path("location").findValuesAsText("uuid")).containsExactlyInAnyOrder(addedId,
                before.path("location").get(1).path("uuid").asText());
        assertThat(after.path("state").asText()).isEqualTo("Available");
        assertThat(task(taskId).path("state").asText()).isEqualTo("FINISHED");
        // the agent adds replicas itself again once the migration is over
        assertThat(agent.post("/replica/" + volume, python("sameRackAllowed", false, "racks", List.of(),
                "regions", List.of(), "zones", List.of())).status()).isEqualTo(201);
    }

    @Test
    void aFinishedMigrationWhoseHostLeftTheOldReplicaMarksItTerminating() {
        probe(null);
        String volume = volume(2);
        ok(agent.post("/publish", python("hostId", hostId, "volId", volume)));
        String taskId = ok(admin.post("/migrate_volume", python("volId", volume))).json().path("taskId").asText();
        String replaced = tags(task(taskId)).get("replicaId");

        ok(report(task(taskId), "FINISHED", 100.0, "Success", "Success", Map.of()));

        for (JsonNode location : volumeJson(volume).path("location")) {
            if (location.path("uuid").asText().equals(replaced)) {
                assertThat(location.path("replicaState").asText()).isEqualTo("Terminating");
            }
        }
    }

    @Test
    void aReplicaReportsHowLongItHasBeenInItsStateInMilliseconds() {
        String volume = volume(1);
        String replica = volumeJson(volume).path("location").get(0).path("uuid").asText();
        ok(agentNoBody.patch("/replica/" + volume + "/" + replica + "/Missing", null));
        server.clock().advance(Duration.ofMinutes(5));

        JsonNode location = volumeJson(volume).path("location").get(0);

        assertThat(location.path("replicaState").asText()).isEqualTo("Missing");
        assertThat(location.path("currentStateTime").asLong()).isEqualTo(Duration.ofMinutes(5).toMillis());
    }

    @Test
    void refusesAnotherHostsUpdateUnknownIdsBadStatesAndBadProgressChangingNothing() {
        probe(null);
        String volume = volume(2);
        String taskId = ok(agent.post("/connect", python("hostId", hostId, "volId", volume))).json().path("taskId")
                .asText();
        JsonNode task = task(taskId);

        ObjectNode otherHost = task.deepCopy();
        otherHost.put("hostId", "another-host").put("state", "RUNNING");
        Reply forbidden = agent.put("/tasks", write(otherHost));
        forbidden.assertErrorBody(403);
        assertThat(forbidden.errorStatus()).isEqualTo("Forbidden");

        agentNoBody.get("/tasks?taskId=" + UUID.randomUUID()).assertErrorBody(404);
        agentNoBody.get("/tasks?hostId=unknown-host").assertErrorBody(404);
        ObjectNode unknown = task.deepCopy();
        unknown.put("taskId", UUID.randomUUID().toString());
        agent.put("/tasks", write(unknown)).assertErrorBody(404);
        assertThat(report(task, "DONE", null, null, null, Map.of()).errorStatus()).isEqualTo("InvalidInput");
        report(task, "RUNNING", 100.5, null, null, Map.of()).assertErrorBody(400);
        report(task, "RUNNING", -1, null, null, Map.of()).assertErrorBody(400);
        ObjectNode textual = task.deepCopy();
        textual.put("progress", "half");
        agent.put("/tasks", write(textual)).assertErrorBody(400);
        agent.put("/tasks", "{\"hostId\": \"" + hostId + "\"}").assertErrorBody(400);

        JsonNode unchanged = task(taskId);
        assertThat(unchanged.path("state").asText()).isEqualTo("IDLE");
        assertThat(unchanged.path("progress").asDouble()).isZero();

        ok(report(task, "RUNNING", 10, null, null, Map.of()));
        Reply running = agentNoBody.delete("/tasks?taskId=" + taskId);
        running.assertErrorBody(409);
        assertThat(running.errorStatus()).isEqualTo("TaskAlreadyRunning");
        admin.post("/migrate_volume", python("volId", volume(1))).assertErrorBody(409);
    }

    @Test
    void aReplicaMissingLongerThanTheVolumeAllowsHealsThroughAMigrationTaskForTheHost() {
        probe(null);
        String volume = UUID.randomUUID().toString();
        ok(admin.post("/volumes", VolumesSystemTest.cinderVolume("healing", volume, 10, "THIN", 2)
                .replace("\"maxReplicaDownTime\": 0", "\"maxReplicaDownTime\": 3")));
        ok(agent.post("/publish", python("hostId", hostId, "volId", volume)));
        JsonNode before = volumeJson(volume);
        String missing = before.path("location").get(0).path("uuid").asText();
        String stayingNode = before.path("location").get(1).path("backend").path("persistentID").asText();
        ok(agentNoBody.patch("/replica/" + volume + "/" + missing + "/Missing", null));
        server.clock().advance(Duration.ofMinutes(3));
        server.server().healVolumes();
        assertThat(tasks()).as("not before maxReplicaDownTime has passed").isEmpty();
        server.clock().advance(Duration.ofSeconds(1));

        server.server().healVolumes();
        server.server().healVolumes();

        JsonNode tasks = tasks();
        assertThat(tasks).as("one repair, however many passes").hasSize(1);
        assertThat(tasks.get(0).path("type").asText()).isEqualTo("RemoteMigration");
        assertThat(tags(tasks.get(0))).containsEntry("replicaId", missing).containsEntry("volId", volume);
        JsonNode during = volumeJson(volume);
        assertThat(during.path("location")).hasSize(3);
        for (JsonNode location : during.path("location")) {
            if (location.path("replicaState").asText().equals("Synchronizing")) {
                assertThat(rackOf.get(location.path("backend").path("persistentID").asText()))
                        .isNotEqualTo(rackOf.get(stayingNode));
            }
        }
        String metrics = admin.get("/metrics").body();
        assertThat(metrics).contains("strata_repairs_started_total 1.0").contains("strata_volumes_degraded 1.0");
    }

    @Test
    void theAgentsForwardedEventsAreReadByOperatorsPagedAndShowInTheAuditLog() {
        for (int i = 1; i <= 3; i++) {
            // forward_logs(level, hostname, message, parameters_list) as ForwardEntity('EVENT', ...)
            ok(agent.post("/forward_log", python("loggingType", "EVENT", "level", "WARNING", "host", "compute-1",
                    "appName", "nvmeof_agent", "message", "leg " + i + " of md0 failed", "parametersList",
                    List.of("md0", i))));
        }
        JsonNode first = ok(admin.get("/v1/host-events/?limit=2")).json();
        assertThat(first.path("entries")).hasSize(2);
        assertThat(first.path("entries").get(0).path("message").asText()).isEqualTo("leg 1 of md0 failed");
        assertThat(first.path("entries").get(0).path("parameters").asText()).isEqualTo("[\"md0\",1]");
        assertThat(first.path("entries").get(0).path("app_name").asText()).isEqualTo("nvmeof_agent");
        String next = first.path("paging").path("next").asText();
        JsonNode rest = ok(admin.get(next)).json();
        assertThat(rest.path("entries")).hasSize(1);
        assertThat(rest.path("paging").path("next").asText()).isEmpty();
        assertThat(admin.get("/v1/audit/?limit=1000").json().path("entries").findValuesAsText("action"))
                .contains("host.event");
    }

    @Test
    void anOperatorSetsThePollingRateAndTheAgentFinishesIt() {
        probe(null);
        Reply created = admin.post("/tasks", python("hostId", hostId, "type", "SetPollingRate",
                "taskConfiguration", List.of(Map.of("name", "pollingRate", "value", "2000"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String taskId = created.json().path("taskId").asText();
        JsonNode task = tasks().get(0);
        assertThat(task.path("taskId").asText()).isEqualTo(taskId);
        assertThat(tags(task)).containsEntry("pollingRate", "2000");
        ok(report(task, "FINISHED", null, "Success", "Success", Map.of()));
        assertThat(task(taskId).path("state").asText()).isEqualTo("FINISHED");
        admin.post("/tasks", python("hostId", hostId, "type", "ConnectVolume")).assertErrorBody(400);
    }
}
