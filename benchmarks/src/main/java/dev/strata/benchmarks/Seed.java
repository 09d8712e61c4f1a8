package dev.strata.benchmarks;

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
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Fills a data directory with nodes and volumes through the real use cases, in process, as the
 * server would (placement, counters, audit), committing a batch of creates at a time so that the
 * seeding is not one fsync per volume.
 *
 * <p>{@code java -cp benchmarks.jar dev.strata.benchmarks.Seed DATA_DIR NODES VOLUMES}
 */
public final class Seed {

    /** The password of {@code admin} in seeded databases; the load generator signs in with it. */
    public static final String ADMIN_PASSWORD = "bench-admin-password";

    private static final int BATCH = 500;

    private Seed() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        int nodes = Integer.parseInt(args[1]);
        int volumes = Integer.parseInt(args[2]);
        Principal admin = Principal.administrator("seed", AuthMethod.LOCAL_CLI, RequestOrigin.INTERNAL);
        Random random = new Random(7);
        try (Wiring wiring = Wiring.create(ServerSettings.defaults(dataDir), Clock.systemUTC())) {
            wiring.openDatabase(Optional.of(Password.newPassword("admin password", Seed.ADMIN_PASSWORD)));
            RegisterNodeUseCase register = wiring.services().nodes();
            CreateVolumeUseCase create = wiring.services().volumes();
            for (int i = 1; i <= nodes; i++) {
                String address = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
                register.register(admin, new NodeDeclaration(List.of(address), 8090, "node-" + i,
                        new Location("rack-" + (i % 50), "zone-" + (i % 4), "eu"), null, 100_000 * Bytes.GIB, 0, 0,
                        null));
            }
            long started = System.nanoTime();
            for (int done = 0; done < volumes; done += BATCH) {
                int count = Math.min(BATCH, volumes - done);
                int first = done;
                wiring.inOneTransaction(() -> {
                    for (int i = 0; i < count; i++) {
                        create.create(admin, volume(random, first + i));
                    }
                });
                if ((done + count) % 10_000 == 0 || done + count == volumes) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    System.out.printf("%d volumes, %.0f per second%n", done + count, (done + count) / seconds);
                }
            }
        }
    }

    static CreateVolumeCommand volume(Random random, int n) {
        boolean thin = random.nextBoolean();
        StorageClass storageClass = new StorageClass(1 + random.nextInt(3), LocationFilter.ANY, false, 4096, 0, 0, 0,
                0, 0, "");
        VolumeSpec spec = new VolumeSpec("seed-" + n, (1 + random.nextInt(500)) * Bytes.GIB,
                thin ? Provisioning.THIN : Provisioning.THICK, 10, null, storageClass);
        return new CreateVolumeCommand(Optional.empty(), Optional.of(new VolumeId(new UUID(random.nextLong(),
                random.nextLong()).toString())), spec);
    }
}
