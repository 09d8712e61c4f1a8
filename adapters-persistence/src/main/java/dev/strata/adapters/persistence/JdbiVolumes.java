package dev.strata.adapters.persistence;

import dev.strata.application.port.out.Volumes;
import dev.strata.domain.node.LocationFilter;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.Provisioning;
import dev.strata.domain.volume.Replica;
import dev.strata.domain.volume.ReplicaId;
import dev.strata.domain.volume.ReplicaState;
import dev.strata.domain.volume.SnapshotId;
import dev.strata.domain.volume.StorageClass;
import dev.strata.domain.volume.Volume;
import dev.strata.domain.volume.VolumeId;
import dev.strata.domain.volume.VolumeSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** {@link Volumes} over the volume and replica tables. */
final class JdbiVolumes implements Volumes {

    /*
     * The statements of every create, bound by position: binding a record's accessors by name
     * through a SQL object cost more than running the statement (a quarter of a create, measured).
     */
    private static final String INSERT = "INSERT INTO volumes (" + VolumeDao.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Keeps a replica row's identity: later tables may point at replicas. */
    private static final String UPSERT_REPLICA = "INSERT INTO replicas (id, volume_id, node_id, position, state,"
            + " state_time) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET position = excluded.position,"
            + " state = excluded.state, state_time = excluded.state_time";
    /** A null id (the create names none) matches nothing. */
    private static final String ANY_WITH_ID_OR_ALIAS = "SELECT EXISTS (SELECT 1 FROM volumes WHERE id = ?)"
            + " OR EXISTS (SELECT 1 FROM volumes WHERE tenant_id = ? AND alias = ?)";

    private static void upsertReplicas(PooledHandle handle, List<ReplicaRow> rows) {
        var batch = handle.handle().prepareBatch(UPSERT_REPLICA);
        for (ReplicaRow row : rows) {
            batch.bind(0, row.id()).bind(1, row.volumeId()).bind(2, row.nodeId()).bind(3, row.position())
                    .bind(4, row.state()).bind(5, row.stateTime()).add();
        }
        batch.execute();
    }

    private final JdbiTransactions transactions;

    JdbiVolumes(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Volume volume) {
        PooledHandle handle = transactions.writeHandle();
        VolumeRow r = toRow(volume);
        handle.handle().createUpdate(INSERT).bind(0, r.id()).bind(1, r.tenantId())
                .bind(2, r.alias()).bind(3, r.capacity()).bind(4, r.provisioning()).bind(5, r.reservedPct())
                .bind(6, r.protocol()).bind(7, r.numReplicas()).bind(8, r.racks()).bind(9, r.zones())
                .bind(10, r.regions()).bind(11, r.sameRackAllowed()).bind(12, r.blockSize())
                .bind(13, r.maxIopsPerGb()).bind(14, r.desiredIopsPerGb()).bind(15, r.maxBwPerGb())
                .bind(16, r.desiredBwPerGb()).bind(17, r.maxReplicaDownTime()).bind(18, r.className())
                .bind(19, r.snapshotId()).bind(20, r.writable()).bind(21, r.createdAt()).execute();
        upsertReplicas(handle, replicaRows(volume));
        JdbiNodeAgents.bump(handle, nodeIds(volume));
    }

    @Override
    public void update(Volume volume) {
        PooledHandle handle = transactions.writeHandle();
        VolumeDao dao = handle.dao(VolumeDao.class);
        long capacityBefore = dao.capacity(volume.id().value()).orElse(-1L);
        if (dao.update(toRow(volume)) != 1) {
            throw new IllegalStateException("volume " + volume.id() + " does not exist");
        }
        Set<String> kept = new HashSet<>();
        volume.replicas().forEach(r -> kept.add(r.id().value()));
        Set<String> touched = new HashSet<>();
        Map<String, String> dropped = new java.util.LinkedHashMap<>();
        Set<String> had = new HashSet<>();
        for (VolumeDao.ReplicaNode stored : dao.replicaNodes(volume.id().value())) {
            had.add(stored.id());
            touched.add(stored.nodeId());
            if (!kept.contains(stored.id())) {
                dao.deleteReplica(stored.id());
                dropped.put(stored.id(), stored.nodeId());
            }
        }
        upsertReplicas(handle, replicaRows(volume));
        JdbiNodeAgents.retire(handle, dropped, Instant.now());
        if (capacityBefore != volume.capacity() || !had.equals(kept)) {
            touched.addAll(nodeIds(volume));
            JdbiNodeAgents.bump(handle, touched);
        }
    }

    @Override
    public void remove(VolumeId id) {
        PooledHandle handle = transactions.writeHandle();
        VolumeDao dao = handle.dao(VolumeDao.class);
        Map<String, String> replicas = new java.util.LinkedHashMap<>();
        dao.replicaNodes(id.value()).forEach(r -> replicas.put(r.id(), r.nodeId()));
        dao.delete(id.value());
        JdbiNodeAgents.retire(handle, replicas, Instant.now());
        JdbiNodeAgents.bump(handle, replicas.values());
    }

    @Override
    public List<Volume> onNode(NodeId node) {
        return transactions.withHandle(h -> VolumeQueries.list(VolumeQueries.onNode(h, node.value()))).stream()
                .map(JdbiVolumes::toVolume).toList();
    }

    private static List<String> nodeIds(Volume volume) {
        return volume.replicas().stream().map(r -> r.node().value()).toList();
    }

    @Override
    public Optional<Volume> find(VolumeId id) {
        return transactions.withHandle(h -> first(VolumeQueries.list(VolumeQueries.byId(h, id.value()))));
    }

    @Override
    public Optional<Volume> findByAlias(TenantId tenant, String alias) {
        return transactions.withHandle(h -> first(VolumeQueries.list(VolumeQueries.byAlias(h, tenant.value(), alias))));
    }

