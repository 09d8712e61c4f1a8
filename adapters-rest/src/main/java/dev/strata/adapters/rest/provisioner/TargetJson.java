package dev.strata.adapters.rest.provisioner;

import dev.strata.application.port.in.host.TargetView;
import dev.strata.domain.host.Namespace;
import dev.strata.domain.host.Target;
import java.util.List;

/**
 * A target as the provisioner dialect shows it: its NQN ({@code targetName}, and again as
 * {@code name}, which the KumoScale host agent reads), the host it serves
 * and the one host NQN it grants ({@code allowedHosts}), the node ({@code backend}) that exports
 * it, and its namespaces, each with the replica's uuid as its namespace UUID. With the node's
 * portals this is what {@code nvme connect} needs.
 */
public record TargetJson(String targetName, String name, String alias, String hostId, List<String> allowedHosts,
                         int numNamespaces, VolumeJson.BackendRef backend, List<NamespaceJson> namespaces) {

    /** One namespace: {@code uuid} is the replica's, {@code volumeId} the volume's. */
    public record NamespaceJson(int nsid, String uuid, String volumeId) {

        static NamespaceJson from(Namespace namespace) {
            return new NamespaceJson(namespace.nsid(), namespace.replica().value(), namespace.volume().value());
        }
    }

    static TargetJson from(TargetView view) {
        Target target = view.target();
        List<NamespaceJson> namespaces = target.namespaces().stream().map(NamespaceJson::from).toList();
        return new TargetJson(target.name().value(), target.name().value(), view.alias(), target.host().value(),
                List.of(view.grantedTo().value()), namespaces.size(),
                new VolumeJson.BackendRef(target.node().value()), namespaces);
    }
}
