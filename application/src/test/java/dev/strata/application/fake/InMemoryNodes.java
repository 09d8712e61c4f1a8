package dev.strata.application.fake;

import dev.strata.application.port.out.Nodes;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.StorageNode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Nodes in a map. Stores and hands out copies, as a database would. */
public final class InMemoryNodes implements Nodes, InMemoryTransactions.Participant {

    private final Map<NodeId, StorageNode> byId = new LinkedHashMap<>();
    private int highestNumber;
    private InMemoryNodeAgents agents = new InMemoryNodeAgents();

    /** Starts and bumps generations in {@code shared}, as the database does in its tables. */
    public InMemoryNodes tracking(InMemoryNodeAgents shared) {
        this.agents = shared;
        return this;
    }

    @Override
    public synchronized void add(StorageNode node) {
        if (byId.containsKey(node.id())) {
            throw new IllegalStateException("node " + node.id() + " exists");
        }
        byId.put(node.id(), copy(node));
        highestNumber = Math.max(highestNumber, node.number());
        agents.start(node.id());
    }

    @Override
    public synchronized void update(StorageNode node) {
        if (!byId.containsKey(node.id())) {
            throw new IllegalStateException("node " + node.id() + " does not exist");
        }
        StorageNode before = byId.put(node.id(), copy(node));
        if (before.state() != node.state() || !before.location().equals(node.location())) {
            agents.bump(List.of(node.id()));
        }
    }

    @Override
    public synchronized void remove(NodeId id) {
        byId.remove(id);
        agents.forget(id);
    }

    @Override
    public synchronized Optional<StorageNode> find(NodeId id) {
        return Optional.ofNullable(byId.get(id)).map(InMemoryNodes::copy);
    }

    @Override
    public synchronized Optional<StorageNode> findByNumber(int number) {
        return byId.values().stream().filter(n -> n.number() == number).findFirst().map(InMemoryNodes::copy);
    }

    @Override
    public synchronized Optional<StorageNode> findByMgmtIp(String canonicalIp) {
        return byId.values().stream().filter(n -> n.mgmtIps().contains(canonicalIp)).findFirst()
                .map(InMemoryNodes::copy);
    }

    @Override
    public synchronized List<StorageNode> all() {
        return byId.values().stream().sorted(Comparator.comparingInt(StorageNode::number))
                .map(InMemoryNodes::copy).toList();
    }

    @Override
    public synchronized int nextNumber() {
        return highestNumber + 1;
    }

    @Override
    public synchronized Object snapshot() {
        return new Saved(new LinkedHashMap<>(byId), highestNumber);
    }

    @Override
    public synchronized void restore(Object snapshot) {
        Saved saved = (Saved) snapshot;
        byId.clear();
        byId.putAll(saved.byId());
        highestNumber = saved.highestNumber();
    }

    private record Saved(Map<NodeId, StorageNode> byId, int highestNumber) {
    }

    private static StorageNode copy(StorageNode n) {
        return StorageNode.restore(n.id(), n.number(), n.declaration(), n.state(), n.allocated(),
                n.registeredAt(), n.updatedAt());
    }
}
