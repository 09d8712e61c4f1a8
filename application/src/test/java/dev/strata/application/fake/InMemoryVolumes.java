package dev.strata.application.fake;

import dev.strata.application.port.out.Volumes;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.Replica;
import dev.strata.domain.volume.ReplicaState;
import dev.strata.domain.volume.SnapshotId;
import dev.strata.domain.volume.Volume;
import dev.strata.domain.volume.VolumeId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Volumes in a map ordered by id. Stores and hands out copies, as a database would. */
public final class InMemoryVolumes implements Volumes, InMemoryTransactions.Participant {

    private final TreeMap<String, Volume> byId = new TreeMap<>();
    private InMemoryNodeAgents agents = new InMemoryNodeAgents();

    /** Bumps generations and retires replicas in {@code shared}, as the database does in its tables. */
    public InMemoryVolumes tracking(InMemoryNodeAgents shared) {
        this.agents = shared;
        return this;
    }

    @Override
    public synchronized void add(Volume volume) {
        if (byId.containsKey(volume.id().value())) {
            throw new IllegalStateException("volume " + volume.id() + " exists");
        }
        if (findByAlias(volume.tenant(), volume.alias()).isPresent()) {
            throw new IllegalStateException("alias " + volume.alias() + " is taken");
        }
        byId.put(volume.id().value(), volume.copy());
        agents.bump(volume.nodes());
    }

    @Override
    public synchronized void update(Volume volume) {
        Volume before = byId.replace(volume.id().value(), volume.copy());
        if (before == null) {
            throw new IllegalStateException("volume " + volume.id() + " does not exist");
        }
        java.util.Set<String> kept = new java.util.HashSet<>();
        volume.replicas().forEach(r -> kept.add(r.id().value()));
        java.util.Set<String> had = new java.util.HashSet<>();
        before.replicas().forEach(r -> had.add(r.id().value()));
        List<Replica> dropped = before.replicas().stream().filter(r -> !kept.contains(r.id().value())).toList();
        dropped.forEach(r -> agents.retire(r.node(), r.id()));
        if (before.capacity() != volume.capacity() || !had.equals(kept)) {
            java.util.Set<NodeId> touched = new java.util.HashSet<>(before.nodes());
            touched.addAll(volume.nodes());
            agents.bump(touched);
        }
    }

    @Override
    public synchronized void remove(VolumeId id) {
        Volume before = byId.remove(id.value());
        if (before != null) {
            before.replicas().forEach(r -> agents.retire(r.node(), r.id()));
            agents.bump(before.nodes());
        }
    }

    @Override
    public synchronized List<Volume> onNode(NodeId node) {
        return byId.values().stream().filter(v -> v.nodes().contains(node)).map(Volume::copy).toList();
    }

    @Override
    public synchronized Optional<Volume> find(VolumeId id) {
        return Optional.ofNullable(byId.get(id.value())).map(Volume::copy);
    }

    @Override
    public synchronized Optional<Volume> findByAlias(TenantId tenant, String alias) {
        return byId.values().stream().filter(v -> v.tenant().equals(tenant) && v.alias().equals(alias)).findFirst()
                .map(Volume::copy);
    }

    @Override
    public synchronized boolean anyWithIdOrAlias(Optional<VolumeId> id, TenantId tenant, String alias) {
        return id.map(v -> byId.containsKey(v.value())).orElse(false) || findByAlias(tenant, alias).isPresent();
    }

    @Override
    public synchronized List<Volume> page(TenantId tenant, Optional<VolumeId> after, int limit) {
        return after(tenant, after).limit(limit).toList();
    }

    @Override
    public synchronized Stream<Volume> stream(TenantId tenant, Optional<VolumeId> after) {
        return after(tenant, after).toList().stream();
    }

    private Stream<Volume> after(TenantId tenant, Optional<VolumeId> after) {
        var tail = after.isPresent() ? byId.tailMap(after.get().value(), false) : byId;
        return tail.values().stream().filter(v -> v.tenant().equals(tenant)).map(Volume::copy);
    }

    @Override
    public synchronized long count() {
        return byId.size();
    }

    @Override
    public synchronized Map<ReplicaState, Long> replicasByState() {
        return byId.values().stream().flatMap(v -> v.replicas().stream())
                .collect(Collectors.groupingBy(Replica::state, () -> new EnumMap<>(ReplicaState.class),
                        Collectors.counting()));
    }

    @Override
    public synchronized List<Volume> degraded(int limit) {
        return byId.values().stream().filter(InMemoryVolumes::isDegraded)
                .sorted(java.util.Comparator.comparing(v -> v.id().value())).limit(limit).map(Volume::copy).toList();
    }

    @Override
    public synchronized long degradedCount() {
        return byId.values().stream().filter(InMemoryVolumes::isDegraded).count();
    }

    private static boolean isDegraded(Volume volume) {
        return volume.replicas().stream().anyMatch(r -> r.state() != ReplicaState.AVAILABLE);
    }

    @Override
    public synchronized boolean anyInTenant(TenantId tenant) {
        return byId.values().stream().anyMatch(v -> v.tenant().equals(tenant));
    }

    @Override
    public synchronized boolean anyMadeFrom(SnapshotId snapshot) {
        return byId.values().stream().anyMatch(v -> v.origin().filter(snapshot::equals).isPresent());
    }

    @Override
    public synchronized boolean anyReplicaOn(NodeId node) {
        return byId.values().stream().anyMatch(v -> v.nodes().contains(node));
    }

    @Override
    public synchronized Object snapshot() {
        TreeMap<String, Volume> saved = new TreeMap<>();
        byId.forEach((id, volume) -> saved.put(id, volume.copy()));
        return saved;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        byId.clear();
        byId.putAll((TreeMap<String, Volume>) snapshot);
    }
}
