package dev.strata.adapters.rest.ops;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * Counts finished requests by method and status, and how long they took from the start of
 * Jersey's processing until the response was written. Label values come from small fixed sets,
 * so a client cannot make the metrics grow.
 */
public final class RequestMetrics implements ApplicationEventListener {

    /** Upper bounds of the duration buckets, in seconds. */
    static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /** Requests by "method status"; sorted, so the exposition is stable. */
    private final Map<String, LongAdder> requests = new ConcurrentSkipListMap<>();
    private final LongAdder[] buckets = new LongAdder[BUCKETS.length];
    private final LongAdder count = new LongAdder();
    private final LongAdder nanos = new LongAdder();

    public RequestMetrics() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
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
        String key = (METHODS.contains(known) ? known : "other") + " " + status;
        requests.computeIfAbsent(key, k -> new LongAdder()).increment();
        double seconds = elapsedNanos / 1e9;
        for (int i = 0; i < BUCKETS.length; i++) {
            if (seconds <= BUCKETS[i]) {
                buckets[i].increment();
                break;
            }
        }
        count.increment();
        nanos.add(elapsedNanos);
    }

    /** Appends the request metrics in the Prometheus text format. */
    void writeTo(PrometheusText text) {
        text.family("strata_http_requests_total", "counter", "HTTP requests answered, by method and status.");
        requests.forEach((key, value) -> {
            int space = key.indexOf(' ');
            text.sample("strata_http_requests_total", value.sum(),
                    "method", key.substring(0, space), "code", key.substring(space + 1));
        });
        text.family("strata_http_request_duration_seconds", "histogram",
                "Time from the start of processing until the response was written.");
        long cumulative = 0;
        for (int i = 0; i < BUCKETS.length; i++) {
            cumulative += buckets[i].sum();
            text.sample("strata_http_request_duration_seconds_bucket", cumulative, "le", Double.toString(BUCKETS[i]));
        }
        long total = Math.max(count.sum(), cumulative);
        text.sample("strata_http_request_duration_seconds_bucket", total, "le", "+Inf");
        text.sample("strata_http_request_duration_seconds_sum", nanos.sum() / 1e9);
        text.sample("strata_http_request_duration_seconds_count", total);
    }
}
