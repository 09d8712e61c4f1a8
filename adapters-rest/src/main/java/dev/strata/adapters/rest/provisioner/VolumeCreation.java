package dev.strata.adapters.rest.provisioner;

import dev.strata.application.port.in.volume.CreateVolumeCommand;
import dev.strata.domain.Bytes;
import dev.strata.domain.DomainException;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.Provisioning;
import dev.strata.domain.volume.StorageClass;
import dev.strata.domain.volume.VolumeId;
import dev.strata.domain.volume.VolumeSpec;
import java.util.Optional;

/** {@code POST [t]/volumes}: capacity in GiB; the uuid is generated when absent. */
public record VolumeCreation(
        String alias,
        Long capacity,
        String uuid,
        String provisioningType,
        Integer reservedSpacePercentage,
        String protocol,
        StorageClassJson storageClass) {

    CreateVolumeCommand toCommand(Optional<TenantId> tenant) {
        VolumeSpec spec = new VolumeSpec(alias, gib("capacity", capacity),
                Provisioning.parse("provisioningType", provisioningType),
                reservedSpacePercentage == null ? VolumeSpec.DEFAULT_RESERVED_SPACE_PERCENTAGE : reservedSpacePercentage,
                protocol, storageClass == null ? StorageClass.DEFAULT : storageClass.toStorageClass());
        return new CreateVolumeCommand(tenant, Optional.ofNullable(uuid).map(id -> VolumeId.parse("uuid", id)), spec);
    }

    /** A required size in GiB, as bytes. */
    static long gib(String field, Long gib) {
        if (gib == null) {
            throw DomainException.invalidInput(field + " is required");
        }
        return Bytes.ofGiB(field, gib);
    }
}
