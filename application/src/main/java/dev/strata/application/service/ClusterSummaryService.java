package dev.strata.application.service;

import dev.strata.application.Settings;
import dev.strata.application.port.in.cluster.ClusterSummary;
import dev.strata.application.port.in.cluster.ClusterSummaryQuery;
import dev.strata.application.port.in.cluster.ReadClusterSummaryUseCase;
import dev.strata.application.port.out.Hosts;
import dev.strata.application.port.out.NodeAgents;
import dev.strata.application.port.out.Nodes;
import dev.strata.application.port.out.Tenants;
import dev.strata.application.port.out.Transactions;
import dev.strata.application.port.out.Volumes;
import dev.strata.domain.Bytes;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.host.Host;
import dev.strata.domain.host.HostState;
import dev.strata.domain.node.AgentReport;
import dev.strata.domain.node.NodeState;
import dev.strata.domain.node.StorageNode;
import dev.strata.domain.tenant.Tenant;
import dev.strata.domain.volume.ReplicaState;
import dev.strata.domain.volume.Volume;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The console's dashboard in one read: nodes and tenants are few and read whole; volumes are
 * many, so only the degraded ones are read, through a narrow query.
 */
public final class ClusterSummaryService implements ReadClusterSummaryUseCase {

    private final Settings settings;
    private final Nodes nodes;
    private final Volumes volumes;
    private final Hosts hosts;
    private final Tenants tenants;
    private final NodeAgents agents;
    private final Transactions transactions;
    private final InstantSource clock;

    public ClusterSummaryService(Settings settings, Nodes nodes, Volumes volumes, Hosts hosts, Tenants tenants,
                                 NodeAgents agents, Transactions transactions, InstantSource clock) {
        this.settings = settings;
        this.nodes = nodes;
        this.volumes = volumes;
        this.hosts = hosts;
        this.tenants = tenants;
        this.agents = agents;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public ClusterSummary summary(Principal caller, ClusterSummaryQuery query) {
        caller.require(Privilege.PRIVILEGE_CLUSTER_READ);
        return transactions.read(() -> {
            Instant now = clock.instant();
            List<StorageNode> all = nodes.all();
            List<ClusterSummary.NodeLine> lines = new ArrayList<>(all.size());
            long total = 0;
            long allocated = 0;
            long free = 0;
            long provisioned = 0;
            int unavailable = 0;
            int maintenance = 0;
            for (StorageNode node : all) {
                lines.add(new ClusterSummary.NodeLine(node.id(), node.number(), node.name(), node.location().rack(),
                        node.location().zone(), node.state(), node.totalCapacity(), node.allocated().capacity(),
                        node.availableCapacity(), node.provisionedCapacity()));
                total = Bytes.saturatedAdd(total, node.totalCapacity());
                allocated = Bytes.saturatedAdd(allocated, node.allocated().capacity());
                free = Bytes.saturatedAdd(free, node.availableCapacity());
                provisioned = Bytes.saturatedAdd(provisioned, node.provisionedCapacity());
                unavailable += node.state() == NodeState.UNAVAILABLE ? 1 : 0;
                maintenance += node.state() == NodeState.MAINTENANCE ? 1 : 0;
            }
            long thinLimit = settings.thinOvercommit().promiseLimit(total);

            List<ClusterSummary.DegradedVolume> degraded = new ArrayList<>();
            for (Volume volume : volumes.degraded(query.faultLimit())) {
                List<ClusterSummary.BadReplica> bad = volume.replicas().stream()
                        .filter(r -> r.state() != ReplicaState.AVAILABLE)
                        .map(r -> new ClusterSummary.BadReplica(r.id(), r.node(), r.state(), r.stateTime()))
                        .toList();
                degraded.add(new ClusterSummary.DegradedVolume(volume.id(), volume.tenant(), volume.alias(), bad));
            }

            List<Host> knownHosts = hosts.all();
            List<ClusterSummary.OfflineHost> offline = knownHosts.stream()
                    .filter(h -> h.state(now) == HostState.OFFLINE)
                    .map(h -> new ClusterSummary.OfflineHost(h.id(), h.name(), h.nqn().value()))
                    .toList();
            List<ClusterSummary.FailedSubsystem> failed = agents.reports().stream()
                    .flatMap(report -> report.subsystems().stream()
                            .filter(AgentReport.SubsystemReport::failed)
                            .map(subsystem -> new ClusterSummary.FailedSubsystem(report.node(), subsystem.nqn(),
                                    subsystem.message(), report.reportedAt())))
                    .toList();
            long pool = total;
            List<Tenant> allTenants = tenants.all();
            List<ClusterSummary.TenantLine> tenantLines = allTenants.stream()
                    .map(t -> new ClusterSummary.TenantLine(t.id(), t.name(), t.reportedOver(pool).capacity(),
                            t.consumed()))
                    .toList();
            long volumeCount = volumes.count();
            return new ClusterSummary(new ClusterSummary.Capacity(total, allocated, free, provisioned),
                    settings.thinOvercommit().ratio(), thinLimit, lines,
                    groups(all, n -> n.location().rack()), groups(all, n -> n.location().zone()),
                    degraded, volumes.degradedCount(), offline, failed, tenantLines,
                    new ClusterSummary.Counts(all.size(), unavailable, maintenance, volumeCount, knownHosts.size(),
                            offline.size(), allTenants.size()));
        });
    }

    private static List<ClusterSummary.Group> groups(List<StorageNode> all, Function<StorageNode, String> label) {
        Map<String, ClusterSummary.Group> byName = new TreeMap<>();
        for (StorageNode node : all) {
            byName.merge(label.apply(node),
                    new ClusterSummary.Group(label.apply(node), 1, node.totalCapacity(), node.allocated().capacity(),
                            node.availableCapacity()),
                    (a, b) -> new ClusterSummary.Group(a.name(), a.nodes() + b.nodes(),
                            Bytes.saturatedAdd(a.total(), b.total()), Bytes.saturatedAdd(a.allocated(), b.allocated()),
                            Bytes.saturatedAdd(a.free(), b.free())));
        }
        return List.copyOf(byName.values());
    }
}
