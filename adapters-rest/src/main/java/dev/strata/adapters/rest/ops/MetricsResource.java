package dev.strata.adapters.rest.ops;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import dev.strata.application.BuildInfo;
import dev.strata.application.port.in.system.PoolMetrics;
import dev.strata.application.port.in.system.ReadMetricsUseCase;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;

/** {@code GET /metrics}: the pool, the HTTP server and the process, in the Prometheus text format. */
@Path("metrics")
public final class MetricsResource {

    private static final java.nio.file.Path PROC_STATUS = java.nio.file.Path.of("/proc/self/status");

    private final ReadMetricsUseCase pool;
    private final RequestMetrics requests;
    private final BuildInfo build;

    public MetricsResource(ReadMetricsUseCase pool, RequestMetrics requests, BuildInfo build) {
        this.pool = pool;
        this.requests = requests;
        this.build = build;
    }

    @GET
    @Produces(PrometheusText.MEDIA_TYPE)
    public String metrics(@Context SecurityContext security) {
        PoolMetrics metrics = pool.metrics(caller(security));
        PrometheusText text = new PrometheusText();

        text.family("strata_build_info", "gauge", "The running build; always 1.");
        text.sample("strata_build_info", 1, "version", build.version(), "build", build.buildId());
        text.family("strata_nodes", "gauge", "Storage nodes by state.");
        metrics.nodes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.sample("strata_nodes", e.getValue(), "state", e.getKey().label()));
        text.family("strata_capacity_bytes", "gauge", "Capacity of all storage nodes.");
        text.sample("strata_capacity_bytes", metrics.totalCapacity());
        text.family("strata_free_capacity_bytes", "gauge", "Capacity of all storage nodes not yet allocated.");
        text.sample("strata_free_capacity_bytes", metrics.freeCapacity());
        text.family("strata_volumes", "gauge", "Volumes in all tenants.");
        text.sample("strata_volumes", metrics.volumes());
        text.family("strata_replicas", "gauge", "Replicas in all tenants by state.");
        metrics.replicas().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.sample("strata_replicas", e.getValue(), "state", e.getKey().label()));

        requests.writeTo(text);
        process(text);
        return text.toString();
    }

    private static void process(PrometheusText text) {
        var runtime = ManagementFactory.getRuntimeMXBean();
        text.family("process_start_time_seconds", "gauge", "When the process started, in seconds since the epoch.");
        text.sample("process_start_time_seconds", runtime.getStartTime() / 1000.0);
        residentBytes().ifPresent(rss -> {
            text.family("process_resident_memory_bytes", "gauge", "Resident memory of the process.");
            text.sample("process_resident_memory_bytes", rss);
        });
        var memory = ManagementFactory.getMemoryMXBean();
        text.family("jvm_memory_used_bytes", "gauge", "Memory the JVM uses, by area.");
        text.sample("jvm_memory_used_bytes", memory.getHeapMemoryUsage().getUsed(), "area", "heap");
        text.sample("jvm_memory_used_bytes", memory.getNonHeapMemoryUsage().getUsed(), "area", "nonheap");
        MemoryUsage heap = memory.getHeapMemoryUsage();
        text.family("jvm_memory_max_bytes", "gauge", "The most heap the JVM may use.");
        text.sample("jvm_memory_max_bytes", heap.getMax(), "area", "heap");
        text.family("jvm_threads_current", "gauge", "Live threads.");
        text.sample("jvm_threads_current", ManagementFactory.getThreadMXBean().getThreadCount());
    }

    /** VmRSS from {@code /proc/self/status}, where there is one (Linux). */
    private static Optional<Long> residentBytes() {
        try {
            for (String line : Files.readAllLines(PROC_STATUS, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmRSS:")) {
                    String kib = line.substring("VmRSS:".length()).replace("kB", "").strip();
                    return Optional.of(Long.parseLong(kib) * 1024);
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // no such file or an unexpected layout: leave the metric out
        }
        return Optional.empty();
    }
}