    @Override
    public boolean anyWithIdOrAlias(Optional<VolumeId> id, TenantId tenant, String alias) {
        return transactions.withHandle(h -> h.handle().createQuery(ANY_WITH_ID_OR_ALIAS)
                .bind(0, id.map(VolumeId::value).orElse(null)).bind(1, tenant.value()).bind(2, alias)
                .mapTo(Boolean.class).one());
    }

    @Override
    public List<Volume> page(TenantId tenant, Optional<VolumeId> after, int limit) {
        return transactions.withHandle(h -> VolumeQueries.list(VolumeQueries.page(h, tenant.value(),
                after.map(VolumeId::value).orElse(""), limit)).stream().map(JdbiVolumes::toVolume).toList());
    }

    @Override
    public Stream<Volume> stream(TenantId tenant, Optional<VolumeId> after) {
        return transactions.stream(h -> VolumeQueries.stream(VolumeQueries.all(h, tenant.value(),
                after.map(VolumeId::value).orElse(""))).map(JdbiVolumes::toVolume));
    }

    @Override
    public long count() {
        return transactions.withHandle(h -> h.dao(VolumeDao.class).count());
    }

    @Override
    public Map<ReplicaState, Long> replicasByState() {
        return transactions.withHandle(h -> {
            Map<ReplicaState, Long> counts = new EnumMap<>(ReplicaState.class);
            h.dao(VolumeDao.class).replicaCounts()
                    .forEach(row -> counts.put(ReplicaState.valueOf(row.state()), row.count()));
            return counts;
        });
    }

    @Override
    public List<Volume> degraded(int limit) {
        return transactions.withHandle(h -> VolumeQueries.list(VolumeQueries.degraded(h, limit)).stream()
                .map(JdbiVolumes::toVolume).toList());
    }

    @Override
    public long degradedCount() {
        return transactions.withHandle(h -> h.dao(VolumeDao.class).degradedCount());
    }

    @Override
    public boolean anyInTenant(TenantId tenant) {
        return transactions.withHandle(h -> h.dao(VolumeDao.class).anyInTenant(tenant.value()));
    }

    @Override
    public boolean anyMadeFrom(SnapshotId snapshot) {
        return transactions.withHandle(h -> h.dao(VolumeDao.class).anyMadeFrom(snapshot.value()));
    }

    @Override
    public boolean anyReplicaOn(NodeId node) {
        return transactions.withHandle(h -> h.dao(VolumeDao.class).anyReplicaOn(node.value()));
    }

    private static Optional<Volume> first(List<VolumeQueries.Stored> stored) {
        return stored.stream().findFirst().map(JdbiVolumes::toVolume);
    }

    private static VolumeRow toRow(Volume volume) {
        VolumeSpec spec = volume.spec();
        StorageClass storageClass = spec.storageClass();
        LocationFilter filter = storageClass.filter();
        return new VolumeRow(volume.id().value(), volume.tenant().value(), spec.alias(), spec.capacity(),
                spec.provisioning().name(), spec.reservedSpacePercentage(), spec.protocol(), storageClass.numReplicas(),
                labels(filter.racks()), labels(filter.zones()), labels(filter.regions()),
                storageClass.sameRackAllowed(), storageClass.blockSize(), storageClass.maxIopsPerGb(),
                storageClass.desiredIopsPerGb(), storageClass.maxBwPerGb(), storageClass.desiredBwPerGb(),
                storageClass.maxReplicaDownTime(), storageClass.name(),
                volume.origin().map(SnapshotId::value).orElse(null), volume.writable(),
                volume.createdAt().toEpochMilli());
    }

    private static List<ReplicaRow> replicaRows(Volume volume) {
        List<Replica> replicas = volume.replicas();
        return IntStream.range(0, replicas.size()).mapToObj(i -> {
            Replica r = replicas.get(i);
            return new ReplicaRow(r.id().value(), volume.id().value(), r.node().value(), i, r.state().name(),
                    r.stateTime().toEpochMilli());
        }).toList();
    }

    private static Volume toVolume(VolumeQueries.Stored stored) {
        VolumeRow row = stored.volume();
        StorageClass storageClass = new StorageClass(row.numReplicas(),
                new LocationFilter(labels(row.racks()), labels(row.zones()), labels(row.regions())),
                row.sameRackAllowed(), row.blockSize(), row.maxIopsPerGb(), row.desiredIopsPerGb(), row.maxBwPerGb(),
                row.desiredBwPerGb(), row.maxReplicaDownTime(), row.className());
        VolumeSpec spec = new VolumeSpec(row.alias(), row.capacity(), Provisioning.valueOf(row.provisioning()),
                row.reservedPct(), row.protocol(), storageClass);
        List<Replica> replicas = new ArrayList<>(stored.replicas().size());
        for (ReplicaRow r : stored.replicas()) {
            replicas.add(new Replica(new ReplicaId(r.id()), new NodeId(r.nodeId()), ReplicaState.valueOf(r.state()),
                    Instant.ofEpochMilli(r.stateTime())));
        }
        return Volume.restore(new VolumeId(row.id()), new TenantId(row.tenantId()), spec,
                Optional.ofNullable(row.snapshotId()).map(SnapshotId::new), row.writable(),
                Instant.ofEpochMilli(row.createdAt()), replicas);
    }

    /** Each label followed by a newline, so an empty list and a list of one empty label differ. */
    static String labels(List<String> labels) {
        StringBuilder out = new StringBuilder();
        labels.forEach(label -> out.append(label).append('\n'));
        return out.toString();
    }

    static List<String> labels(String stored) {
        if (stored.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(stored.substring(0, stored.length() - 1).split("\n", -1));
    }
}
