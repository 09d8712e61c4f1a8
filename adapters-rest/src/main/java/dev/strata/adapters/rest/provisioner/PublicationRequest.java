package dev.strata.adapters.rest.provisioner;

import dev.strata.application.port.in.task.HostActionCommand;
import dev.strata.application.port.in.host.PublishCommand;
import dev.strata.application.port.in.host.UnpublishCommand;
import dev.strata.application.port.in.volume.VolumeRef;
import dev.strata.domain.DomainException;
import dev.strata.domain.host.HostId;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.VolumeId;
import java.util.Optional;

/**
 * {@code POST [t]/publish} and {@code [t]/unpublish}: {@code {hostId, volId}}. Unpublish may leave
 * out {@code hostId}, as the Cinder driver does when it has no connector: every host is meant.
 */
public record PublicationRequest(String hostId, String volId) {

    PublishCommand toPublish(Optional<TenantId> tenant) {
        return new PublishCommand(volume(tenant), HostId.parse("hostId", hostId));
    }

    UnpublishCommand toUnpublish(Optional<TenantId> tenant) {
        VolumeRef volume = volume(tenant);
        return new UnpublishCommand(volume, Optional.ofNullable(hostId).map(id -> HostId.parse("hostId", id)));
    }

    HostActionCommand toHostAction(Optional<TenantId> tenant) {
        if (hostId == null) {
            throw DomainException.invalidInput("hostId is required");
        }
        return new HostActionCommand(HostId.parse("hostId", hostId), volume(tenant));
    }

    private VolumeRef volume(Optional<TenantId> tenant) {
        if (volId == null) {
            throw DomainException.invalidInput("volId is required");
        }
        return new VolumeRef(tenant, VolumeId.parse("volId", volId));
    }
}
