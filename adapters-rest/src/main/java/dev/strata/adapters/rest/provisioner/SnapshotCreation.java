package dev.strata.adapters.rest.provisioner;

import dev.strata.application.port.in.volume.CreateSnapshotCommand;
import dev.strata.domain.DomainException;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.SnapshotId;
import dev.strata.domain.volume.VolumeId;
import dev.strata.domain.volume.VolumeSpec;
import java.util.Optional;

/** {@code POST [t]/snapshots}. */
public record SnapshotCreation(String alias, String volumeID, Integer reservedSpacePercentage, String snapshotID) {

    CreateSnapshotCommand toCommand(Optional<TenantId> tenant) {
        if (volumeID == null) {
            throw DomainException.invalidInput("volumeID is required");
        }
        return new CreateSnapshotCommand(tenant,
                Optional.ofNullable(snapshotID).map(id -> SnapshotId.parse("snapshotID", id)), alias,
                VolumeId.parse("volumeID", volumeID),
                reservedSpacePercentage == null ? VolumeSpec.DEFAULT_RESERVED_SPACE_PERCENTAGE : reservedSpacePercentage);
    }
}
