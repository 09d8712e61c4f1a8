package dev.strata.application.service;

import dev.strata.application.BuildInfo;
import dev.strata.application.Settings;
import dev.strata.application.port.in.system.CheckReadinessUseCase;
import dev.strata.application.port.in.system.GetSystemInfoUseCase;
import dev.strata.application.port.in.system.PoolMetrics;
import dev.strata.application.port.in.system.ReadMetricsUseCase;
import dev.strata.application.port.in.system.SystemInfo;
import dev.strata.application.port.out.Nodes;
import dev.strata.application.port.out.Readiness;
import dev.strata.application.port.out.Transactions;
import dev.strata.application.port.out.Volumes;
import dev.strata.domain.Bytes;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.node.NodeState;
import dev.strata.domain.node.StorageNode;
import dev.strata.domain.volume.ReplicaState;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What Strata says about itself: {@code /info}, readiness and the pool's metrics. */
public final class SystemService implements GetSystemInfoUseCase, CheckReadinessUseCase, ReadMetricsUseCase {

    private final BuildInfo build;
    private final Settings settings;
    private final Nodes nodes;
    private final Volumes volumes;
    private final Transactions transactions;
    private final Readiness readiness;

    public SystemService(BuildInfo build, Settings settings, Nodes nodes, Volumes volumes, Transactions transactions,
                         Readiness readiness) {
        this.build = build;
        this.settings = settings;
        this.nodes = nodes;
        this.volumes = volumes;
        this.transactions = transactions;
        this.readiness = readiness;
    }

    @Override
    public SystemInfo info(Principal caller) {
        if (!caller.has(Privilege.PRIVILEGE_CLUSTER_READ)) {
            return new SystemInfo(build.version(), settings.authMode(), Optional.empty());
        }
        return transactions.read(() -> {
            List<StorageNode> all = nodes.all();
            long total = 0;
            long free = 0;
            for (StorageNode node : all) {
                total = Bytes.saturatedAdd(total, node.totalCapacity());
                free = Bytes.saturatedAdd(free, node.availableCapacity());
            }
            return new SystemInfo(build.version(), settings.authMode(),
                    Optional.of(new SystemInfo.Pool(total, free, all.size(), volumes.count())));
        });
    }

    @Override
    public PoolMetrics metrics(Principal caller) {
        caller.require(Privilege.PRIVILEGE_CLUSTER_READ);
        return transactions.read(() -> {
            Map<NodeState, Integer> byState = new EnumMap<>(NodeState.class);
            for (NodeState state : NodeState.values()) {
                byState.put(state, 0);
            }
            long total = 0;
            long free = 0;
            for (StorageNode node : nodes.all()) {
                byState.merge(node.state(), 1, Integer::sum);
                total = Bytes.saturatedAdd(total, node.totalCapacity());
                free = Bytes.saturatedAdd(free, node.availableCapacity());
            }
            Map<ReplicaState, Long> replicas = new EnumMap<>(ReplicaState.class);
            for (ReplicaState state : ReplicaState.values()) {
                replicas.put(state, 0L);
            }
            replicas.putAll(volumes.replicasByState());
            return new PoolMetrics(byState, total, free, volumes.count(), replicas, volumes.degradedCount());
        });
    }

    @Override
    public boolean ready() {
        return readiness.databaseReachable();
    }
}
