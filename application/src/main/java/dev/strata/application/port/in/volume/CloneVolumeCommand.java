package dev.strata.application.port.in.volume;

import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.VolumeId;
import dev.strata.domain.volume.VolumeSpec;
import java.util.Objects;
import java.util.Optional;

/**
 * A new volume with the data of another: the source's layout and provisioning, its size or a
 * larger one, placed afresh.
 */
public record CloneVolumeCommand(Optional<TenantId> tenant, Optional<VolumeId> id, VolumeId source, String alias,
                                 Optional<Long> capacity, Optional<Integer> reservedSpacePercentage) {

    public CloneVolumeCommand {
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(id);
        Objects.requireNonNull(source);
        alias = VolumeSpec.alias(alias);
        capacity.ifPresent(bytes -> VolumeSpec.requireCapacity("capacity", bytes));
        reservedSpacePercentage.ifPresent(p -> VolumeSpec.requirePercentage("reservedSpacePercentage", p));
    }
}
