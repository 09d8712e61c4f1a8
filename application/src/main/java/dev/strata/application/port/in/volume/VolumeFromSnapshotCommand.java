package dev.strata.application.port.in.volume;

import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.SnapshotId;
import dev.strata.domain.volume.StorageClass;
import dev.strata.domain.volume.VolumeId;
import dev.strata.domain.volume.VolumeSpec;
import java.util.Objects;
import java.util.Optional;

/**
 * A volume made from a snapshot, on the snapshot's nodes. It is THIN, reserving
 * {@code reservedSpacePercentage} of its size for the blocks written to it; the per-GiB limits,
 * when given, replace the source volume's.
 */
public record VolumeFromSnapshotCommand(Optional<TenantId> tenant, Optional<VolumeId> id, String alias,
                                        SnapshotId snapshot, boolean writable, int reservedSpacePercentage,
                                        Optional<Long> maxIopsPerGb, Optional<Long> maxBwPerGb, String protocol) {

    public VolumeFromSnapshotCommand {
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(id);
        alias = VolumeSpec.alias(alias);
        Objects.requireNonNull(snapshot);
        VolumeSpec.requirePercentage("reservedSpacePercentage", reservedSpacePercentage);
        maxIopsPerGb.ifPresent(value -> StorageClass.requirePerGb("maxIOPSPerGB", value));
        maxBwPerGb.ifPresent(value -> StorageClass.requirePerGb("maxBWPerGB", value));
    }
}
