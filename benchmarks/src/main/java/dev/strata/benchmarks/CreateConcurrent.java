package dev.strata.benchmarks;

import dev.strata.adapters.persistence.Database;
import dev.strata.adapters.persistence.JdbiTransactions;
import dev.strata.application.port.in.node.RegisterNodeUseCase;
import dev.strata.application.port.in.volume.CreateVolumeCommand;
import dev.strata.application.port.in.volume.CreateVolumeUseCase;
import dev.strata.bootstrap.ServerSettings;
import dev.strata.bootstrap.Wiring;
import dev.strata.domain.Bytes;
import dev.strata.domain.access.AuthMethod;
import dev.strata.domain.access.Password;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.RequestOrigin;
import dev.strata.domain.node.Location;
import dev.strata.domain.node.LocationFilter;
import dev.strata.domain.node.NodeDeclaration;
import dev.strata.domain.volume.Provisioning;
import dev.strata.domain.volume.StorageClass;
import dev.strata.domain.volume.VolumeId;
import dev.strata.domain.volume.VolumeSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Durable creates through the use case, no HTTP: THREADS threads each create THIN volumes of 1 GiB
 * one after another for a warm-up second and then SECONDS seconds; each create is its own write
 * unit of work (on SQLite, units that arrive together share a commit). With NODES greater than 0
 * the data directory is new and gets that many nodes first; with 0 it is a seeded one.
 *
 * <p>{@code java -cp benchmarks.jar dev.strata.benchmarks.CreateConcurrent DATA_DIR THREADS SECONDS NODES}
 */
public final class CreateConcurrent {

    private CreateConcurrent() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int nodes = Integer.parseInt(args[3]);
        Principal admin = Principal.administrator("bench", AuthMethod.LOCAL_CLI, RequestOrigin.INTERNAL);
        ServerSettings settings = ServerSettings.defaults(dataDir);
        Database database = Wiring.database(settings.database(), Optional.empty());
        try (Wiring wiring = Wiring.create(database, settings.applicationSettings(), settings.directory(),
                Clock.systemUTC())) {
            wiring.openDatabase(Optional.of(Password.newPassword("admin password", Seed.ADMIN_PASSWORD)));
            RegisterNodeUseCase register = wiring.services().nodes();
            for (int i = 1; i <= nodes; i++) {
                register.register(admin, new NodeDeclaration(List.of("10.99." + (i >> 8) + "." + (i & 255)), 8090, "node-" + i,
                        new Location("rack-" + (i % 50), "zone-" + (i % 4), "eu"), null, 100_000 * Bytes.GIB, 0, 0, null));
            }
            CreateVolumeUseCase create = wiring.services().volumes();
            AtomicBoolean measuring = new AtomicBoolean();
            AtomicBoolean running = new AtomicBoolean(true);
            List<long[]> latencies = new ArrayList<>();
            int[] counts = new int[threads];
            long[] failures = new long[threads];
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long[] mine = new long[1 << 18];
                latencies.add(mine);
                int index = t;
                Thread worker = new Thread(() -> {
                    StorageClass storageClass = new StorageClass(1, LocationFilter.ANY, false, 4096, 0, 0, 0, 0, 0, "");
                    long n = 0;
                    while (running.get()) {
                        String uuid = new UUID(index + 1, n++).toString();
                        CreateVolumeCommand command = new CreateVolumeCommand(Optional.empty(),
                                Optional.of(new VolumeId(uuid)),
                                new VolumeSpec("bench-" + uuid, Bytes.GIB, Provisioning.THIN, 10, null, storageClass));
                        long start = System.nanoTime();
                        try {
                            create.create(admin, command);
                        } catch (RuntimeException e) {
                            failures[index]++;
                            continue;
                        }
                        if (measuring.get() && counts[index] < mine.length) {
                            mine[counts[index]++] = System.nanoTime() - start;
                        }
                    }
                }, "create-" + t);
                worker.start();
                workers.add(worker);
            }
            Thread.sleep(1_000);
            measuring.set(true);
            long commitsBefore = commits(database);
            long started = System.nanoTime();
            Thread.sleep(seconds * 1_000L);
            measuring.set(false);
            double elapsed = (System.nanoTime() - started) / 1e9;
            long commits = commits(database) - commitsBefore;
            running.set(false);
            for (Thread worker : workers) {
                worker.join();
            }
            long total = Arrays.stream(counts).sum();
            long[] all = new long[(int) total];
            int at = 0;
            for (int t = 0; t < threads; t++) {
                System.arraycopy(latencies.get(t), 0, all, at, counts[t]);
                at += counts[t];
            }
            Arrays.sort(all);
            System.out.printf("in process: %d creates in %.1f s with %d threads = %.0f creates/s; p50 %.1f ms,"
                            + " p99 %.1f ms; failures %d; %.1f creates per commit%n", total, elapsed, threads,
                    total / elapsed, percentile(all, 0.50), percentile(all, 0.99), Arrays.stream(failures).sum(),
                    commits == 0 ? 0.0 : total / (double) commits);
        }
    }

    /** The commits made so far, where the database counts them (SQLite's group commit). */
    private static long commits(Database database) {
        return database.transactions() instanceof JdbiTransactions jdbi ? jdbi.commits() : 0;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }
}
