package dev.strata.bootstrap;

import static dev.strata.bootstrap.support.NodeJson.aNode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.bootstrap.support.Api;
import dev.strata.bootstrap.support.Reply;
import dev.strata.bootstrap.support.StrataProcess;
import dev.strata.bootstrap.support.Tls;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata serve} is killed with SIGKILL while clients create and delete volumes, then started
 * again: every acknowledged create is there, every acknowledged delete is gone, nothing appears
 * that no client asked for, and the node and tenant counters match the volumes that survived.
 * Sixteen clients keep several creates queued at once, so most commits are shared (group commit).
 */
class CrashSafetySystemTest {

    private static final String ADMIN_PASSWORD = "crash-admin-password";

    private static final int CLIENTS = 16;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 100;

    @TempDir
    Path dir;

    @Test
    void keepsEveryAcknowledgedChangeAcrossASigkill() throws Exception {
        Path data = dir.resolve("data");
        Set<String> created = ConcurrentHashMap.newKeySet();
        Set<String> deleted = ConcurrentHashMap.newKeySet();
        Set<String> unanswered = ConcurrentHashMap.newKeySet();
        Set<String> failures = ConcurrentHashMap.newKeySet();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();

        try (StrataProcess strata = StrataProcess.start(data, Map.of("STRATA_ADMIN_PASSWORD", ADMIN_PASSWORD))) {
            Api api = new Api(strata.baseUri(), Tls.trusting(data.resolve("tls/server.crt")))
                    .withBasic("admin", ADMIN_PASSWORD);
            for (int i = 1; i <= 2; i++) {
                assertThat(api.post("/backends", aNode().at("10.70.0." + i).onRack("r" + i).withCapacityGiB(100000).json()).status()).isEqualTo(201);
            }
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Api client = new Api(strata.baseUri(), Tls.trusting(data.resolve("tls/server.crt")))
                        .withBasic("admin", ADMIN_PASSWORD);
                Random random = new Random(c);
                Thread thread = new Thread(() -> churn(client, random, created, deleted, unanswered, failures,
                        acknowledged, stop), "crash-client-" + c);
                thread.start();
                clients.add(thread);
            }
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (acknowledged.get() < ACKNOWLEDGED_BEFORE_KILL && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            strata.kill();
            stop.set(true);
            for (Thread thread : clients) {
                thread.join(60_000);
            }
        }
        assertThat(failures).as("answers other than success before the kill").isEmpty();
        assertThat(acknowledged.get()).as("clients were busy when the server died")
                .isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);

        try (StrataProcess again = StrataProcess.start(data, Map.of())) {
            Api api = new Api(again.baseUri(), Tls.trusting(data.resolve("tls/server.crt")))
                    .withBasic("admin", ADMIN_PASSWORD);
            Set<String> present = new HashSet<>();
            long replicaGiB = 0;
            for (JsonNode volume : api.get("/volumes").json()) {
                present.add(volume.path("uuid").asText());
                replicaGiB += volume.path("capacity").asLong() * volume.path("location").size();
            }

            Set<String> kept = new HashSet<>(created);
            kept.removeAll(deleted);
            kept.removeAll(unanswered);
            assertThat(present).as("every acknowledged create survives").containsAll(kept);
            assertThat(present).as("every acknowledged delete stays deleted").doesNotContainAnyElementsOf(deleted);
            Set<String> asked = new HashSet<>(created);
            asked.addAll(unanswered);
            assertThat(asked).as("nothing appears that no client asked for").containsAll(present);

            long allocated = 0;
            long provisioned = 0;
            for (JsonNode node : api.get("/backends").json()) {
                allocated += node.path("totalCapacity").asLong() - node.path("availableCapacity").asLong();
                provisioned += node.path("provisionedCapacity").asLong();
            }
            assertThat(allocated).as("node counters match the surviving replicas").isEqualTo(replicaGiB);
            assertThat(provisioned).isEqualTo(replicaGiB);
            long consumed = api.get("/tenants").json().get(0).path("consumedCapacity").asLong();
            assertThat(consumed).as("tenant counter matches the surviving replicas").isEqualTo(replicaGiB);
        }
    }

    /** Creates volumes and deletes some of its own, recording what the server acknowledged. */
    private static void churn(Api api, Random random, Set<String> created, Set<String> deleted,
                              Set<String> unanswered, Set<String> failures, AtomicInteger acknowledged,
                              AtomicBoolean stop) {
        List<String> mine = new ArrayList<>();
        while (!stop.get()) {
            boolean delete = !mine.isEmpty() && random.nextInt(3) == 0;
            String uuid = delete ? mine.remove(random.nextInt(mine.size())) : UUID.randomUUID().toString();
            // a change is unanswered until the server acknowledges it
            unanswered.add(uuid);
            Reply reply;
            try {
                if (delete) {
                    reply = api.delete("/volumes/" + uuid);
                } else {
                    reply = api.post("/volumes", "{\"alias\": \"crash-" + uuid + "\", \"capacity\": "
                            + (1 + random.nextInt(4)) + ", \"uuid\": \"" + uuid + "\", \"storageClass\": {\"numReplicas\": "
                            + (1 + random.nextInt(2)) + "}}");
                }
            } catch (AssertionError connectionLost) {
                // the server died mid-request: this change may or may not have happened
                return;
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
}
