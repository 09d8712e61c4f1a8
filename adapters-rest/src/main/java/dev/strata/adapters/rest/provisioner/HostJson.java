package dev.strata.adapters.rest.provisioner;

import dev.strata.application.port.in.host.HostView;
import dev.strata.domain.host.Host;
import java.util.List;

/**
 * A host as the provisioner dialect shows it: times in epoch milliseconds, {@code duration} in
 * seconds, {@code multipath} and {@code usedNamespacesIds} as last probed (element i true = nsid
 * i + 1 in use; as long as the highest nsid in use).
 */
public record HostJson(String uuid, String nqn, String name, String clientType, String version, String state,
                       long lastProbeTime, long duration, boolean multipath, List<Boolean> usedNamespacesIds) {

    static HostJson from(HostView view) {
        Host host = view.host();
        int highest = host.usedNsids().isEmpty() ? 0 : host.usedNsids().last();
        Boolean[] used = new Boolean[highest];
        for (int i = 0; i < highest; i++) {
            used[i] = host.usedNsids().contains(i + 1);
        }
        return new HostJson(host.id().value(), host.nqn().value(), host.name(), host.details().clientType(),
                host.details().version(), view.state().label(), host.lastProbe().toEpochMilli(),
                host.duration().getSeconds(), host.multipath(), List.of(used));
    }
}
