package dev.strata.application.port.in.volume;

import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.SnapshotId;
import dev.strata.domain.volume.VolumeId;
import dev.strata.domain.volume.VolumeSpec;
import java.util.Objects;
import java.util.Optional;

/** A snapshot of a volume, with the id the client chose (or one made up). */
public record CreateSnapshotCommand(Optional<TenantId> tenant, Optional<SnapshotId> id, String alias,
                                    VolumeId volume, int reservedSpacePercentage) {

    public CreateSnapshotCommand {
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(id);
        alias = VolumeSpec.alias(alias);
        Objects.requireNonNull(volume);
        VolumeSpec.requirePercentage("reservedSpacePercentage", reservedSpacePercentage);
    }
}
