package dev.strata.adapters.rest.provisioner;

import dev.strata.application.port.in.volume.VolumeFromSnapshotCommand;
import dev.strata.domain.DomainException;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.SnapshotId;
import dev.strata.domain.volume.VolumeId;
import dev.strata.domain.volume.VolumeSpec;
import java.util.Optional;

/** {@code POST [t]/snapshot_volumes}: a volume from a snapshot. {@code allowSpan} is accepted and ignored. */
public record SnapshotVolumeCreation(String alias, String snapshotID, Boolean writable, String volumeID,
                                     Integer reservedSpacePercentage, Long maxIOPSPerGB, Long maxBWPerGB,
                                     String protocol, Boolean allowSpan) {

    VolumeFromSnapshotCommand toCommand(Optional<TenantId> tenant) {
        if (snapshotID == null) {
            throw DomainException.invalidInput("snapshotID is required");
        }
        return new VolumeFromSnapshotCommand(tenant,
                Optional.ofNullable(volumeID).map(id -> VolumeId.parse("volumeID", id)), alias,
                SnapshotId.parse("snapshotID", snapshotID), Boolean.TRUE.equals(writable),
                reservedSpacePercentage == null ? VolumeSpec.DEFAULT_RESERVED_SPACE_PERCENTAGE : reservedSpacePercentage,
                Optional.ofNullable(maxIOPSPerGB), Optional.ofNullable(maxBWPerGB), protocol);
    }
}
