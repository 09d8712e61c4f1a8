package dev.strata.adapters.rest.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * Counts finished requests by method and status ({@code strata_http_requests_total}), and how long
 * they took from the start of Jersey's processing until the response was written
 * ({@code strata_http_request_duration_seconds}, a histogram). Label values come from small fixed
 * sets, so a client cannot make the metrics grow.
 */
public final class RequestMetrics implements ApplicationEventListener {

    /** Upper bounds of the duration buckets. */
    static final Duration[] BUCKETS = {millis(1), millis(2.5), millis(5), millis(10), millis(25), millis(50),
        millis(100), millis(250), millis(500), millis(1_000), millis(2_500), millis(5_000), millis(10_000)};

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final MeterRegistry registry;
    private final Timer duration;
    /** Counters by "method status", so a request costs a map lookup, not a registry lookup. */
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();

    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.duration = Timer.builder("strata.http.request.duration")
                .description("Time from the start of processing until the response was written.")
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    private static Duration millis(double millis) {
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }

    @Override
    public void onEvent(ApplicationEvent event) {
        // nothing to count about the application's life
    }

    @Override
    public RequestEventListener onRequest(RequestEvent start) {
        long began = System.nanoTime();
        return event -> {
            if (event.getType() == RequestEvent.Type.FINISHED) {
                ContainerResponse response = event.getContainerResponse();
                record(event.getContainerRequest().getMethod(),
                        response == null ? "none" : Integer.toString(response.getStatus()),
                        System.nanoTime() - began);
            }
        };
    }

    void record(String method, String status, long elapsedNanos) {
        String known = method == null ? "other" : method.toUpperCase(Locale.ROOT);
        String label = METHODS.contains(known) ? known : "other";
        requests.computeIfAbsent(label + " " + status, key -> Counter.builder("strata.http.requests")
                        .description("HTTP requests answered, by method and status.")
                        .tags("method", label, "code", status)
                        .register(registry))
                .increment();
        duration.record(elapsedNanos, TimeUnit.NANOSECONDS);
    }
}
