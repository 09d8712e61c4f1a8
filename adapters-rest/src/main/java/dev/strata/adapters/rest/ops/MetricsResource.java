package dev.strata.adapters.rest.ops;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import dev.strata.application.BuildInfo;
import dev.strata.application.port.in.system.PoolMetrics;
import dev.strata.application.port.in.system.ReadMetricsUseCase;
import dev.strata.domain.node.NodeState;
import dev.strata.domain.volume.ReplicaState;
import dev.strata.application.port.in.task.HealVolumesUseCase;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * {@code GET /metrics}: the pool, the HTTP server and the process, as Micrometer's Prometheus
 * registry writes them in the Prometheus text format. The pool's figures are read on each scrape, in
 * one transaction and as the caller (who needs CLUSTER_READ), and the registry's pool gauges show
 * that reading; scrapes take turns, so each shows its own reading whole.
 */
@Path("metrics")
public final class MetricsResource {

    /** What {@link PrometheusMeterRegistry#scrape()} writes: the text exposition format 0.0.4. */
    static final String MEDIA_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final ReadMetricsUseCase pool;
    private final PrometheusMeterRegistry registry;
    /** The pool as the scrape under way read it. */
    private final AtomicReference<PoolMetrics> reading =
            new AtomicReference<>(new PoolMetrics(Map.of(), 0, 0, 0, Map.of()));
    private final Object scraping = new Object();

    /** Adds the build, the pool and the process to {@code registry}, where {@link RequestMetrics} counts. */
    public MetricsResource(ReadMetricsUseCase pool, PrometheusMeterRegistry registry, BuildInfo build) {
        this.pool = pool;
        this.registry = registry;
        Gauge.builder("strata.build.info", () -> 1)
                .description("The running build; always 1.")
                .tags("version", build.version(), "build", build.buildId())
                .register(registry);
        for (NodeState state : NodeState.values()) {
            poolGauge("strata.nodes", "Storage nodes by state.", null,
                    p -> p.nodes().getOrDefault(state, 0), "state", state.label());
        }
        poolGauge("strata.capacity", "Capacity of all storage nodes.", "bytes", PoolMetrics::totalCapacity);
        poolGauge("strata.free.capacity", "Capacity of all storage nodes not yet allocated.", "bytes",
                PoolMetrics::freeCapacity);
        poolGauge("strata.volumes", "Volumes in all tenants.", null, PoolMetrics::volumes);
        for (ReplicaState state : ReplicaState.values()) {
            poolGauge("strata.replicas", "Replicas in all tenants by state.", null,
                    p -> p.replicas().getOrDefault(state, 0L), "state", state.label());
        }
        poolGauge("strata.volumes.degraded", "Volumes with a replica that is not Available.", null,
                PoolMetrics::degradedVolumes);
        new ProcessMetrics().bindTo(registry);
    }

    /** As above, and the self-healing repairs this process started, saw finish and saw fail. */
    public MetricsResource(ReadMetricsUseCase pool, PrometheusMeterRegistry registry, BuildInfo build,
                           HealVolumesUseCase repairs) {
        this(pool, registry, build);
        FunctionCounter.builder("strata.repairs.started", repairs, r -> r.counts().started())
                .description("Replacements of Missing replicas started (a migration, or at once when unpublished).")
                .register(registry);
        FunctionCounter.builder("strata.repairs.finished", repairs, r -> r.counts().finished())
                .description("Replacements finished: migrations reported FINISHED, unpublished replacements.")
                .register(registry);
        FunctionCounter.builder("strata.repairs.failed", repairs, r -> r.counts().failed())
                .description("Repairs that could not start (no placement) or migrations reported FAILED.")
                .register(registry);
    }

    private void poolGauge(String name, String description, String unit, ToDoubleFunction<PoolMetrics> figure,
                           String... tags) {
        Gauge.builder(name, reading, current -> figure.applyAsDouble(current.get()))
                .description(description).baseUnit(unit).tags(tags).strongReference(true)
                .register(registry);
    }

    @GET
    @Produces(MEDIA_TYPE)
    public String metrics(@Context SecurityContext security) {
        PoolMetrics read = pool.metrics(caller(security));
        synchronized (scraping) {
            reading.set(read);
            return registry.scrape();
        }
    }
}
