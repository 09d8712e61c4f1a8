package dev.strata.bootstrap;

import static dev.strata.bootstrap.support.NodeJson.aNode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.bootstrap.support.Api;
import dev.strata.bootstrap.support.Reply;
import dev.strata.bootstrap.support.TestServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics} over HTTPS: what it counts, and that a Prometheus server could read it. */
class MetricsSystemTest {

    /** A sample line of the text format: a name, labels, a value. */
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\.)*\",?)*})? (\\S+)");

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

    /** Every sample by its name and labels as written, e.g. {@code strata_nodes{state="Available"}}. */
    private Map<String, Double> scrape() {
        Reply reply = api.get("/metrics");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
        Map<String, Double> samples = new HashMap<>();
        for (String line : reply.body().split("\n")) {
            if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as("a sample line: %s", line).isTrue();
            samples.put(sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)),
                    Double.parseDouble(sample.group(3)));
        }
        return samples;
    }

    private void register(String ip, String rack) {
        Reply reply = api.post("/backends", aNode().at(ip).onRack(rack).inZone("nova").withCapacityGiB(100).json());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    @Test
    void countsThePoolItsVolumesAndReplicasByState() {
        register("10.70.0.1", "r1");
        register("10.70.0.2", "r2");
        register("10.70.0.3", "r3");
        String node = api.get("/backends").json().get(2).path("persistentID").asText();
        assertThat(api.put("/backends/" + node, "{\"state\": \"Maintenance\"}").status()).isEqualTo(200);
        Reply created = api.post("/volumes", VolumesSystemTest.cinderVolume("db", UUID.randomUUID().toString(), 10,
                "Thick", 2));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        Map<String, Double> samples = scrape();

        assertThat(samples).containsEntry("strata_nodes{state=\"Available\"}", 2.0)
                .containsEntry("strata_nodes{state=\"Maintenance\"}", 1.0)
                .containsEntry("strata_nodes{state=\"Unavailable\"}", 0.0)
                .containsEntry("strata_capacity_bytes", 300.0 * (1L << 30))
                .containsEntry("strata_free_capacity_bytes", 280.0 * (1L << 30))
                .containsEntry("strata_volumes", 1.0)
                .containsEntry("strata_replicas{state=\"Available\"}", 2.0)
                .containsEntry("strata_replicas{state=\"Missing\"}", 0.0);
        assertThat(samples.get("process_start_time_seconds")).isPositive();
        assertThat(samples.get("jvm_memory_used_bytes{area=\"heap\"}")).isPositive();
    }

    @Test
    void countsRequestsByMethodAndStatusWithAConsistentHistogram() {
        api.get("/healthz");
        api.get("/backends/no-such-node");
        api.anonymous().get("/backends");
        api.send("BREW", "/backends", null);

        Map<String, Double> samples = scrape();

        assertThat(samples).containsEntry("strata_http_requests_total{method=\"GET\",code=\"200\"}", 1.0)
                .containsEntry("strata_http_requests_total{method=\"GET\",code=\"404\"}", 1.0)
                .containsEntry("strata_http_requests_total{method=\"GET\",code=\"401\"}", 1.0);
        assertThat(samples.keySet()).noneMatch(key -> key.contains("BREW"));
        double count = samples.get("strata_http_request_duration_seconds_count");
        assertThat(count).isEqualTo(4.0);
        assertThat(samples.get("strata_http_request_duration_seconds_bucket{le=\"+Inf\"}")).isEqualTo(count);
        assertThat(samples.get("strata_http_request_duration_seconds_bucket{le=\"10.0\"}")).isLessThanOrEqualTo(count);
        assertThat(samples.get("strata_http_request_duration_seconds_sum")).isPositive();

        assertThat(scrape()).as("the first scrape is counted in the second")
                .containsEntry("strata_http_requests_total{method=\"GET\",code=\"200\"}", 2.0);
    }
}
