package dev.strata.application.fake;

import dev.strata.application.port.out.Snapshots;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.Snapshot;
import dev.strata.domain.volume.SnapshotId;
import dev.strata.domain.volume.VolumeId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Snapshots in a map ordered by id. Snapshots are immutable, so sharing them is safe. */
public final class InMemorySnapshots implements Snapshots, InMemoryTransactions.Participant {

    private final TreeMap<String, Snapshot> byId = new TreeMap<>();

    @Override
    public synchronized void add(Snapshot snapshot) {
        if (byId.putIfAbsent(snapshot.id().value(), snapshot) != null) {
            throw new IllegalStateException("snapshot " + snapshot.id() + " exists");
        }
    }

    @Override
    public synchronized void remove(SnapshotId id) {
        byId.remove(id.value());
    }

    @Override
    public synchronized Optional<Snapshot> find(SnapshotId id) {
        return Optional.ofNullable(byId.get(id.value()));
    }

    @Override
    public synchronized Optional<Snapshot> findByAlias(TenantId tenant, String alias) {
        return byId.values().stream().filter(s -> s.tenant().equals(tenant) && s.alias().equals(alias)).findFirst();
    }

    @Override
    public synchronized List<Snapshot> ofVolume(VolumeId volume) {
        return byId.values().stream().filter(s -> s.volume().equals(volume))
                .sorted(Comparator.comparing(Snapshot::createdAt).thenComparing(s -> s.id().value())).toList();
    }

    @Override
    public synchronized List<Snapshot> all(TenantId tenant) {
        return byId.values().stream().filter(s -> s.tenant().equals(tenant)).toList();
    }

    @Override
    public synchronized boolean anyOfVolume(VolumeId volume) {
        return byId.values().stream().anyMatch(s -> s.volume().equals(volume));
    }

    @Override
    public synchronized boolean anyInTenant(TenantId tenant) {
        return byId.values().stream().anyMatch(s -> s.tenant().equals(tenant));
    }

    @Override
    public synchronized boolean anyCopyOn(NodeId node) {
        return byId.values().stream().anyMatch(s -> s.nodes().contains(node));
    }

    @Override
    public synchronized Object snapshot() {
        return new TreeMap<>(byId);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        byId.clear();
        byId.putAll((TreeMap<String, Snapshot>) snapshot);
    }
}
