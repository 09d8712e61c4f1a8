package dev.strata.application.fake;

import dev.strata.application.port.out.NodeAgents;
import dev.strata.domain.node.AgentReport;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.volume.ReplicaId;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generations, retired replicas and reports in maps. The other fakes bump and retire through
 * {@link #bump} and {@link #retire}, as the database adapters do in their own tables.
 */
public final class InMemoryNodeAgents implements NodeAgents, InMemoryTransactions.Participant {

    private record State(Map<NodeId, Long> generations, Map<NodeId, TreeSet<String>> retired,
                         Map<NodeId, AgentReport> reports) {
        State copy() {
            Map<NodeId, TreeSet<String>> retiredCopy = new LinkedHashMap<>();
            retired.forEach((node, ids) -> retiredCopy.put(node, new TreeSet<>(ids)));
            return new State(new LinkedHashMap<>(generations), retiredCopy, new LinkedHashMap<>(reports));
        }
    }

    private State state = new State(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());

    /** Starts a newly registered node's generation at 1. */
    public synchronized void start(NodeId node) {
        state.generations.put(node, 1L);
    }

    public synchronized void bump(Collection<NodeId> nodes) {
        for (NodeId node : new HashSet<>(nodes)) {
            state.generations.merge(node, 1L, Long::sum);
        }
    }

    public synchronized void retire(NodeId node, ReplicaId replica) {
        state.retired.computeIfAbsent(node, n -> new TreeSet<>()).add(replica.value());
    }

    public synchronized void forget(NodeId node) {
        state.generations.remove(node);
        state.retired.remove(node);
        state.reports.remove(node);
    }

    @Override
    public synchronized long generation(NodeId node) {
        return state.generations.getOrDefault(node, 0L);
    }

    @Override
    public synchronized Map<NodeId, Long> generations() {
        return Map.copyOf(state.generations);
    }

    @Override
    public synchronized List<ReplicaId> retired(NodeId node) {
        return state.retired.getOrDefault(node, new TreeSet<>()).stream().map(ReplicaId::new).toList();
    }

    @Override
    public synchronized void keepRetired(NodeId node, Collection<ReplicaId> stillReported) {
        Set<String> kept = new HashSet<>();
        stillReported.forEach(id -> kept.add(id.value()));
        TreeSet<String> ids = state.retired.get(node);
        if (ids != null) {
            ids.retainAll(kept);
        }
    }

    @Override
    public synchronized Optional<AgentReport> report(NodeId node) {
        return Optional.ofNullable(state.reports.get(node));
    }

    @Override
    public synchronized List<AgentReport> reports() {
        return List.copyOf(state.reports.values());
    }

    @Override
    public synchronized void saveReport(AgentReport report) {
        state.reports.put(report.node(), report);
    }

    @Override
    public synchronized Object snapshot() {
        return state.copy();
    }

    @Override
    public synchronized void restore(Object snapshot) {
        state = ((State) snapshot).copy();
    }
}
