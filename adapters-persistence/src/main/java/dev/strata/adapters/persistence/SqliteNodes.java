package dev.strata.adapters.persistence;

import dev.strata.application.port.out.Nodes;
import dev.strata.domain.node.Allocation;
import dev.strata.domain.node.Location;
import dev.strata.domain.node.NodeDeclaration;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.NodeState;
import dev.strata.domain.node.Portal;
import dev.strata.domain.node.StorageNode;
import dev.strata.domain.node.Transport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;

/** {@link Nodes} over three tables: the node, its management addresses, its portals. */
final class SqliteNodes implements Nodes {

    private final JdbiTransactions transactions;

    SqliteNodes(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(StorageNode node) {
        NodeDao dao = transactions.writeHandle().attach(NodeDao.class);
        dao.insert(toRow(node));
        List<String> ips = node.mgmtIps();
        dao.insertAddresses(IntStream.range(0, ips.size())
                .mapToObj(i -> new NodeAddressRow(node.id().value(), i, ips.get(i))).toList());
        List<Portal> portals = node.portals();
        dao.insertPortals(IntStream.range(0, portals.size())
                .mapToObj(i -> new NodePortalRow(node.id().value(), i, portals.get(i).ip(), portals.get(i).port(),
                        portals.get(i).transport().name())).toList());
        dao.recordNumber(node.number());
    }

    @Override
    public void update(StorageNode node) {
        if (transactions.writeHandle().attach(NodeDao.class).update(toRow(node)) != 1) {
            throw new IllegalStateException("node " + node.id() + " does not exist");
        }
    }

    @Override
    public void remove(NodeId id) {
        transactions.writeHandle().attach(NodeDao.class).delete(id.value());
    }

    @Override
    public Optional<StorageNode> find(NodeId id) {
        return transactions.withHandle(h -> h.attach(NodeDao.class).find(id.value()).map(row -> complete(h, row)));
    }

    @Override
    public Optional<StorageNode> findByNumber(int number) {
        return transactions.withHandle(h -> h.attach(NodeDao.class).findByNumber(number).map(row -> complete(h, row)));
    }

    @Override
    public Optional<StorageNode> findByMgmtIp(String canonicalIp) {
        return transactions.withHandle(h -> {
            NodeDao dao = h.attach(NodeDao.class);
            return dao.findIdByMgmtIp(canonicalIp).flatMap(dao::find).map(row -> complete(h, row));
        });
    }

    @Override
    public List<StorageNode> all() {
        return transactions.withHandle(h -> {
            NodeDao dao = h.attach(NodeDao.class);
            List<NodeRow> rows = dao.all();
            Map<String, List<NodeAddressRow>> addresses = dao.allAddresses().stream()
                    .collect(Collectors.groupingBy(NodeAddressRow::nodeId));
            Map<String, List<NodePortalRow>> portals = dao.allPortals().stream()
                    .collect(Collectors.groupingBy(NodePortalRow::nodeId));
            List<StorageNode> nodes = new ArrayList<>(rows.size());
            for (NodeRow row : rows) {
                nodes.add(toNode(row, addresses.getOrDefault(row.id(), List.of()),
                        portals.getOrDefault(row.id(), List.of())));
            }
            return nodes;
        });
    }

    @Override
    public int nextNumber() {
        return transactions.withHandle(h -> h.attach(NodeDao.class).lastNumber().orElse(0) + 1);
    }

    private static StorageNode complete(Handle handle, NodeRow row) {
        NodeDao dao = handle.attach(NodeDao.class);
        return toNode(row, dao.addresses(List.of(row.id())), dao.portals(List.of(row.id())));
    }

    private static NodeRow toRow(StorageNode node) {
        Location location = node.location();
        Allocation allocated = node.allocated();
        return new NodeRow(node.id().value(), node.number(), node.name(), node.mgmtPort(), location.rack(),
                location.zone(), location.region(), node.hostId(), node.state().name(), node.totalCapacity(),
                node.totalIops(), node.totalBandwidth(), allocated.capacity(), allocated.provisioned(),
                allocated.iops(), allocated.bandwidth(), node.registeredAt().toEpochMilli(),
                node.updatedAt().toEpochMilli());
    }

    private static StorageNode toNode(NodeRow row, List<NodeAddressRow> addresses, List<NodePortalRow> portals) {
        NodeDeclaration declaration = new NodeDeclaration(
                addresses.stream().map(NodeAddressRow::ip).toList(),
                row.mgmtPort(),
                row.name(),
                new Location(row.rack(), row.zone(), row.region()),
                row.hostId(),
                row.totalCapacity(),
                row.totalIops(),
                row.totalBandwidth(),
                portals.stream().map(p -> new Portal(p.ip(), p.port(), Transport.valueOf(p.transport()))).toList());
        return StorageNode.restore(new NodeId(row.id()), row.number(), declaration, NodeState.valueOf(row.state()),
                new Allocation(row.allocatedCapacity(), row.provisionedCapacity(), row.allocatedIops(),
                        row.allocatedBandwidth()),
                Instant.ofEpochMilli(row.registeredAt()), Instant.ofEpochMilli(row.updatedAt()));
    }
}
