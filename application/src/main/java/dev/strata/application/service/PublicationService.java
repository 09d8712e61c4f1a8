package dev.strata.application.service;

import dev.strata.application.port.in.Created;
import dev.strata.application.port.in.host.ListTargetsUseCase;
import dev.strata.application.port.in.host.PublishCommand;
import dev.strata.application.port.in.host.PublishVolumeUseCase;
import dev.strata.application.port.in.host.TargetView;
import dev.strata.application.port.in.host.TargetsQuery;
import dev.strata.application.port.in.host.UnpublishCommand;
import dev.strata.application.port.in.host.UnpublishVolumeUseCase;
import dev.strata.application.port.out.Hosts;
import dev.strata.application.port.out.Nodes;
import dev.strata.application.port.out.Publications;
import dev.strata.application.port.out.Tenants;
import dev.strata.application.port.out.Transactions;
import dev.strata.application.port.out.Volumes;
import dev.strata.domain.DomainException;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.host.Host;
import dev.strata.domain.host.HostId;
import dev.strata.domain.host.Publication;
import dev.strata.domain.host.Target;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.StorageNode;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.Volume;
import dev.strata.domain.volume.VolumeId;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Publishing volumes to hosts, and the targets that expose them. */
public final class PublicationService implements PublishVolumeUseCase, UnpublishVolumeUseCase, ListTargetsUseCase {

    private final Hosts hosts;
    private final Nodes nodes;
    private final Volumes volumes;
    private final Owned<VolumeId, Volume> owned;
    private final Publications publications;
    private final Transactions transactions;
    private final Mutations mutations;
    private final InstantSource clock;
    private final TenantScope scope;
    private final Exports exports;

    public PublicationService(Hosts hosts, Nodes nodes, Tenants tenants, Volumes volumes, Publications publications,
                              Transactions transactions, Mutations mutations, InstantSource clock) {
        this.hosts = hosts;
        this.nodes = nodes;
        this.volumes = volumes;
        this.owned = Owned.volumes(volumes);
        this.publications = publications;
        this.transactions = transactions;
        this.mutations = mutations;
        this.clock = clock;
        this.scope = new TenantScope(tenants);
        this.exports = new Exports(hosts, publications, clock);
    }

    @Override
    public Created<Publication> publish(Principal caller, PublishCommand command) {
        return mutations.perform(caller, Privilege.PRIVILEGE_HOST_WRITE, "volume.publish",
                command.volume().id() + "/" + command.host(), () -> {
                    Volume volume = owned(caller, command.volume().tenant(), command.volume().id());
                    Host host = host(command.host());
                    List<Publication> current = publications.ofVolume(volume.id());
                    Optional<Publication> added = Publication.of(volume, host.id(), current, clock.instant());
                    added.ifPresent(publications::add);
                    // Also on a repeat: a no-op when all is in place, and it puts back what is not.
                    exports.expose(volume, host.id());
                    return added.map(p -> new Created<>(p, true)).orElseGet(() -> new Created<>(current.stream()
                            .filter(p -> p.host().equals(host.id())).findFirst().orElseThrow(), false));
                });
    }

    @Override
    public List<HostId> unpublish(Principal caller, UnpublishCommand command) {
        return mutations.perform(caller, Privilege.PRIVILEGE_HOST_WRITE, "volume.unpublish",
                command.volume().id() + "/" + command.host().map(HostId::value).orElse("*"), () -> {
                    Volume volume = owned(caller, command.volume().tenant(), command.volume().id());
                    command.host().ifPresent(this::host);
                    List<HostId> from = new ArrayList<>();
                    for (Publication publication : publications.ofVolume(volume.id())) {
                        if (command.host().map(publication.host()::equals).orElse(true)) {
                            exports.withdraw(volume.id(), publication.host());
                            publications.remove(volume.id(), publication.host());
                            from.add(publication.host());
                        }
                    }
                    return from;
                });
    }

    @Override
    public List<TargetView> list(Principal caller, TargetsQuery query) {
        caller.require(Privilege.PRIVILEGE_HOST_READ);
        return transactions.read(() -> {
            Map<HostId, Host> knownHosts = new HashMap<>();
            query.host().ifPresent(id -> knownHosts.put(id, host(id)));
            query.volume().ifPresent(id -> visible(caller, id));
            Map<NodeId, String> nodeNames = new HashMap<>();
            List<TargetView> views = new ArrayList<>();
            for (Target target : publications.targets(query.host(), query.volume())) {
                Target seen = caller.tenant().map(target::onlyOf).orElse(target);
                if (seen.isEmpty()) {
                    continue;
                }
                Host host = knownHosts.computeIfAbsent(seen.host(), this::host);
                String node = nodeNames.computeIfAbsent(seen.node(), id -> nodes.find(id).map(PublicationService::label)
                        .orElse(id.value()));
                views.add(new TargetView(seen, host.nqn(), host.name() + "@" + node));
            }
            return views;
        });
    }

    private static String label(StorageNode node) {
        return node.name().isEmpty() ? "node-" + node.number() : node.name();
    }

    private Host host(HostId id) {
        return hosts.find(id).orElseThrow(() -> DomainException.notExists("host " + id + " does not exist"));
    }

    /** The volume in the tenant the request acts on; another tenant's volume is as unknown as a missing one. */
    private Volume owned(Principal caller, Optional<TenantId> named, VolumeId id) {
        return owned.get(scope.acting(caller, named), id);
    }

    /** A volume the caller may see: any, or its own tenant's when bound to one. */
    private Volume visible(Principal caller, VolumeId id) {
        return volumes.find(id).filter(v -> caller.tenant().map(v.tenant()::equals).orElse(true))
                .orElseThrow(() -> DomainException.notExists("volume " + id + " does not exist"));
    }
}
