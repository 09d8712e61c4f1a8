package dev.strata.adapters.rest.provisioner;

import dev.strata.adapters.rest.http.PathIds;
import dev.strata.application.port.in.task.MigrateVolumeCommand;
import dev.strata.application.port.in.volume.VolumeRef;
import dev.strata.domain.DomainException;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.VolumeId;
import java.util.Optional;

/** {@code POST [t]/migrate_volume} {@code {volId, repId?, migrationHandler? (ignored), destinationBackendId?}}. */
public record MigrationRequest(String volId, String repId, String migrationHandler, String destinationBackendId) {

    MigrateVolumeCommand toCommand(Optional<TenantId> tenant) {
        if (volId == null) {
            throw DomainException.invalidInput("volId is required");
        }
        return new MigrateVolumeCommand(new VolumeRef(tenant, VolumeId.parse("volId", volId)),
                Optional.ofNullable(repId).filter(r -> !r.isEmpty()).map(PathIds::replica),
                Optional.ofNullable(destinationBackendId).filter(d -> !d.isEmpty())
                        .map(PathIds::node));
    }
}
