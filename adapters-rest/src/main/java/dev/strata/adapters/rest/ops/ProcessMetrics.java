package dev.strata.adapters.rest.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The process: when it started, its resident memory (on Linux), the JVM's heap and non-heap memory,
 * and its live threads. The names are those Strata has always published ({@code jvm_memory_used_bytes}
 * by {@code area} alone, {@code jvm_threads_current}), not those of Micrometer's JVM binders, which
 * would add an {@code id} label per memory pool and rename the thread count.
 */
final class ProcessMetrics implements MeterBinder {

    private static final Path PROC_STATUS = Path.of("/proc/self/status");

    @Override
    public void bindTo(MeterRegistry registry) {
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        TimeGauge.builder("process.start.time", runtime, TimeUnit.MILLISECONDS, RuntimeMXBean::getStartTime)
                .description("When the process started, in seconds since the epoch.")
                .strongReference(true)
                .register(registry);
        if (residentBytes().isPresent()) {
            Gauge.builder("process.resident.memory", () -> {
                OptionalLong now = residentBytes();
                return now.isPresent() ? now.getAsLong() : Double.NaN;
            })
                    .description("Resident memory of the process.")
                    .baseUnit("bytes")
                    .register(registry);
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Gauge.builder("jvm.memory.used", memory, m -> m.getHeapMemoryUsage().getUsed())
                .description("Memory the JVM uses, by area.")
                .tag("area", "heap").baseUnit("bytes").strongReference(true)
                .register(registry);
        Gauge.builder("jvm.memory.used", memory, m -> m.getNonHeapMemoryUsage().getUsed())
                .description("Memory the JVM uses, by area.")
                .tag("area", "nonheap").baseUnit("bytes").strongReference(true)
                .register(registry);
        Gauge.builder("jvm.memory.max", memory, m -> m.getHeapMemoryUsage().getMax())
                .description("The most heap the JVM may use.")
                .tag("area", "heap").baseUnit("bytes").strongReference(true)
                .register(registry);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Gauge.builder("jvm.threads.current", threads, ThreadMXBean::getThreadCount)
                .description("Live threads.")
                .strongReference(true)
                .register(registry);
    }

    /** VmRSS from {@code /proc/self/status}, where there is one (Linux). */
    private static OptionalLong residentBytes() {
        try {
            for (String line : Files.readAllLines(PROC_STATUS, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmRSS:")) {
                    String kib = line.substring("VmRSS:".length()).replace("kB", "").strip();
                    return OptionalLong.of(Long.parseLong(kib) * 1024);
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // no such file or an unexpected layout: no figure
        }
        return OptionalLong.empty();
    }
}
