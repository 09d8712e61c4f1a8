package dev.strata.adapters.rest.provisioner;

import dev.strata.application.port.in.host.ProbeHostCommand;
import dev.strata.domain.host.HostDetails;
import dev.strata.domain.host.HostId;
import dev.strata.domain.host.HostNqn;
import java.time.Duration;

/**
 * {@code POST /host_probe}, as the Cinder driver sends it: {@code {hostNqn, hostId, name,
 * clientType, version, duration}}, the duration in whole seconds.
 */
public record HostProbeRequest(String hostNqn, String hostId, String name, String clientType, String version,
                               Long duration) {

    ProbeHostCommand toCommand() {
        HostId id = HostId.parse("hostId", hostId);
        HostNqn nqn = HostNqn.parse("hostNqn", hostNqn);
        return new ProbeHostCommand(id, new HostDetails(nqn, name, clientType, version,
                duration == null ? null : Duration.ofSeconds(duration)));
    }
}
