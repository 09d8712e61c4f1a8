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
import dev.strata.domain.placement.PlacementPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * {@link Nodes} over three tables: the node, its management addresses, its portals.
 *
 * <p>Placement reads every node for every new volume, inside the write transaction, so that read is
 * the hot path. Two things keep it off the disk:
 * <ul>
 *   <li>A node's addresses and portals never change after registration; they are kept in memory by
 *       node id.</li>
 *   <li>Inside a write transaction, the node rows come from a copy of the committed rows kept in
 *       memory, which the transaction's own changes update, and which becomes the committed copy
 *       when the transaction commits (a rolled back one leaves no trace). Every change to a node row
 *       goes through this class; should another connection (another process) commit, the
 *       database's change number ({@link Connections#changesSeenBy}, SQLite's {@code data_version})
 *       changes and the copy is read again. A database without one (PostgreSQL, whose writes run
 *       side by side) reads the rows in every write transaction.</li>
 * </ul>
 * Reads outside a write transaction always ask the database.
 */
final class JdbiNodes implements Nodes {

    private static final String COLUMNS = NodeDao.COLUMNS;
    private static final String UPDATE = "UPDATE nodes SET rack = ?, zone = ?, region = ?, state = ?, total_capacity = ?,"
            + " allocated_capacity = ?, provisioned_capacity = ?, allocated_iops = ?, allocated_bandwidth = ?,"
            + " updated_at = ? WHERE id = ?";

