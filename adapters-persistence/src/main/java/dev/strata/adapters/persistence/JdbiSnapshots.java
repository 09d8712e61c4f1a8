package dev.strata.adapters.persistence;

import dev.strata.application.port.out.Snapshots;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.Snapshot;
import dev.strata.domain.volume.SnapshotId;
import dev.strata.domain.volume.VolumeId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** {@link Snapshots} over the snapshot table and the table of the nodes that keep their copies. */
final class JdbiSnapshots implements Snapshots {

    private final JdbiTransactions transactions;

    JdbiSnapshots(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Snapshot snapshot) {
        SnapshotDao dao = transactions.writeHandle().dao(SnapshotDao.class);
        dao.insert(new SnapshotRow(snapshot.id().value(), snapshot.tenant().value(), snapshot.alias(),
                snapshot.volume().value(), snapshot.capacity(), snapshot.reservedSpacePercentage(),
                snapshot.createdAt().toEpochMilli()));
        List<NodeId> nodes = snapshot.nodes();
        dao.insertCopies(IntStream.range(0, nodes.size())
                .mapToObj(i -> new SnapshotCopyRow(snapshot.id().value(), nodes.get(i).value(), i)).toList());
    }

    @Override
    public void remove(SnapshotId id) {
        transactions.writeHandle().dao(SnapshotDao.class).delete(id.value());
    }

    @Override
    public Optional<Snapshot> find(SnapshotId id) {
        return transactions.withHandle(h -> complete(h, h.dao(SnapshotDao.class).find(id.value()).stream().toList())
                .stream().findFirst());
    }

    @Override
    public Optional<Snapshot> findByAlias(TenantId tenant, String alias) {
        return transactions.withHandle(h -> complete(h, h.dao(SnapshotDao.class)
                .findByAlias(tenant.value(), alias).stream().toList()).stream().findFirst());
    }

    @Override
    public List<Snapshot> ofVolume(VolumeId volume) {
        return transactions.withHandle(h -> complete(h, h.dao(SnapshotDao.class).ofVolume(volume.value())));
    }

    @Override
    public List<Snapshot> all(TenantId tenant) {
        return transactions.withHandle(h -> complete(h, h.dao(SnapshotDao.class).all(tenant.value())));
    }

    @Override
    public boolean anyOfVolume(VolumeId volume) {
        return transactions.withHandle(h -> h.dao(SnapshotDao.class).anyOfVolume(volume.value()));
    }

    @Override
    public boolean anyInTenant(TenantId tenant) {
        return transactions.withHandle(h -> h.dao(SnapshotDao.class).anyInTenant(tenant.value()));
    }

    @Override
    public boolean anyCopyOn(NodeId node) {
        return transactions.withHandle(h -> h.dao(SnapshotDao.class).anyCopyOn(node.value()));
    }

    private static List<Snapshot> complete(PooledHandle handle, List<SnapshotRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<SnapshotCopyRow>> copies = handle.dao(SnapshotDao.class)
                .copies(rows.stream().map(SnapshotRow::id).toList()).stream()
                .collect(Collectors.groupingBy(SnapshotCopyRow::snapshotId));
        return rows.stream().map(row -> new Snapshot(new SnapshotId(row.id()), new TenantId(row.tenantId()),
                row.alias(), new VolumeId(row.volumeId()), row.capacity(), row.reservedPct(),
                Instant.ofEpochMilli(row.createdAt()),
                copies.getOrDefault(row.id(), List.of()).stream().map(c -> new NodeId(c.nodeId())).toList()))
                .toList();
    }
}
