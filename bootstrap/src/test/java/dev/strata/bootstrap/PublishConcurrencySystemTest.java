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
import java.util.concurrent.Callable;
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
 * Publishes racing each other, each client on its own HTTPS connection: one writable volume goes to
 * exactly one of two hosts, and the nsids of one target stay unique however publishes and
 * unpublishes interleave.
 */
class PublishConcurrencySystemTest {

    private static final int ROUNDS = 30;
    private static final int CLIENTS = 12;

    @TempDir
    Path dataDir;

    private TestServer server;
    private Api api;
    private ExecutorService pool;

    @BeforeEach
    void start() {
        server = TestServer.start(dataDir);
        api = server.api();
        pool = Executors.newFixedThreadPool(CLIENTS);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        server.close();
    }

    private void node(String ip) {
        assertThat(api.post("/backends", aNode().at(ip).withCapacityGiB(10000).json()).status())
                .isEqualTo(201);
    }

    private String host(String name) {
        String id = UUID.randomUUID().toString();
        Reply reply = api.post("/host_probe", "{\"hostNqn\": \"nqn.2014-08.com.example:" + name + "\", \"hostId\": \""
                + id + "\", \"name\": \"" + name + "\", \"duration\": 30}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return id;
    }

    private String volume() {
        Reply reply = api.post("/volumes", "{\"alias\": \"v-" + UUID.randomUUID() + "\", \"capacity\": 1}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().path("uuid").asText();
    }

    private static String publication(String host, String volume) {
        return "{\"hostId\": \"" + host + "\", \"volId\": \"" + volume + "\"}";
    }

    /** Clients that each hold their own connection, opened before any race starts. */
    private List<Api> clients(int count) {
        List<Api> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Api client = server.api();
            assertThat(client.get("/readyz").status()).isEqualTo(200);
            clients.add(client);
        }
        return clients;
    }

    /** Runs every call at once, released together, and returns the answers in order. */
    private List<Reply> race(List<Callable<Reply>> calls) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Reply>> futures = new ArrayList<>();
        for (Callable<Reply> call : calls) {
            futures.add(pool.submit(() -> {
                gate.await();
                return call.call();
            }));
        }
        gate.countDown();
        List<Reply> replies = new ArrayList<>();
        for (Future<Reply> future : futures) {
            replies.add(future.get(2, TimeUnit.MINUTES));
        }
        return replies;
    }

    @Test
    void ofTwoConcurrentPublishesOfAWritableVolumeToTwoHostsExactlyOneWinsEveryTime() throws Exception {
        node("10.70.0.1");
        node("10.70.0.2");
        String first = host("first");
        String second = host("second");
        List<Api> clients = clients(2);
        Map<String, Integer> winners = new TreeMap<>();
        String volume = volume();

        for (int round = 0; round < ROUNDS; round++) {
            List<Reply> replies = race(List.of(
                    () -> clients.get(0).post("/publish", publication(first, volume)),
                    () -> clients.get(1).post("/publish", publication(second, volume))));

            List<String> outcomes = replies.stream().map(r -> r.status() + " " + r.errorStatus()).sorted().toList();
            assertThat(outcomes).as("round " + round + ": " + replies).containsExactly("200 Success", "409 AlreadyPublished");
            String winner = replies.get(0).status() == 200 ? first : second;
            winners.merge(winner.equals(first) ? "first" : "second", 1, Integer::sum);
            JsonNode targets = api.get("/targets?volId=" + volume).json();
            assertThat(targets.findValuesAsText("hostId")).as("round " + round).containsOnly(winner).isNotEmpty();
            assertThat(api.post("/unpublish", "{\"volId\": \"" + volume + "\"}").status()).isEqualTo(200);
        }
        assertThat(winners.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(ROUNDS);
    }

    @Test
    void nsidsStayUniqueInATargetWhilePublishesAndUnpublishesInterleave() throws Exception {
        node("10.70.1.1");
        String host = host("compute");
        List<Api> clients = clients(CLIENTS);
        List<String> volumes = new ArrayList<>();
        for (int i = 0; i < 2 * CLIENTS; i++) {
            volumes.add(volume());
        }
        List<Callable<Reply>> publishes = new ArrayList<>();
        for (int i = 0; i < volumes.size(); i++) {
            Api client = clients.get(i % CLIENTS);
            String volume = volumes.get(i);
            publishes.add(() -> client.post("/publish", publication(host, volume)));
        }
        assertThat(race(publishes)).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        assertThat(nsids(host)).containsExactlyInAnyOrderElementsOf(range(1, 2 * CLIENTS));

        List<Callable<Reply>> mixed = new ArrayList<>();
        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Api client = clients.get(i);
            String gone = volumes.get(2 * i);
            String added = volume();
            fresh.add(added);
            mixed.add(() -> client.post("/unpublish", publication(host, gone)));
            mixed.add(() -> client.post("/publish", publication(host, added)));
        }
        assertThat(race(mixed)).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));

        List<Integer> nsids = nsids(host);
        assertThat(nsids).hasSize(2 * CLIENTS).doesNotHaveDuplicates().allSatisfy(n -> assertThat(n)
                .isBetween(1, 3 * CLIENTS));
        JsonNode target = api.get("/targets?hostId=" + host).json().get(0);
        assertThat(target.path("numNamespaces").asInt()).isEqualTo(2 * CLIENTS);
        assertThat(target.path("namespaces").findValuesAsText("volumeId")).containsAll(fresh);
    }

    private List<Integer> nsids(String host) {
        JsonNode targets = api.get("/targets?hostId=" + host).json();
        assertThat(targets).as("one node, one host: one target").hasSize(1);
        List<Integer> nsids = new ArrayList<>();
        targets.get(0).path("namespaces").forEach(n -> nsids.add(n.path("nsid").asInt()));
        return nsids;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add(i);
        }
        return out;
    }
}
