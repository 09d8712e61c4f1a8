package dev.strata.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.bootstrap.support.Api;
import dev.strata.bootstrap.support.Reply;
import dev.strata.bootstrap.support.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web console in a real browser: Debian's Chromium driven by {@code src/test/browser/console.test.mjs}
 * (playwright-core) against this real server on a SQLite database seeded through the API. Fails, never
 * skips, when Chromium or Node.js is missing: {@code ./test} installs Chromium.
 */
class ConsoleBrowserSystemTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCRIPTS = Path.of("src/test/browser").toAbsolutePath();
    private static final Path SCREENSHOTS = Path.of("target/console-screenshots").toAbsolutePath();
    private static final String MONITOR_PASSWORD = "watcher-password-1";

    @TempDir
    Path dataDir;

    private TestServer server;
    private Api api;

    @BeforeEach
    void start() {
        assertThat(CHROMIUM).as("Chromium for the browser tests: run ./test, which installs it").isExecutable();
        assertThat(SCRIPTS.resolve("node_modules/playwright-core")).as("npm ci has run in %s", SCRIPTS).isDirectory();
        server = TestServer.start(dataDir);
        api = server.api();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void registersTheFirstNodeThroughTheFirstRunForm() throws Exception {
        assertThat(api.get("/backends").json().size()).isZero();
        runBrowser("first-run");
        assertThat(api.get("/backends").json().get(0).path("name").asText()).isEqualTo("first-node");
    }

    @Test
    void showsTheSeededClusterItsFaultsAndOnlyAllowedControls() throws Exception {
        seed();
        runBrowser("main");
        assertThat(SCREENSHOTS.resolve("dashboard.png")).isNotEmptyFile();
        assertThat(SCREENSHOTS.resolve("volumes.png")).isNotEmptyFile();
    }

    /** Two zones, three racks of ordinary nodes, one rack holding one node filled to the brim, a monitor. */
    private void seed() {
        String[][] nodes = {
            {"node-a1", "10.80.0.1", "r1", "z1", "2000"},
            {"node-a2", "10.80.0.2", "r1", "z1", "2000"},
            {"node-b1", "10.80.0.3", "r2", "z1", "2000"},
            {"node-c1", "10.80.0.4", "r3", "z2", "4000"},
            {"full-node", "10.80.0.5", "rfull", "z2", "50"},
        };
        for (String[] n : nodes) {
            expect(api.post("/backends", """
                    {"mgmtIPs": ["%s"], "name": "%s", "rack": "%s", "zone": "%s", "totalCapacity": %s}"""
                    .formatted(n[1], n[0], n[2], n[3], n[4])), 201);
        }
        expect(api.post("/volumes", """
                {"alias": "filler", "capacity": 50, "storageClass": {"numReplicas": 1, "racks": ["rfull"]}}"""), 201);
        expect(api.post("/tenants", "{\"tenantId\": \"acme\", \"name\": \"Acme\", \"capacity\": 500}"), 201);
        expect(api.post("/acme/volumes", """
                {"alias": "acme-db", "capacity": 100, "storageClass": {"numReplicas": 2}}"""), 201);
        expect(api.post("/v1/users/", """
                {"name": "watcher", "password": "%s", "roles": ["monitor"]}""".formatted(MONITOR_PASSWORD)), 201);
        reportAFailedSubsystem("node-c1");
    }

    /** node-c1's agent reports its replicas in place and one subsystem it could not apply. */
    private void reportAFailedSubsystem(String name) {
        String node = null;
        for (JsonNode backend : api.get("/backends").json()) {
            if (backend.path("name").asText().equals(name)) {
                node = backend.path("persistentID").asText();
            }
        }
        List<String> replicas = new ArrayList<>();
        for (JsonNode volume : api.get("/volumes").json()) {
            for (JsonNode location : volume.path("location")) {
                if (location.path("backend").path("persistentID").asText().equals(node)) {
                    replicas.add("""
                            {"uuid": "%s", "state": "Available", "sizeBytes": %d}""".formatted(
                            location.path("uuid").asText(), volume.path("capacity").asLong() << 30));
                }
            }
        }
        expect(api.post("/v1/users/", """
                {"name": "agent-c1", "password": "agent-c1-password", "roles": ["node-agent"], "node_id": "%s"}"""
                .formatted(node)), 201);
        String token = api.post("/v1/auth/access-tokens/", "{\"user\": {\"name\": \"agent-c1\"}}").json()
                .path("bearer_token").asText();
        expect(server.anonymous().withBearer(token).put("/v1/agent/nodes/" + node + "/observed", """
                {"generation": 1, "agentVersion": "strata-agent 1.0", "intervalSeconds": 3600,
                 "totalCapacity": %d, "freeCapacity": %d, "replicas": [%s],
                 "subsystems": [{"nqn": "nqn.2026-11.dev.strata:host:h1", "state": "Failed",
                                 "message": "port 1 has no address"}], "orphans": []}"""
                .formatted(4000L << 30, 3000L << 30, String.join(", ", replicas))), 200);
    }

    private static void expect(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    }

    private void runBrowser(String scenario) throws IOException, InterruptedException {
        Files.createDirectories(SCREENSHOTS);
        Path log = Files.createTempFile(dataDir, "browser", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of("node", "console.test.mjs", scenario,
                server.baseUri().toString(), SCREENSHOTS.toString()))
                .directory(SCRIPTS.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("STRATA_ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD);
        builder.environment().put("STRATA_MONITOR_PASSWORD", MONITOR_PASSWORD);
        Process process = builder.start();
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("the browser test finished: %s", output).isTrue();
        assertThat(process.exitValue()).as("the browser test passed:%n%s", output).isZero();
    }
}
