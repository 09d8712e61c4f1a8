package dev.strata.benchmarks;

import dev.strata.application.port.in.host.ProbeHostCommand;
import dev.strata.application.port.in.host.ProbeHostUseCase;
import dev.strata.application.port.in.host.PublishCommand;
import dev.strata.application.port.in.host.PublishVolumeUseCase;
import dev.strata.application.port.in.host.UnpublishCommand;
import dev.strata.application.port.in.host.UnpublishVolumeUseCase;
import dev.strata.application.port.in.volume.CreateVolumeUseCase;
import dev.strata.application.port.in.volume.VolumeRef;
import dev.strata.bootstrap.ServerSettings;
import dev.strata.bootstrap.Wiring;
import dev.strata.domain.access.AuthMethod;
import dev.strata.domain.access.Password;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.RequestOrigin;
import dev.strata.domain.host.HostDetails;
import dev.strata.domain.host.HostId;
import dev.strata.domain.host.HostNqn;
import dev.strata.domain.volume.Volume;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Publishes a volume and unpublishes it again through the use cases, one commit each, with no HTTP
 * in the way: what the database and the domain cost per round trip, for comparison with the HTTPS
 * figure of {@code bench/publish}.
 *
 * <p>{@code java -cp benchmarks.jar dev.strata.benchmarks.PublishInProcess DATA_DIR COUNT}
 */
public final class PublishInProcess {

    private PublishInProcess() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Principal admin = Principal.administrator("bench", AuthMethod.LOCAL_CLI, RequestOrigin.INTERNAL);
        try (Wiring wiring = Wiring.create(ServerSettings.defaults(dataDir), Clock.systemUTC())) {
            wiring.openDatabase(Optional.of(Password.newPassword("admin password", Seed.ADMIN_PASSWORD)));
            ProbeHostUseCase probe = wiring.services().hosts();
            CreateVolumeUseCase create = wiring.services().volumes();
            PublishVolumeUseCase publish = wiring.services().publications();
            UnpublishVolumeUseCase unpublish = wiring.services().publications();
            HostId host = new HostId(UUID.randomUUID().toString());
            probe.probe(admin, new ProbeHostCommand(host, new HostDetails(
                    new HostNqn("nqn.2014-08.org.nvmexpress:uuid:" + host), "bench", "Agent", "bench",
                    Duration.ofSeconds(30))));
            Volume volume = create.create(admin, Seed.volume(new Random(5), 2_000_000)).value();
            VolumeRef ref = new VolumeRef(Optional.empty(), volume.id());
            for (int round = 0; round < 2; round++) {
                long started = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    publish.publish(admin, new PublishCommand(ref, host));
                    unpublish.unpublish(admin, new UnpublishCommand(ref, Optional.of(host)));
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("%s: %d publish + unpublish round trips of a %d-replica volume, one commit each,"
                        + " %.0f per second (%.2f ms each)%n", round == 0 ? "warm-up" : "measured", count,
                        volume.replicas().size(), count / seconds, seconds * 1000 / count);
            }
        }
    }
}