    /** Reads {@link NodeDao#COLUMNS} by position. */
    private static final RowMapper<NodeRow> ROWS = (rs, ctx) -> new NodeRow(rs.getString(1), rs.getInt(2),
            rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
            rs.getString(9), rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14),
            rs.getLong(15), rs.getLong(16), rs.getLong(17), rs.getLong(18));

    private final JdbiTransactions transactions;
    /** What each node declared, by node id; only its location can differ from the node's row. */
    private final Map<String, NodeDeclaration> declared = new ConcurrentHashMap<>();
    /** The committed node rows, and the writer's data_version they are of. */
    private Snapshot committed;
    private long committedVersion = -1;

    /**
     * Node rows by id, in number order, never changed once made; and, made on first use, the
     * nodes of those rows least used first ({@link PlacementPolicy#LEAST_USED_FIRST}), which every
     * unit of work that places a volume before the next commit shares.
     */
    private static final class Snapshot {
        final Map<String, NodeRow> byId;
        final List<NodeRow> inOrder;
        private List<StorageNode> leastUsed;
        /**
         * The snapshot this one was committed over, when its order was known, and the rows that
         * commit changed: the order then comes from that one's with a few nodes moved, not from a
         * sort of all of them (among 10,000 nodes, 2 ms a commit). Dropped once used.
         */
        private Snapshot parent;
        private Map<String, NodeRow> changedOverParent;

        Snapshot(Map<String, NodeRow> byId) {
            this.byId = byId;
            this.inOrder = List.copyOf(byId.values());
        }

        Snapshot(Map<String, NodeRow> byId, Snapshot parent, Map<String, NodeRow> changed) {
            this(byId);
            if (parent.knowsItsOrder()) {
                this.parent = parent;
                this.changedOverParent = new HashMap<>(changed);
            }
        }

        synchronized boolean knowsItsOrder() {
            return leastUsed != null;
        }

        synchronized List<StorageNode> leastUsed(Function<List<NodeRow>, List<StorageNode>> nodesOf) {
            if (leastUsed == null) {
                if (parent != null) {
                    List<StorageNode> merged = new ArrayList<>(inOrder.size());
                    new MergedOrder(parent.leastUsed(nodesOf), gone(),
                            leastUsedOf(changedOverParent.values(), nodesOf), false).forEachRemaining(merged::add);
                    leastUsed = merged;
                } else {
                    leastUsed = leastUsedOf(inOrder, nodesOf);
                }
                parent = null;
                changedOverParent = null;
            }
            return leastUsed;
        }

        /** The ids whose place in the parent's order no longer holds: changed, or removed. */
        private Set<String> gone() {
            Set<String> gone = new HashSet<>(changedOverParent.keySet());
            for (String id : parent.byId.keySet()) {
                if (!byId.containsKey(id)) {
                    gone.add(id);
                }
            }
            return gone;
        }
    }

    /** The nodes of those rows that are there (a removed row is null), least used first. */
    private static List<StorageNode> leastUsedOf(Collection<NodeRow> rows,
                                                 Function<List<NodeRow>, List<StorageNode>> nodesOf) {
        List<StorageNode> nodes = new ArrayList<>(nodesOf.apply(rows.stream().filter(Objects::nonNull).toList()));
        nodes.sort(PlacementPolicy.LEAST_USED_FIRST);
        return nodes;
    }

    /**
     * The node rows as the running unit of work sees them: a map of rows that is never changed once
     * made ({@code base}, shared with the committed copy and the other units of a batch) and this
     * unit's changes over it (a removed row maps to null). A unit so costs its own changes, not a
     * copy of every node, and the data_version the rows started from.
     */
    private static final class Rows {
        final Snapshot snapshot;
        final Map<String, NodeRow> base;
        final Map<String, NodeRow> changed;
        final long version;

        Rows(Snapshot snapshot, Map<String, NodeRow> changed, long version) {
            this.snapshot = snapshot;
            this.base = snapshot.byId;
            this.changed = changed;
            this.version = version;
        }

        NodeRow get(String id) {
            return changed.containsKey(id) ? changed.get(id) : base.get(id);
        }

        void put(NodeRow row) {
            changed.put(row.id(), row);
        }

        void remove(String id) {
            changed.put(id, null);
        }

        /** Every row, in number order. */
        List<NodeRow> values() {
            if (changed.isEmpty()) {
                return snapshot.inOrder;
            }
            List<NodeRow> all = new ArrayList<>(base.size() + changed.size());
            for (NodeRow row : base.values()) {
                NodeRow now = changed.containsKey(row.id()) ? changed.get(row.id()) : row;
                if (now != null) {
                    all.add(now);
                }
            }
            List<NodeRow> added = new ArrayList<>();
            changed.forEach((id, row) -> {
                if (row != null && !base.containsKey(id)) {
                    added.add(row);
                }
            });
            added.sort(java.util.Comparator.comparingInt(NodeRow::number));
            all.addAll(added);
            return all;
        }

        /** The rows with the changes applied, as a new snapshot; the base itself when nothing changed. */
        Snapshot merged() {
            if (changed.isEmpty()) {
                return snapshot;
            }
            Map<String, NodeRow> merged = new LinkedHashMap<>();
            for (NodeRow row : values()) {
                merged.put(row.id(), row);
            }
            return new Snapshot(merged, snapshot, changed);
        }
    }

    /** Empty outside a write transaction. */
    private Optional<Rows> rows() {
        return transactions.inWrite(this, this::rowsForWrite, this::publish);
    }

    /**
     * What the units before this one in the same commit left, or else the committed rows, read
     * again when another connection has committed since. What is read inside the transaction
     * becomes the committed copy only once the transaction commits.
     */
    private Rows rowsForWrite(Optional<Rows> before) {
        if (before.isPresent()) {
            Rows left = before.get();
            return new Rows(left.snapshot, new HashMap<>(left.changed), left.version);
        }
        PooledHandle handle = transactions.writeHandle();
        OptionalLong version = transactions.changesSeenBy(handle);
        synchronized (this) {
            if (committed != null && version.isPresent() && version.getAsLong() == committedVersion) {
                return new Rows(committed, new HashMap<>(), committedVersion);
            }
        }
        Map<String, NodeRow> read = new LinkedHashMap<>();
        handle.handle().createQuery("SELECT " + COLUMNS + " FROM nodes ORDER BY number").map(ROWS)
                .forEach(row -> read.put(row.id(), row));
        return new Rows(new Snapshot(read), new HashMap<>(), version.orElse(-1));
    }

    private synchronized void publish(Rows rows) {
        committed = rows.merged();
        committedVersion = rows.version;
    }

    JdbiNodes(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(StorageNode node) {
        NodeDao dao = transactions.writeHandle().dao(NodeDao.class);
        NodeRow row = toRow(node);
        dao.insert(row);
        List<String> ips = node.mgmtIps();
        dao.insertAddresses(IntStream.range(0, ips.size())
                .mapToObj(i -> new NodeAddressRow(node.id().value(), i, ips.get(i))).toList());
        List<Portal> portals = node.portals();
        dao.insertPortals(IntStream.range(0, portals.size())
                .mapToObj(i -> new NodePortalRow(node.id().value(), i, portals.get(i).ip(), portals.get(i).port(),
                        portals.get(i).transport().name())).toList());
        dao.recordNumber(node.number());
        transactions.writeHandle().dao(NodeAgentDao.class).start(node.id().value());
        declared.put(row.id(), node.declaration());
        rows().ifPresent(rows -> rows.put(row));
    }

    @Override
    public void update(StorageNode node) {
        NodeRow row = toRow(node);
        NodeRow before = rows().map(rows -> rows.get(row.id())).orElse(null);
        if (transactions.writeHandle().handle().createUpdate(UPDATE).bind(0, row.rack()).bind(1, row.zone())
                .bind(2, row.region()).bind(3, row.state()).bind(4, row.totalCapacity())
                .bind(5, row.allocatedCapacity()).bind(6, row.provisionedCapacity()).bind(7, row.allocatedIops())
                .bind(8, row.allocatedBandwidth()).bind(9, row.updatedAt()).bind(10, row.id()).execute() != 1) {
            throw new IllegalStateException("node " + node.id() + " does not exist");
        }
        rows().ifPresent(rows -> rows.put(row));
        if (before == null || !before.state().equals(row.state()) || !before.rack().equals(row.rack())
                || !before.zone().equals(row.zone()) || !before.region().equals(row.region())) {
            JdbiNodeAgents.bump(transactions.writeHandle(), List.of(row.id()));
        }
    }

    @Override
    public void remove(NodeId id) {
        transactions.writeHandle().dao(NodeDao.class).delete(id.value());
        rows().ifPresent(rows -> rows.remove(id.value()));
    }

    @Override
    public Optional<StorageNode> find(NodeId id) {
        Optional<Rows> inWrite = rows();
        if (inWrite.isPresent()) {
            NodeRow row = inWrite.get().get(id.value());
            return row == null ? Optional.empty() : Optional.of(transactions.withHandle(h -> complete(h, row)));
        }
        return transactions.withHandle(h -> h.handle().createQuery("SELECT " + COLUMNS + " FROM nodes WHERE id = :id")
                .bind("id", id.value()).map(ROWS).findOne().map(row -> complete(h, row)));
    }

    @Override
    public Optional<StorageNode> findByNumber(int number) {
        return transactions.withHandle(h -> h.dao(NodeDao.class).findByNumber(number).map(row -> complete(h, row)));
    }

    @Override
    public Optional<StorageNode> findByMgmtIp(String canonicalIp) {
        return transactions.withHandle(h -> {
            NodeDao dao = h.dao(NodeDao.class);
            return dao.findIdByMgmtIp(canonicalIp).flatMap(dao::find).map(row -> complete(h, row));
        });
    }

    @Override
    public List<StorageNode> all() {
        Optional<Rows> inWrite = rows();
        return transactions.withHandle(h -> {
            List<NodeRow> rows = inWrite.isPresent() ? inWrite.get().values()
                    : h.handle().createQuery("SELECT " + COLUMNS + " FROM nodes ORDER BY number").map(ROWS).list();
            List<StorageNode> nodes = new ArrayList<>(rows.size());
            for (StorageNode listed : listed(h, rows)) {
                nodes.add(copy(listed));
            }
            return nodes;
        });
    }

    /**
     * Inside a write, the nodes least used first without listing them all: the committed ones come
     * sorted once per commit, and this unit's changes (and those of the units before it in the
     * batch, a few nodes) are merged into them as the caller reads on. Placement reads only as far
     * as it needs, so a create costs the same among 3 nodes as among 10,000.
     */
    @Override
    public Iterable<StorageNode> leastUsedFirst() {
        Optional<Rows> inWrite = rows();
        if (inWrite.isEmpty()) {
            return Nodes.super.leastUsedFirst();
        }
        Rows rows = inWrite.get();
        return transactions.withHandle(h -> {
            Function<List<NodeRow>, List<StorageNode>> nodesOf = some -> listed(h, some);
            List<StorageNode> committedOrder = rows.snapshot.leastUsed(nodesOf);
            List<StorageNode> changed = leastUsedOf(rows.changed.values(), nodesOf);
            Set<String> replaced = Set.copyOf(rows.changed.keySet());
            return () -> new MergedOrder(committedOrder, replaced, changed, true);
        });
    }

    /**
     * Two lists least used first, merged lazily, the first without the nodes the second replaces
     * (or that are gone); each node handed out as a copy, or as it is.
     */
    private static final class MergedOrder implements Iterator<StorageNode> {
        private final List<StorageNode> committed;
        private final Set<String> replaced;
        private final List<StorageNode> changed;
        private final boolean copies;
        private int inCommitted;
        private int inChanged;

        MergedOrder(List<StorageNode> committed, Set<String> replaced, List<StorageNode> changed, boolean copies) {
            this.committed = committed;
            this.replaced = replaced;
            this.changed = changed;
            this.copies = copies;
            skipReplaced();
        }

        private void skipReplaced() {
            while (inCommitted < committed.size() && replaced.contains(committed.get(inCommitted).id().value())) {
                inCommitted++;
            }
        }

        @Override
        public boolean hasNext() {
            return inCommitted < committed.size() || inChanged < changed.size();
        }

        @Override
        public StorageNode next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            StorageNode next;
            if (inChanged == changed.size() || inCommitted < committed.size()
                    && PlacementPolicy.LEAST_USED_FIRST.compare(committed.get(inCommitted), changed.get(inChanged)) < 0) {
                next = committed.get(inCommitted++);
                skipReplaced();
            } else {
                next = changed.get(inChanged++);
            }
            return copies ? copy(next) : next;
        }
    }

    /** The nodes of {@code rows}, in their order, as listed (never to be changed: hand out copies). */
    private List<StorageNode> listed(PooledHandle h, List<NodeRow> rows) {
        List<NodeRow> unlisted = new ArrayList<>();
        for (NodeRow row : rows) {
            if (listedAs(row) == null) {
                unlisted.add(row);
            }
        }
        List<NodeRow> unknown = unlisted.stream().filter(row -> known(row) == null).toList();
        if (!unknown.isEmpty()) {
            NodeDao dao = h.dao(NodeDao.class);
            List<String> ids = unknown.stream().map(NodeRow::id).toList();
            boolean most = ids.size() * 2 > rows.size();
            Map<String, List<NodeAddressRow>> addresses = (most ? dao.allAddresses() : dao.addresses(ids))
                    .stream().collect(Collectors.groupingBy(NodeAddressRow::nodeId));
            Map<String, List<NodePortalRow>> portals = (most ? dao.allPortals() : dao.portals(ids)).stream()
                    .collect(Collectors.groupingBy(NodePortalRow::nodeId));
            for (NodeRow row : unknown) {
                declared.put(row.id(), declaration(row, addresses.getOrDefault(row.id(), List.of()),
                        portals.getOrDefault(row.id(), List.of())));
            }
        }
        Map<String, StorageNode> fresh = new HashMap<>();
        for (NodeRow row : unlisted) {
            StorageNode node = toNode(row, declared(row, known(row)));
            fresh.put(row.id(), node);
            memo.put(row.id(), new Memo(row, node));
        }
        List<StorageNode> nodes = new ArrayList<>(rows.size());
        for (NodeRow row : rows) {
            StorageNode listed = listedAs(row);
            nodes.add(listed != null ? listed : fresh.get(row.id()));
        }
        return nodes;
    }

    @Override
    public int nextNumber() {
        return transactions.withHandle(h -> h.dao(NodeDao.class).lastNumber().orElse(0) + 1);
    }

    private StorageNode complete(PooledHandle handle, NodeRow row) {
        NodeDeclaration known = known(row);
        if (known == null) {
            NodeDao dao = handle.dao(NodeDao.class);
            known = declaration(row, dao.addresses(List.of(row.id())), dao.portals(List.of(row.id())));
            declared.put(row.id(), known);
        }
        return toNode(row, declared(row, known));
    }

    /**
     * A row as last listed, and the node made of it, never handed out: a row listed again as it
     * was (the same object) is a copy of that node, with no checks and nothing parsed. Placement
     * lists every node for every new volume, so this is the cost of a create that grows with the
     * cluster.
     */
    private record Memo(NodeRow row, StorageNode node) {
    }

    private final Map<String, Memo> memo = new ConcurrentHashMap<>();

    /** The node listed from this very row before, or null. */
    private StorageNode listedAs(NodeRow row) {
        Memo listed = memo.get(row.id());
        return listed != null && listed.row() == row ? listed.node() : null;
    }

    /** A node of its own for the caller, who may change it: the memo's stays as listed. */
    private static StorageNode copy(StorageNode node) {
        return StorageNode.restore(node.id(), node.number(), node.declaration(), node.state(), node.allocated(),
                node.registeredAt(), node.updatedAt());
    }

    /** What the node declared, if remembered and still what its row says (location aside). */
    private NodeDeclaration known(NodeRow row) {
        NodeDeclaration known = declared.get(row.id());
        if (known == null || known.totalCapacity() != row.totalCapacity() || known.totalIops() != row.totalIops()
                || known.totalBandwidth() != row.totalBandwidth() || known.mgmtPort() != row.mgmtPort()
                || !known.name().equals(row.name()) || !known.hostId().equals(row.hostId())) {
            return null;
        }
        return known;
    }

    /** The remembered declaration with the row's location. */
    private NodeDeclaration declared(NodeRow row, NodeDeclaration known) {
        Location location = new Location(row.rack(), row.zone(), row.region());
        if (known.location().equals(location)) {
            return known;
        }
        NodeDeclaration moved = known.withLocation(location);
        declared.put(row.id(), moved);
        return moved;
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

    private static NodeDeclaration declaration(NodeRow row, List<NodeAddressRow> addresses,
                                               List<NodePortalRow> portals) {
        return new NodeDeclaration(
                addresses.stream().map(NodeAddressRow::ip).toList(),
                row.mgmtPort(),
                row.name(),
                new Location(row.rack(), row.zone(), row.region()),
                row.hostId(),
                row.totalCapacity(),
                row.totalIops(),
                row.totalBandwidth(),
                portals.stream().map(p -> new Portal(p.ip(), p.port(), Transport.valueOf(p.transport()))).toList());
    }

    private static StorageNode toNode(NodeRow row, NodeDeclaration declaration) {
        return StorageNode.restore(new NodeId(row.id()), row.number(), declaration, NodeState.valueOf(row.state()),
                new Allocation(row.allocatedCapacity(), row.provisionedCapacity(), row.allocatedIops(),
                        row.allocatedBandwidth()),
                Instant.ofEpochMilli(row.registeredAt()), Instant.ofEpochMilli(row.updatedAt()));
    }
}
