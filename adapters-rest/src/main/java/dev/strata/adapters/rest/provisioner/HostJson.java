package dev.strata.adapters.rest.provisioner;

import dev.strata.application.port.in.host.HostView;
import dev.strata.domain.host.Host;

/** A host as the provisioner dialect shows it: times in epoch milliseconds, {@code duration} in seconds. */
public record HostJson(String uuid, String nqn, String name, String clientType, String version, String state,
                       long lastProbeTime, long duration) {

    static HostJson from(HostView view) {
        Host host = view.host();
        return new HostJson(host.id().value(), host.nqn().value(), host.name(), host.details().clientType(),
                host.details().version(), view.state().label(), host.lastProbe().toEpochMilli(),
                host.duration().getSeconds());
    }
}
