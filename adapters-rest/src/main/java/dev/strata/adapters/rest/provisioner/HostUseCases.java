package dev.strata.adapters.rest.provisioner;

import dev.strata.application.port.in.host.GetHostUseCase;
import dev.strata.application.port.in.host.ListHostsUseCase;
import dev.strata.application.port.in.host.ListTargetsUseCase;
import dev.strata.application.port.in.host.ProbeHostUseCase;
import dev.strata.application.port.in.host.PublishVolumeUseCase;
import dev.strata.application.port.in.host.RemoveHostUseCase;
import dev.strata.application.port.in.host.UnpublishVolumeUseCase;

/** What the host, publish and target paths drive. */
public record HostUseCases(ProbeHostUseCase probe, ListHostsUseCase list, GetHostUseCase get, RemoveHostUseCase remove,
                           PublishVolumeUseCase publish, UnpublishVolumeUseCase unpublish,
                           ListTargetsUseCase targets) {
}
