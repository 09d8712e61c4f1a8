package dev.strata.benchmarks;

import dev.strata.application.port.in.volume.CreateVolumeUseCase;
import dev.strata.bootstrap.ServerSettings;
import dev.strata.bootstrap.Wiring;
import dev.strata.domain.access.AuthMethod;
import dev.strata.domain.access.Password;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.RequestOrigin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Random;

/**
 * Creates volumes through the use case, one transaction (and so one commit) each, with no HTTP in
 * the way: what the database and the domain cost per create, for comparison with the HTTPS figure.
 *
 * <p>{@code java -cp benchmarks.jar dev.strata.benchmarks.CreateInProcess DATA_DIR COUNT}
 */
public final class CreateInProcess {

    private CreateInProcess() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Principal admin = Principal.administrator("bench", AuthMethod.LOCAL_CLI, RequestOrigin.INTERNAL);
        Random random = new Random(99);
        try (Wiring wiring = Wiring.create(ServerSettings.defaults(dataDir), Clock.systemUTC())) {
            wiring.openDatabase(Optional.of(Password.newPassword("admin password", Seed.ADMIN_PASSWORD)));
            CreateVolumeUseCase create = wiring.services().volumes();
            for (int round = 0; round < 2; round++) {
                long started = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    create.create(admin, Seed.volume(random, 1_000_000 + round * count + i));
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("%s: %d creates, one commit each, %.0f per second (%.2f ms each)%n",
                        round == 0 ? "warm-up" : "measured", count, count / seconds, seconds * 1000 / count);
            }
        }
    }
}
