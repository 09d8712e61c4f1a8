package dev.strata.adapters.persistence;

import dev.strata.adapters.persistence.PublicationRows.NamespaceRow;
import dev.strata.adapters.persistence.PublicationRows.PublicationRow;
import dev.strata.adapters.persistence.PublicationRows.TargetRow;
import dev.strata.application.port.out.Publications;
import dev.strata.domain.host.HostId;
import dev.strata.domain.host.Namespace;
import dev.strata.domain.host.Publication;
import dev.strata.domain.host.Target;
import dev.strata.domain.host.TargetName;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.ReplicaId;
import dev.strata.domain.volume.VolumeId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@link Publications} over the publication, target and namespace tables. */
final class JdbiPublications implements Publications {

    private final JdbiTransactions transactions;

    JdbiPublications(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean isPublished(VolumeId volume) {
        return transactions.withHandle(h -> h.dao(PublicationDao.class).isPublished(volume.value()));
    }

    @Override
    public List<Publication> ofVolume(VolumeId volume) {
        return transactions.withHandle(h -> h.dao(PublicationDao.class).ofVolume(volume.value())).stream()
                .map(row -> new Publication(new VolumeId(row.volumeId()), new HostId(row.hostId()), row.exclusive(),
                        Instant.ofEpochMilli(row.publishedAt()))).toList();
    }

    @Override
    public boolean anyOfHost(HostId host) {
        return transactions.withHandle(h -> h.dao(PublicationDao.class).anyOfHost(host.value()));
    }

    @Override
    public void add(Publication publication) {
        transactions.writeHandle().dao(PublicationDao.class).insert(new PublicationRow(publication.volume().value(),
                publication.host().value(), publication.exclusive(), publication.publishedAt().toEpochMilli()));
    }

    @Override
    public void remove(VolumeId volume, HostId host) {
        transactions.writeHandle().dao(PublicationDao.class).delete(volume.value(), host.value());
    }

    @Override
    public Optional<Target> target(HostId host, NodeId node) {
        return transactions.read(() -> transactions.withHandle(h -> {
            PublicationDao dao = h.dao(PublicationDao.class);
            return dao.target(host.value(), node.value())
                    .map(row -> toTarget(row, dao.namespaces(host.value(), node.value())));
        }));
    }

    /**
     * Writes what changed: the target row when new, then the namespaces gone and the namespaces
     * added; an empty target's row goes after its namespaces.
     */
    @Override
    public void save(Target target) {
        PublicationDao dao = transactions.writeHandle().dao(PublicationDao.class);
        String host = target.host().value();
        String node = target.node().value();
        JdbiNodeAgents.bump(transactions.writeHandle(), List.of(node));
        if (target.isEmpty()) {
            dao.deleteAllNamespaces(host, node);
            dao.deleteTarget(host, node);
            return;
        }
        dao.insertTarget(new TargetRow(host, node, target.name().value(), target.createdAt().toEpochMilli()));
        Map<Integer, NamespaceRow> stored = new HashMap<>();
        dao.namespaces(host, node).forEach(row -> stored.put(row.nsid(), row));
        List<NamespaceRow> added = new ArrayList<>();
        for (Namespace namespace : target.namespaces()) {
            NamespaceRow row = new NamespaceRow(host, node, namespace.nsid(), namespace.replica().value(),
                    namespace.volume().value(), namespace.tenant().value());
            NamespaceRow before = stored.remove(namespace.nsid());
            if (before == null || !before.replicaId().equals(row.replicaId())) {
                if (before != null) {
                    stored.put(before.nsid(), before);
                }
                added.add(row);
            }
        }
        if (!stored.isEmpty()) {
            dao.deleteNamespaces(List.copyOf(stored.values()));
        }
        if (!added.isEmpty()) {
            dao.insertNamespaces(added);
        }
    }

    @Override
    public List<Target> targets(Optional<HostId> host, Optional<VolumeId> volume) {
        return transactions.read(() -> transactions.withHandle(h -> {
            PublicationDao dao = h.dao(PublicationDao.class);
            if (host.isPresent() && volume.isPresent()) {
                return assemble(dao.targetsOfHostAndVolume(host.get().value(), volume.get().value()),
                        dao.namespacesOfHostAndVolume(host.get().value(), volume.get().value()));
            }
            if (host.isPresent()) {
                return assemble(dao.targetsOfHost(host.get().value()), dao.namespacesOfHost(host.get().value()));
            }
            if (volume.isPresent()) {
                return assemble(dao.targetsOfVolume(volume.get().value()),
                        dao.namespacesOfVolume(volume.get().value()));
            }
            return assemble(dao.allTargets(), dao.allNamespaces());
        }));
    }

    @Override
    public List<Target> targetsOn(NodeId node) {
        return transactions.read(() -> transactions.withHandle(h -> {
            PublicationDao dao = h.dao(PublicationDao.class);
            return assemble(dao.targetsOn(node.value()), dao.namespacesOn(node.value()));
        }));
    }

    @Override
    public boolean anyTargetOn(NodeId node) {
        return transactions.withHandle(h -> h.dao(PublicationDao.class).anyTargetOn(node.value()));
    }

    private static List<Target> assemble(List<TargetRow> targets, List<NamespaceRow> namespaces) {
        Map<String, List<NamespaceRow>> byTarget = namespaces.stream()
                .collect(Collectors.groupingBy(row -> row.hostId() + "\n" + row.nodeId()));
        return targets.stream().map(row -> toTarget(row, byTarget.getOrDefault(row.hostId() + "\n" + row.nodeId(),
                List.of()))).toList();
    }

    private static Target toTarget(TargetRow row, List<NamespaceRow> namespaces) {
        return Target.restore(new HostId(row.hostId()), new NodeId(row.nodeId()), new TargetName(row.name()),
                Instant.ofEpochMilli(row.createdAt()),
                namespaces.stream().map(n -> new Namespace(n.nsid(), new ReplicaId(n.replicaId()),
                        new VolumeId(n.volumeId()), new TenantId(n.tenantId()))).toList());
    }
}
