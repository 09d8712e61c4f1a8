package dev.strata.bootstrap;

import static dev.strata.bootstrap.support.NodeJson.aNode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.agent.KernelRulesChecker;
import dev.strata.agent.adapters.ConfigfsTree;
import dev.strata.bootstrap.support.AgentProcess;
import dev.strata.bootstrap.support.Api;
import dev.strata.bootstrap.support.Reply;
import dev.strata.bootstrap.support.StrataProcess;
import dev.strata.bootstrap.support.Tls;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 end to end: {@code strata serve} as a process over HTTPS and three {@code strata agent}
 * processes, one per storage node, on three racks, each with its own file pool and its own
 * directory laid out like nvmet's configfs (this machine has no configfs nor nvmet: the agents run
 * the same code as on a node against a plain directory). One volume's life runs through the steps
 * in order; every step waits by polling (with a generous overall deadline) for what the agents
 * report and what they made. At the end each agent's journal of changes is replayed against the
 * kernel's rules.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentsEndToEndSystemTest {

    private static final long GIB = 1L << 30;
    private static final String PASSWORD = "e2e-admin-password";
    private static final String HOST_NQN = "nqn.2014-08.org.example:e2e-host-1";
    private static final Duration DEADLINE = Duration.ofSeconds(180);

    @TempDir
    static Path dir;

    private int port;
    private StrataProcess strata;
    private Api admin;
    private final List<Node> nodes = new ArrayList<>();

    private String volume;
    private final Map<String, String> replicaOf = new HashMap<>();
    private List<Node> holders;
    private Node bystander;
    private final Map<String, String> targetOf = new HashMap<>();

    /** A storage node and its agent: its own pool, configfs directory, token, journal and log. */
    private final class Node {
        final int number;
        final String id;
        final Path pool;
        final Path configfs;
        final Path tokenFile;
        final Path journal;
        final String token;
        final AgentProcess agent;

        Node(int number, String id, String token) throws IOException {
            this.number = number;
            this.id = id;
            this.token = token;
            Path home = Files.createDirectories(dir.resolve("node" + number));
            pool = Files.createDirectories(home.resolve("pool"));
            configfs = Files.createDirectories(home.resolve("nvmet"));
            tokenFile = home.resolve("agent.token");
            Files.writeString(tokenFile, token + "\n");
            journal = home.resolve("journal");
            agent = AgentProcess.start(journal, home.resolve("agent.log"), List.of("--url", strata.baseUri().toString(),
                    "--node", id, "--token-file", tokenFile.toString(), "--pool", "file:" + pool,
                    "--configfs", configfs.toString(), "--interval", "1", "--cacert", certificate().toString()));
        }

        JsonNode backend() {
            Reply reply = admin.get("/backends/" + id);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            return reply.json().get(0);
        }

        Api agentApi() {
            return admin.anonymous().withBearer(token);
        }

        Path backing(String replica) {
            return pool.resolve(replica + ".img");
        }

        @Override
        public String toString() {
            return "node" + number + " (" + id + ")";
        }
    }

    private Path certificate() {
        return dir.resolve("data").resolve("tls").resolve("server.crt");
    }

    @BeforeAll
    void start() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        startStrata();
        for (int n = 1; n <= 3; n++) {
            Reply added = admin.post("/backends", aNode().at("10.60.0." + n).onRack("rack-" + n).inZone("nova")
                    .withPortal("192.168.60." + n, 4420, "TCP").withCapacityGiB(1000).json());
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            String id = added.json().path("persistentID").asText();
            String name = "agent-" + n;
            Reply user = admin.post("/v1/users/", "{\"name\": \"" + name + "\", \"password\": \"agent-password-" + n
                    + "\", \"roles\": [\"node-agent\"], \"node_id\": \"" + id + "\"}");
            assertThat(user.status()).as(user.toString()).isEqualTo(201);
            Reply token = admin.post("/v1/auth/access-tokens/", "{\"user\": {\"name\": \"" + name + "\"}}");
            assertThat(token.status()).as(token.toString()).isEqualTo(201);
            nodes.add(new Node(n, id, token.json().path("bearer_token").asText()));
        }
        for (Node node : nodes) {
            await(node + " reports", () -> !node.backend().path("agentVersion").asText().isEmpty()
                    && node.backend().path("state").asText().equals("Available"));
            assertThat(node.backend().path("probeInterval").asInt()).isEqualTo(1);
        }
    }

    private void startStrata() throws Exception {
        strata = StrataProcess.start(dir.resolve("data"), port, Map.of("STRATA_ADMIN_PASSWORD", PASSWORD));
        admin = new Api(strata.baseUri(), Tls.trusting(certificate())).withBasic("admin", PASSWORD);
    }

    @AfterAll
    void stop() throws Exception {
        for (Node node : nodes) {
            node.agent.close();
        }
        if (strata != null) {
            strata.close();
        }
    }

    // ---- waiting ----------------------------------------------------------------------------

    /** Polls until {@code condition} holds; fails with {@code what} and the agents' logs after the deadline. */
    private void await(String what, BooleanSupplier condition) throws Exception {
        Instant deadline = Instant.now().plus(DEADLINE);
        AssertionError last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (AssertionError | RuntimeException e) {
                last = e instanceof AssertionError a ? a : new AssertionError(e);
            }
            Thread.sleep(200);
        }
        StringBuilder logs = new StringBuilder();
        for (Node node : nodes) {
            String log = node.agent.log();
            logs.append("\n--- ").append(node).append(" agent log (tail) ---\n")
                    .append(log.substring(Math.max(0, log.length() - 3000)));
        }
        AssertionError failure = new AssertionError("not within " + DEADLINE.toSeconds() + " s: " + what + logs);
        if (last != null) {
            failure.addSuppressed(last);
        }
        throw failure;
    }

    /** Waits until the node's agent reported its desired generation as applied, everything Applied. */
    private void awaitApplied(Node node) throws Exception {
        long wanted = node.backend().path("desiredGeneration").asLong();
        await(node + " applies generation " + wanted, () -> {
            JsonNode backend = node.backend();
            boolean subsystemsApplied = true;
            for (JsonNode subsystem : backend.path("subsystems")) {
                subsystemsApplied &= subsystem.path("state").asText().equals("Applied");
            }
            return backend.path("appliedGeneration").asLong() >= wanted && subsystemsApplied
                    && backend.path("state").asText().equals("Available");
        });
    }

    private void awaitAllApplied() throws Exception {
        for (Node node : nodes) {
            awaitApplied(node);
        }
    }

    // ---- reading a node ---------------------------------------------------------------------

    private JsonNode volumeJson() {
        Reply reply = admin.get("/volumes/" + volume);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get(0);
    }

    private String replicaState(String replica) {
        for (JsonNode location : volumeJson().path("location")) {
            if (location.path("uuid").asText().equals(replica)) {
                return location.path("replicaState").asText();
            }
        }
        throw new AssertionError("no replica " + replica);
    }

    private static Optional<String> attribute(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static List<String> entries(Path group) throws IOException {
        if (!Files.isDirectory(group)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(group)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> images(Path pool) throws IOException {
        return entries(pool).stream().filter(name -> name.endsWith(".img")).toList();
    }

    /** Every entry under a directory: a file's content, a link's target, a directory as "dir". */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> found = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                String name = root.relativize(path).toString();
                if (Files.isSymbolicLink(path)) {
                    found.put(name, "-> " + Files.readSymbolicLink(path));
                } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    found.put(name, "dir");
                } else if (path.getFileName().toString().endsWith(".img")) {
                    found.put(name, Files.size(path) + " bytes");
                } else {
                    found.put(name, Files.readString(path));
                }
            }
        }
        return found;
    }

    private static Map<String, String> withoutRevalidations(Map<String, String> snapshot) {
        Map<String, String> kept = new TreeMap<>(snapshot);
        kept.keySet().removeIf(name -> name.endsWith("/revalidate_size"));
        return kept;
    }

    /** Blocks allocated on disk, as {@code stat -c '%b %B'} reports them. */
    private static long allocatedBytes(Path file) throws Exception {
        Process stat = new ProcessBuilder("stat", "-c", "%b %B", file.toString()).redirectErrorStream(true).start();
        String[] out = new String(stat.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip().split(" ");
        assertThat(stat.waitFor()).isZero();
        return Long.parseLong(out[0]) * Long.parseLong(out[1]);
    }

    private List<String> journal(Node node) throws IOException {
        return Files.exists(node.journal) ? Files.readAllLines(node.journal) : List.of();
    }

    // ---- the steps --------------------------------------------------------------------------

    @Test
    @Order(1)
    void aThickVolumeOfTwoReplicasGetsBackingFilesOfItsSizeOnExactlyTwoNodes() throws Exception {
        volume = UUID.randomUUID().toString();
        Reply created = admin.post("/volumes", VolumesSystemTest.cinderVolume("e2e-1", volume, 1, "THICK", 2));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        for (JsonNode location : created.json().path("location")) {
            replicaOf.put(location.path("backend").path("persistentID").asText(), location.path("uuid").asText());
        }
        holders = nodes.stream().filter(n -> replicaOf.containsKey(n.id)).toList();
        bystander = nodes.stream().filter(n -> !replicaOf.containsKey(n.id)).findFirst().orElseThrow();
        assertThat(holders).hasSize(2);
        assertThat(holders.stream().map(n -> n.backend().path("rack").asText()).distinct()).hasSize(2);

        awaitAllApplied();

        for (Node holder : holders) {
            String replica = replicaOf.get(holder.id);
            assertThat(images(holder.pool)).containsExactly(replica + ".img");
            assertThat(Files.size(holder.backing(replica))).isEqualTo(GIB);
            assertThat(allocatedBytes(holder.backing(replica))).as("THICK: every block allocated").isGreaterThanOrEqualTo(GIB);
            assertThat(replicaState(replica)).isEqualTo("Available");
        }
        assertThat(images(bystander.pool)).isEmpty();
        assertThat(volumeJson().path("state").asText()).isEqualTo("Available");
    }

    @Test
    @Order(2)
    void publishingMakesOnBothHoldersASubsystemGrantingExactlyTheHostAndNothingOnTheThird() throws Exception {
        Reply probed = admin.post("/host_probe", "{\"hostNqn\": \"" + HOST_NQN + "\", \"hostId\": \"e2e-host-1\","
                + " \"name\": \"compute-1\", \"duration\": 3600}");
        assertThat(probed.status()).as(probed.toString()).isEqualTo(200);
        Reply published = admin.post("/publish", "{\"hostId\": \"e2e-host-1\", \"volId\": \"" + volume + "\"}");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        JsonNode targets = admin.get("/targets?volId=" + volume).json();
        assertThat(targets).hasSize(2);
        Map<String, Integer> nsidOf = new HashMap<>();
        for (JsonNode target : targets) {
            String node = target.path("backend").path("persistentID").asText();
            targetOf.put(node, target.path("targetName").asText());
            assertThat(target.path("namespaces")).hasSize(1);
            assertThat(target.path("namespaces").get(0).path("uuid").asText()).isEqualTo(replicaOf.get(node));
            nsidOf.put(node, target.path("namespaces").get(0).path("nsid").asInt());
        }
        assertThat(targetOf.keySet()).containsExactlyInAnyOrderElementsOf(replicaOf.keySet());

        awaitAllApplied();

        for (Node holder : holders) {
            String nqn = targetOf.get(holder.id);
            Path subsystem = holder.configfs.resolve("subsystems").resolve(nqn);
            assertThat(entries(holder.configfs.resolve("subsystems"))).containsExactly(nqn);
            assertThat(attribute(subsystem.resolve("attr_allow_any_host"))).contains("0");
            assertThat(attribute(subsystem.resolve("attr_serial")).orElseThrow()).matches("[0-9a-f]{20}");
            assertThat(entries(subsystem.resolve("allowed_hosts"))).as("grants exactly the host").containsExactly(HOST_NQN);
            assertThat(Files.readSymbolicLink(subsystem.resolve("allowed_hosts").resolve(HOST_NQN)).normalize())
                    .isEqualTo(Path.of("../../../hosts/" + HOST_NQN).normalize());
            assertThat(entries(holder.configfs.resolve("hosts"))).containsExactly(HOST_NQN);
            Path namespace = subsystem.resolve("namespaces").resolve(Integer.toString(nsidOf.get(holder.id)));
            assertThat(entries(subsystem.resolve("namespaces"))).containsExactly(Integer.toString(nsidOf.get(holder.id)));
            assertThat(attribute(namespace.resolve("device_uuid"))).contains(replicaOf.get(holder.id));
            assertThat(attribute(namespace.resolve("device_path")))
                    .contains(holder.backing(replicaOf.get(holder.id)).toString());
            assertThat(attribute(namespace.resolve("enable"))).contains("1");
            List<String> ports = entries(holder.configfs.resolve("ports"));
            assertThat(ports).hasSize(1);
            Path port = holder.configfs.resolve("ports").resolve(ports.get(0));
            assertThat(attribute(port.resolve("addr_trtype"))).contains("tcp");
            assertThat(attribute(port.resolve("addr_adrfam"))).contains("ipv4");
            assertThat(attribute(port.resolve("addr_traddr"))).contains("192.168.60." + holder.number);
            assertThat(attribute(port.resolve("addr_trsvcid"))).contains("4420");
            assertThat(entries(port.resolve("subsystems"))).as("linked to the node's port").containsExactly(nqn);
            JsonNode reported = holder.backend().path("subsystems");
            assertThat(reported).hasSize(1);
            assertThat(reported.get(0).path("nqn").asText()).isEqualTo(nqn);
            assertThat(reported.get(0).path("state").asText()).isEqualTo("Applied");
        }
        assertThat(entries(bystander.configfs.resolve("subsystems"))).isEmpty();
        assertThat(entries(bystander.configfs.resolve("hosts"))).isEmpty();
        for (String port : entries(bystander.configfs.resolve("ports"))) {
            assertThat(entries(bystander.configfs.resolve("ports").resolve(port).resolve("subsystems"))).isEmpty();
        }
        assertThat(images(bystander.pool)).isEmpty();
    }

    @Test
    @Order(3)
    void expandingGrowsTheFilesAndRevalidatesTheNamespaces() throws Exception {
        Reply expanded = admin.patch("/volumes/" + volume, "{\"newCapacity\": 2}");
        assertThat(expanded.status()).as(expanded.toString()).isEqualTo(200);

        awaitAllApplied();

        for (Node holder : holders) {
            String replica = replicaOf.get(holder.id);
            assertThat(Files.size(holder.backing(replica))).isEqualTo(2 * GIB);
            assertThat(allocatedBytes(holder.backing(replica))).isGreaterThanOrEqualTo(2 * GIB);
            List<String> journal = journal(holder);
            int grown = journal.indexOf("backing-ensure\t" + replica + "\t" + 2 * GIB);
            assertThat(grown).as("the backing grew").isNotNegative();
            String revalidate = "write\tsubsystems/" + targetOf.get(holder.id) + "/namespaces/";
            assertThat(journal.subList(grown, journal.size()))
                    .anySatisfy(line -> assertThat(line).startsWith(revalidate).endsWith("/revalidate_size\t1"));
        }
    }

    @Test
    @Order(4)
    void aKilledAgentsNodeTurnsUnavailableItsReplicaMissingAndAfterARestartAllIsAsBefore() throws Exception {
        Node victim = holders.get(0);
        String replica = replicaOf.get(victim.id);
        Map<String, String> configfsBefore = snapshot(victim.configfs);
        Map<String, String> poolBefore = snapshot(victim.pool);

        victim.agent.kill();

        await(victim + " Unavailable", () -> victim.backend().path("state").asText().equals("Unavailable"));
        await("its replica Missing", () -> replicaState(replica).equals("Missing"));
        assertThat(volumeJson().path("state").asText()).isEqualTo("Degraded");
        JsonNode silent = victim.backend();
        assertThat(silent.path("probeInterval").asInt()).isEqualTo(1);
        for (Node other : nodes) {
            if (other != victim) {
                assertThat(other.backend().path("state").asText()).as(other.toString()).isEqualTo("Available");
            }
        }
        assertThat(silencedAt(victim.id) - silent.path("lastProbTime").asLong())
                .as("made Unavailable no sooner than three intervals after its last report").isGreaterThanOrEqualTo(3000L);
        assertThat(snapshot(victim.configfs)).as("nothing on the node changed while its agent was dead")
                .isEqualTo(configfsBefore);

        victim.agent.restart();

        await(victim + " Available again", () -> victim.backend().path("state").asText().equals("Available"));
        await("its replica Available again", () -> replicaState(replica).equals("Available"));
        awaitApplied(victim);
        assertThat(volumeJson().path("state").asText()).isEqualTo("Available");
        assertThat(withoutRevalidations(snapshot(victim.configfs))).isEqualTo(withoutRevalidations(configfsBefore));
        assertThat(snapshot(victim.pool)).isEqualTo(poolBefore);
    }

    /** The time the sweep made the node Unavailable, from the audit: its last {@code backend.silent} entry. */
    private long silencedAt(String node) {
        long at = Long.MIN_VALUE;
        for (JsonNode entry : admin.get("/v1/audit/?limit=1000").json().path("entries")) {
            if (entry.path("action").asText().equals("backend.silent") && entry.path("target").asText().equals(node)) {
                at = Math.max(at, Instant.parse(entry.path("time").asText()).toEpochMilli());
            }
        }
        assertThat(at).as("the silence of " + node + " is audited").isNotEqualTo(Long.MIN_VALUE);
        return at;
    }

    @Test
    @Order(5)
    void aWipedConfigfsIsRebuiltByTheRunningAgent() throws Exception {
        Node rebooted = holders.get(1);
        awaitApplied(rebooted);
        Map<String, String> before = snapshot(rebooted.configfs);
        Map<String, String> poolBefore = snapshot(rebooted.pool);
        // what a reboot and modprobe nvmet leave: the three top groups, empty; swapped in at once
        Path fresh = Files.createDirectories(dir.resolve("fresh-nvmet"));
        for (String group : List.of("hosts", "subsystems", "ports")) {
            Files.createDirectories(fresh.resolve(group));
        }
        Path old = dir.resolve("old-nvmet");
        Files.writeString(rebooted.journal, "reboot\n", StandardOpenOption.APPEND);
        Files.move(rebooted.configfs, old);
        Files.move(fresh, rebooted.configfs);

        await(rebooted + " rebuilds its configfs", () -> {
            try {
                return withoutRevalidations(snapshot(rebooted.configfs)).equals(withoutRevalidations(before));
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(snapshot(rebooted.pool)).isEqualTo(poolBefore);
        awaitApplied(rebooted);
        deleteTree(old);
    }

    @Test
    @Order(6)
    void stoppingStrataTearsNothingDownAndTheAgentsComeBackWithIt() throws Exception {
        awaitAllApplied();
        Map<Node, Map<String, String>> before = new HashMap<>();
        for (Node node : nodes) {
            before.put(node, withoutRevalidations(snapshot(node.configfs)));
            before.get(node).putAll(snapshot(node.pool));
        }
        Map<Node, Integer> logged = new HashMap<>();
        for (Node node : nodes) {
            logged.put(node, node.agent.log().length());
        }

        assertThat(strata.terminate()).isIn(0, 143);

        for (Node node : nodes) {
            await(node + " notices Strata is gone", () -> {
                try {
                    return node.agent.log().substring(logged.get(node)).contains("no Strata answered");
                } catch (IOException e) {
                    return false;
                }
            });
        }
        // several intervals of drift checks against the last document while Strata is away
        Thread.sleep(4000);
        for (Node node : nodes) {
            assertThat(node.agent.alive()).as(node + " keeps running").isTrue();
            Map<String, String> now = withoutRevalidations(snapshot(node.configfs));
            now.putAll(snapshot(node.pool));
            assertThat(now).as(node + ": nothing torn down").isEqualTo(before.get(node));
        }

        startStrata();

        for (Node node : nodes) {
            await(node + " reports again", () -> {
                try {
                    return node.agent.log().substring(logged.get(node)).contains("Strata answers again")
                            && node.backend().path("state").asText().equals("Available");
                } catch (IOException e) {
                    return false;
                }
            });
        }
        awaitAllApplied();
        for (Node node : nodes) {
            Map<String, String> now = withoutRevalidations(snapshot(node.configfs));
            now.putAll(snapshot(node.pool));
            assertThat(now).as(node + ": still all there").isEqualTo(before.get(node));
        }
        assertThat(volumeJson().path("state").asText()).isEqualTo("Available");
    }

    @Test
    @Order(7)
    void aBackingStrataDoesNotNameIsKeptAndReportedAsAnOrphan() throws Exception {
        String stray = UUID.randomUUID() + ".img";
        Files.write(bystander.pool.resolve(stray), new byte[4096]);
        Node holder = holders.get(0);
        // a replica the node holds, absent from the document but not retired: as after restoring an old database
        String strayOnHolder = UUID.randomUUID() + ".img";
        Files.write(holder.pool.resolve(strayOnHolder), new byte[8192]);

        await("the orphans are reported", () -> bystander.backend().path("orphans").toString().contains(stray)
                && holder.backend().path("orphans").toString().contains(strayOnHolder));
        awaitAllApplied();

        assertThat(Files.size(bystander.pool.resolve(stray))).isEqualTo(4096);
        assertThat(Files.size(holder.pool.resolve(strayOnHolder))).isEqualTo(8192);
        assertThat(journal(bystander)).noneMatch(line -> line.contains(stray.replace(".img", "")));
        assertThat(journal(holder)).noneMatch(line -> line.contains(strayOnHolder.replace(".img", "")));
    }

    @Test
    @Order(8)
    void anAgentsTokenReadsItsOwnNodeAloneAndAnAgentForAnotherNodeStopsWithOneLine() throws Exception {
        Node a = nodes.get(0);
        Node b = nodes.get(1);
        a.agentApi().get("/v1/agent/nodes/" + b.id + "/desired").assertErrorBody(403);
        assertThat(a.agentApi().get("/v1/agent/nodes/" + a.id + "/desired").status()).isEqualTo(200);
        Map<String, String> configfsOfB = snapshot(b.configfs);

        Path home = Files.createDirectories(dir.resolve("impostor"));
        Path nvmet = Files.createDirectories(home.resolve("nvmet"));
        Path pool = Files.createDirectories(home.resolve("pool"));
        try (AgentProcess impostor = AgentProcess.start(home.resolve("journal"), home.resolve("agent.log"),
                List.of("--url", strata.baseUri().toString(), "--node", b.id, "--token-file", a.tokenFile.toString(),
                        "--pool", "file:" + pool, "--configfs", nvmet.toString(), "--interval", "1",
                        "--cacert", certificate().toString()))) {
            assertThat(impostor.awaitExit(120)).as(impostor.log()).isEqualTo(3);
            assertThat(impostor.log()).contains("Strata refused this agent's token").contains("403")
                    .doesNotContain(a.token);
            assertThat(impostor.log().lines().filter(l -> l.contains("refused"))).hasSize(1);
        }
        assertThat(Files.exists(home.resolve("journal"))).as("it changed nothing").isFalse();
        assertThat(snapshot(b.configfs)).isEqualTo(configfsOfB);
    }

    @Test
    @Order(9)
    void badInputOnBothAgentEndpointsIsRefusedWithTheErrorBodyAndChangesNothing() throws Exception {
        Node node = nodes.get(0);
        awaitApplied(node);
        JsonNode desiredBefore = admin.get("/v1/agent/nodes/" + node.id + "/desired").json();
        JsonNode before = node.backend();
        Api agent = node.agentApi();
        for (String query : List.of("?after=1e3", "?after=99999999999999999999", "?wait=60.5", "?wait=&after=")) {
            agent.get("/v1/agent/nodes/" + node.id + "/desired" + query).assertErrorBody(400);
        }
        String good = "{\"generation\": 1, \"agentVersion\": \"x\", \"intervalSeconds\": 1, \"totalCapacity\": "
                + 10 * GIB + ", \"freeCapacity\": " + GIB + ", \"replicas\": [], \"subsystems\": [], \"orphans\": []}";
        for (String body : List.of("{", "null", good.replace("\"generation\": 1", "\"generation\": -1"),
                good.replace("\"intervalSeconds\": 1", "\"intervalSeconds\": \"1s\""),
                good.replace("\"replicas\": []", "\"replicas\": {}"),
                good.replace("\"orphans\": []", "\"orphans\": [1, {}]"),
                good.replace("\"freeCapacity\": " + GIB, "\"freeCapacity\": -5"))) {
            agent.put("/v1/agent/nodes/" + node.id + "/observed", body).assertErrorBody(400);
        }
        JsonNode after = node.backend();
        for (String field : List.of("agentVersion", "appliedGeneration", "desiredGeneration", "totalCapacity",
                "probeInterval", "state", "orphans", "subsystems")) {
            assertThat(after.path(field)).as(field).isEqualTo(before.path(field));
        }
        assertThat(admin.get("/v1/agent/nodes/" + node.id + "/desired").json()).isEqualTo(desiredBefore);
    }

    @Test
    @Order(10)
    void unpublishingRemovesTheSubsystems() throws Exception {
        Reply unpublished = admin.post("/unpublish", "{\"hostId\": \"e2e-host-1\", \"volId\": \"" + volume + "\"}");
        assertThat(unpublished.status()).as(unpublished.toString()).isEqualTo(200);

        awaitAllApplied();

        for (Node holder : holders) {
            assertThat(entries(holder.configfs.resolve("subsystems"))).isEmpty();
            assertThat(entries(holder.configfs.resolve("hosts"))).isEmpty();
            for (String port : entries(holder.configfs.resolve("ports"))) {
                assertThat(entries(holder.configfs.resolve("ports").resolve(port).resolve("subsystems"))).isEmpty();
            }
            assertThat(Files.size(holder.backing(replicaOf.get(holder.id)))).as("the data stays").isEqualTo(2 * GIB);
        }
    }

    @Test
    @Order(11)
    void deletingTheVolumeRemovesItsFilesAfterItsNamespaces() throws Exception {
        Reply deleted = admin.delete("/volumes/" + volume);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);

        for (Node holder : holders) {
            String replica = replicaOf.get(holder.id);
            await(holder + " removes " + replica, () -> !Files.exists(holder.backing(replica)));
            await("Strata forgets the retired replica", () -> admin.get("/v1/agent/nodes/" + holder.id + "/desired")
                    .json().path("retiredReplicas").isEmpty());
            List<String> journal = journal(holder);
            int removed = journal.indexOf("backing-remove\t" + replica);
            int lastNamespaceRemoval = -1;
            for (int i = 0; i < journal.size(); i++) {
                if (journal.get(i).startsWith("rmdir\tsubsystems/" + targetOf.get(holder.id) + "/namespaces/")) {
                    lastNamespaceRemoval = i;
                }
            }
            assertThat(lastNamespaceRemoval).as("the namespace was removed").isNotNegative();
            assertThat(removed).as("the file goes after the namespace").isGreaterThan(lastNamespaceRemoval);
        }
        assertThat(images(bystander.pool)).as("only the orphan is left").hasSize(1);
    }

    @Test
    @Order(12)
    void everyChangeEveryAgentMadeKeepsTheKernelsRules() throws Exception {
        for (Node node : nodes) {
            List<String> journal = journal(node);
            KernelRulesChecker checker = new KernelRulesChecker(new Nowhere());
            for (String line : journal) {
                String[] f = line.split("\t", -1);
                String[] defaults = f.length > 2 && !f[2].isEmpty() ? f[2].split(",") : new String[0];
                switch (f[0]) {
                    case "mkdir" -> checker.mkdir(Path.of(f[1]), defaults);
                    case "rmdir" -> checker.rmdir(Path.of(f[1]), defaults);
                    case "write" -> checker.write(Path.of(f[1]), f[2]);
                    case "symlink" -> checker.symlink(Path.of(f[1]), Path.of(f[2]));
                    case "unlink" -> checker.unlink(Path.of(f[1]));
                    case "reboot" -> checker.reboot();
                    case "backing-ensure", "backing-remove" -> checker.note(line);
                    default -> throw new AssertionError("unknown journal line " + line);
                }
            }
            if (holders.contains(node)) {
                assertThat(checker.changes()).as(node + " made its changes").isGreaterThan(10);
            }
        }
    }

    @Test
    @Order(13)
    void aRevokedTokenStopsTheRunningAgentWithOneLineAndKeepsWhatIsConfigured() throws Exception {
        Node node = nodes.get(2);
        awaitApplied(node);
        Map<String, String> configured = snapshot(node.configfs);
        List<String> pool = images(node.pool);
        String tokenId = null;
        for (JsonNode token : admin.get("/v1/auth/access-tokens/?user=agent-" + node.number).json().path("entries")) {
            tokenId = token.path("id").asText();
        }
        assertThat(tokenId).as("agent-%s has a token", node.number).isNotNull();
        Reply revoked = admin.delete("/v1/auth/access-tokens/" + tokenId);
        assertThat(revoked.status()).as(revoked.toString()).isIn(200, 204);

        assertThat(node.agent.awaitExit(120)).as(node.agent.log()).isEqualTo(3);
        assertThat(node.agent.log().lines().filter(l -> l.contains("Strata refused this agent's token")))
                .hasSize(1);
        assertThat(node.agent.log()).doesNotContain(node.token);
        assertThat(snapshot(node.configfs)).as("nothing torn down").isEqualTo(configured);
        assertThat(images(node.pool)).isEqualTo(pool);
    }

    /** Below the checker: the journal's changes were made already, so nothing is done again. */
    private static final class Nowhere implements ConfigfsTree {
        @Override
        public void mkdir(Path group, String... defaultGroups) {
        }

        @Override
        public void write(Path attribute, String value) {
        }

        @Override
        public void symlink(Path link, Path target) {
        }

        @Override
        public void unlink(Path link) {
        }

        @Override
        public void rmdir(Path group, String... defaultGroups) {
        }

        @Override
        public Optional<String> read(Path attribute) {
            return Optional.empty();
        }

        @Override
        public List<String> groups(Path group) {
            return List.of();
        }

        @Override
        public List<String> links(Path group) {
            return List.of();
        }

        @Override
        public boolean exists(Path path) {
            return false;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
