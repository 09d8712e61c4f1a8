package dev.strata.adapters.rest.provisioner;

import dev.strata.application.port.in.volume.CloneVolumeCommand;
import dev.strata.domain.Bytes;
import dev.strata.domain.DomainException;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.VolumeId;
import java.util.Optional;

/** {@code POST [t]/clone_volume}: capacity in GiB, at least the source's. */
public record CloneCreation(String sourceVolumeId, String alias, String volumeId, Long capacity,
                            Integer reservedSpacePercentage) {

    CloneVolumeCommand toCommand(Optional<TenantId> tenant) {
        if (sourceVolumeId == null) {
            throw DomainException.invalidInput("sourceVolumeId is required");
        }
        return new CloneVolumeCommand(tenant, Optional.ofNullable(volumeId).map(id -> VolumeId.parse("volumeId", id)),
                VolumeId.parse("sourceVolumeId", sourceVolumeId), alias,
                Optional.ofNullable(capacity).map(gib -> Bytes.ofGiB("capacity", gib)),
                Optional.ofNullable(reservedSpacePercentage));
    }
}
