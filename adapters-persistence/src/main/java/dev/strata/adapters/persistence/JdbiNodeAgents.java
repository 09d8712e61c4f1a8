package dev.strata.adapters.persistence;

import dev.strata.adapters.persistence.NodeAgentDao.OrphanRow;
import dev.strata.adapters.persistence.NodeAgentDao.ReportRow;
import dev.strata.adapters.persistence.NodeAgentDao.SubsystemRow;
import dev.strata.application.port.out.NodeAgents;
import dev.strata.domain.node.AgentReport;
import dev.strata.domain.node.AgentReport.SubsystemReport;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.volume.ReplicaId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@link NodeAgents} over the generation, retired replica and report tables. The other
 * repositories call {@link #bump} and {@link #retire} on their write handle, in their transaction.
 */
final class JdbiNodeAgents implements NodeAgents {

    private static final String BUMP = "UPDATE node_generations SET generation = generation + 1 WHERE node_id = ?";

    private final JdbiTransactions transactions;

    JdbiNodeAgents(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    /** Bumps the generation of each node, once however often it is named. */
    static void bump(PooledHandle handle, Collection<String> nodes) {
        if (!nodes.isEmpty()) {
            // one statement text whatever the number of nodes, so that it is prepared once
            var batch = handle.handle().prepareBatch(BUMP);
            for (String node : new TreeSet<>(nodes)) {
                batch.bind(0, node).add();
            }
            batch.execute();
        }
    }

    /** Records replicas (id → node) as retired on their nodes. */
    static void retire(PooledHandle handle, Map<String, String> nodeOfReplica, Instant at) {
        if (!nodeOfReplica.isEmpty()) {
            List<String> replicas = List.copyOf(nodeOfReplica.keySet());
            handle.dao(NodeAgentDao.class).retire(replicas.stream().map(nodeOfReplica::get).toList(), replicas,
                    at.toEpochMilli());
        }
    }

    @Override
    public long generation(NodeId node) {
        return transactions.withHandle(h -> h.dao(NodeAgentDao.class).generation(node.value()).orElse(0L));
    }

    @Override
    public Map<NodeId, Long> generations() {
        return transactions.withHandle(h -> h.dao(NodeAgentDao.class).generations()).stream()
                .collect(Collectors.toMap(row -> new NodeId(row.nodeId()), NodeAgentDao.GenerationRow::generation));
    }

    @Override
    public List<ReplicaId> retired(NodeId node) {
        return transactions.withHandle(h -> h.dao(NodeAgentDao.class).retired(node.value())).stream()
                .map(ReplicaId::new).toList();
    }

    @Override
    public void keepRetired(NodeId node, Collection<ReplicaId> stillReported) {
        NodeAgentDao dao = transactions.writeHandle().dao(NodeAgentDao.class);
        if (stillReported.isEmpty()) {
            dao.forgetRetired(node.value());
        } else {
            dao.keepRetired(node.value(), stillReported.stream().map(ReplicaId::value).toList());
        }
    }

    @Override
    public Optional<AgentReport> report(NodeId node) {
        return reports().stream().filter(r -> r.node().equals(node)).findFirst();
    }

    @Override
    public List<AgentReport> reports() {
        return transactions.withHandle(h -> {
            NodeAgentDao dao = h.dao(NodeAgentDao.class);
            List<ReportRow> rows = dao.reports();
            if (rows.isEmpty()) {
                return List.<AgentReport>of();
            }
            Map<String, List<SubsystemReport>> subsystems = new HashMap<>();
            dao.subsystems().forEach(row -> subsystems.computeIfAbsent(row.nodeId(), n -> new java.util.ArrayList<>())
                    .add(new SubsystemReport(row.nqn(), row.state(), row.message())));
            Map<String, List<String>> orphans = new HashMap<>();
            dao.orphans().forEach(row -> orphans.computeIfAbsent(row.nodeId(), n -> new java.util.ArrayList<>())
                    .add(row.name()));
            return rows.stream().map(row -> new AgentReport(new NodeId(row.nodeId()),
                    Instant.ofEpochMilli(row.reportedAt()), Duration.ofSeconds(row.intervalS()), row.agentVersion(),
                    row.appliedGeneration(), row.totalCapacity(), row.freeCapacity(),
                    subsystems.getOrDefault(row.nodeId(), List.of()), orphans.getOrDefault(row.nodeId(), List.of())))
                    .toList();
        });
    }

    @Override
    public void saveReport(AgentReport report) {
        NodeAgentDao dao = transactions.writeHandle().dao(NodeAgentDao.class);
        String node = report.node().value();
        dao.deleteReport(node);
        dao.insertReport(new ReportRow(node, report.reportedAt().toEpochMilli(),
                (int) report.interval().toSeconds(), report.agentVersion(), report.appliedGeneration(),
                report.totalCapacity(), report.freeCapacity()));
        List<SubsystemReport> subsystems = report.subsystems();
        if (!subsystems.isEmpty()) {
            dao.insertSubsystems(IntStream.range(0, subsystems.size()).mapToObj(i -> new SubsystemRow(node, i,
                    subsystems.get(i).nqn(), subsystems.get(i).state(), subsystems.get(i).message())).toList());
        }
        List<String> orphans = report.orphans();
        if (!orphans.isEmpty()) {
            dao.insertOrphans(IntStream.range(0, orphans.size())
                    .mapToObj(i -> new OrphanRow(node, i, orphans.get(i))).toList());
        }
    }
}
