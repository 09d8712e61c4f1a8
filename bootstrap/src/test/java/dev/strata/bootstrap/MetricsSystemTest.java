package dev.strata.bootstrap;

import static dev.strata.bootstrap.support.NodeJson.aNode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.application.BuildInfo;
import dev.strata.bootstrap.support.Api;
import dev.strata.bootstrap.support.Reply;
import dev.strata.bootstrap.support.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
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
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\.)*\"");

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

    /** Every sample by its name and its labels sorted by name, e.g. {@code strata_nodes{state="Available"}}. */
    private Map<String, Double> scrape() {
        return scrape(new HashMap<>());
    }

    /** The samples, and each family's {@code # TYPE} into {@code types}. */
    private Map<String, Double> scrape(Map<String, String> types) {
        Reply reply = api.get("/metrics");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
        Map<String, Double> samples = new HashMap<>();
        for (String line : reply.body().split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] nameAndType = line.substring("# TYPE ".length()).split(" ");
                types.put(nameAndType[0], nameAndType[1]);
                continue;
            }
            if (line.startsWith("# HELP ")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as("a sample line: %s", line).isTrue();
            samples.put(sample.group(1) + sortedLabels(sample.group(2)), Double.parseDouble(sample.group(3)));
        }
        return samples;
    }

    /** {@code {b="2",a="1"}} as {@code {a="1",b="2"}}: Prometheus gives label order no meaning. */
    private static String sortedLabels(String labels) {
        if (labels == null) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        Matcher label = LABEL.matcher(labels);
        while (label.find()) {
            pairs.add(label.group());
        }
        Collections.sort(pairs);
        return "{" + String.join(",", pairs) + "}";
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

        assertThat(samples).containsEntry("strata_http_requests_total{code=\"200\",method=\"GET\"}", 1.0)
                .containsEntry("strata_http_requests_total{code=\"404\",method=\"GET\"}", 1.0)
                .containsEntry("strata_http_requests_total{code=\"401\",method=\"GET\"}", 1.0);
        assertThat(samples.keySet()).noneMatch(key -> key.contains("BREW"))
                .anyMatch(key -> key.startsWith("strata_http_requests_total{") && key.contains("method=\"other\""));
        double count = samples.get("strata_http_request_duration_seconds_count");
        assertThat(count).isEqualTo(4.0);
        assertThat(samples.get("strata_http_request_duration_seconds_bucket{le=\"+Inf\"}")).isEqualTo(count);
        assertThat(samples.get("strata_http_request_duration_seconds_bucket{le=\"10.0\"}")).isLessThanOrEqualTo(count);
        assertThat(samples.get("strata_http_request_duration_seconds_sum")).isPositive();

        assertThat(scrape()).as("the first scrape is counted in the second")
                .containsEntry("strata_http_requests_total{code=\"200\",method=\"GET\"}", 2.0);
    }

    /** The names dashboards and alerts were written against, each with its type. */
    @Test
    void publishesEveryFamilyItAlwaysHadWithItsType() {
        api.get("/healthz");
        Map<String, String> types = new HashMap<>();
        Map<String, Double> samples = scrape(types);

        assertThat(types).containsEntry("strata_build_info", "gauge")
                .containsEntry("strata_nodes", "gauge")
                .containsEntry("strata_capacity_bytes", "gauge")
                .containsEntry("strata_free_capacity_bytes", "gauge")
                .containsEntry("strata_volumes", "gauge")
                .containsEntry("strata_replicas", "gauge")
                .containsEntry("strata_http_requests_total", "counter")
                .containsEntry("strata_http_request_duration_seconds", "histogram")
                .containsEntry("process_start_time_seconds", "gauge")
                .containsEntry("process_resident_memory_bytes", "gauge")
                .containsEntry("jvm_memory_used_bytes", "gauge")
                .containsEntry("jvm_memory_max_bytes", "gauge")
                .containsEntry("jvm_threads_current", "gauge");
        BuildInfo build = Builds.current();
        assertThat(samples).containsEntry("strata_build_info{build=\"%s\",version=\"%s\"}"
                .formatted(build.buildId(), build.version()), 1.0);
        assertThat(samples.get("process_resident_memory_bytes")).as("on Linux").isPositive();
        assertThat(samples.get("jvm_memory_used_bytes{area=\"nonheap\"}")).isPositive();
        assertThat(samples.get("jvm_memory_max_bytes{area=\"heap\"}")).isPositive();
        assertThat(samples.get("jvm_threads_current")).isPositive();
        assertThat(samples.keySet()).as("one sample per histogram bucket, as before")
                .filteredOn(key -> key.startsWith("strata_http_request_duration_seconds_bucket")).hasSize(14);
    }
}
