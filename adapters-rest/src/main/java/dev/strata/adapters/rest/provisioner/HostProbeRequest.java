package dev.strata.adapters.rest.provisioner;

import dev.strata.application.port.in.host.ProbeHostCommand;
import dev.strata.domain.DomainException;
import dev.strata.domain.host.HostDetails;
import dev.strata.domain.host.HostId;
import dev.strata.domain.host.HostNqn;
import dev.strata.domain.host.Target;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code POST /host_probe}, as the Cinder driver and the KumoScale host agent send it:
 * {@code {hostNqn, hostId, name, clientType, version, duration, multipath?, usedNamespacesIds?}},
 * the duration in whole seconds; {@code usedNamespacesIds[i]} true means nsid i + 1 is in use on
 * the host.
 */
public record HostProbeRequest(String hostNqn, String hostId, String name, String clientType, String version,
                               Long duration, Boolean multipath, List<Boolean> usedNamespacesIds) {

    ProbeHostCommand toCommand() {
        HostId id = HostId.parse("hostId", hostId);
        HostNqn nqn = HostNqn.parse("hostNqn", hostNqn);
        return new ProbeHostCommand(id, new HostDetails(nqn, name, clientType, version,
                duration == null ? null : Duration.ofSeconds(duration)), Boolean.TRUE.equals(multipath), used());
    }

    private Optional<Set<Integer>> used() {
        if (usedNamespacesIds == null) {
            return Optional.empty();
        }
        if (usedNamespacesIds.size() > Target.MAX_NAMESPACES) {
            throw DomainException.invalidInput("usedNamespacesIds has at most " + Target.MAX_NAMESPACES + " entries");
        }
        Set<Integer> used = new TreeSet<>();
        for (int i = 0; i < usedNamespacesIds.size(); i++) {
            Boolean inUse = usedNamespacesIds.get(i);
            if (inUse == null) {
                throw DomainException.invalidInput("usedNamespacesIds[" + i + "] must be true or false");
            }
            if (inUse) {
                used.add(i + 1);
            }
        }
        return Optional.of(used);
    }
}
