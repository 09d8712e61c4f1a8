package dev.strata.domain.host;

import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.ReplicaId;
import dev.strata.domain.volume.VolumeId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one node exports to one host: an NVMe subsystem named {@link TargetName} (the host's one
 * name, the same on every node), which grants that host's NQN alone, holding as namespaces the
 * replicas on that node of the volumes published to that host. Each namespace has an nsid unique
 * across all of the host's targets (the caller passes the nsids taken elsewhere); a new one takes
 * the lowest free nsid, so an nsid is reused once its namespace is gone.
 */
public final class Target {

    /** The most namespaces a target holds (Linux's nvmet allows 1024 per subsystem). */
    public static final int MAX_NAMESPACES = 1024;

    private final HostId host;
    private final NodeId node;
    private final TargetName name;
    private final Instant createdAt;
    private final TreeMap<Integer, Namespace> byNsid = new TreeMap<>();

    private Target(HostId host, NodeId node, TargetName name, Instant createdAt, List<Namespace> namespaces) {
        this.host = Objects.requireNonNull(host);
        this.node = Objects.requireNonNull(node);
        this.name = Objects.requireNonNull(name);
        this.createdAt = Objects.requireNonNull(createdAt);
        for (Namespace namespace : namespaces) {
            if (byNsid.put(namespace.nsid(), namespace) != null) {
                throw new IllegalArgumentException("two namespaces with nsid " + namespace.nsid() + " in one target");
            }
        }
    }

    /** A new, empty target joining {@code node} to {@code host}. */
    public static Target open(HostId host, NodeId node, Instant now) {
        return new Target(host, node, TargetName.of(host), now, List.of());
    }

    /** For the persistence mapper only: a target as it was stored, named as today's targets are. */
    public static Target restore(HostId host, NodeId node, Instant createdAt, List<Namespace> namespaces) {
        return new Target(host, node, TargetName.of(host), createdAt, namespaces);
    }

    /**
     * For the persistence mapper only: a target as it was stored, under the name it was made with
     * (a target made before names were per host keeps its per-node name until it empties).
     */
    public static Target restore(HostId host, NodeId node, TargetName name, Instant createdAt,
                                 List<Namespace> namespaces) {
        return new Target(host, node, name, createdAt, namespaces);
    }

    public Target copy() {
        return restore(host, node, name, createdAt, namespaces());
    }

    /**
     * Exposes the replica as a namespace, with the lowest free nsid; a replica exposed already keeps
     * its namespace. A full target refuses with TooManyNamespaces.
     */
    public Namespace expose(ReplicaId replica, VolumeId volume, TenantId tenant) {
        return expose(replica, volume, tenant, java.util.Set.of());
    }

    /**
     * Exposes the replica as a namespace with the lowest nsid free in this target and not in
     * {@code taken} (the nsids of the host's other targets and those the host reports in use), so
     * that nsids stay unique across all of a host's targets; a replica exposed already keeps its
     * namespace.
     */
    public Namespace expose(ReplicaId replica, VolumeId volume, TenantId tenant, java.util.Set<Integer> taken) {
        Optional<Namespace> existing = namespaceOf(replica);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (byNsid.size() >= MAX_NAMESPACES) {
            throw new DomainException(ErrorCode.TOO_MANY_NAMESPACES, "target " + name() + " already holds "
                    + MAX_NAMESPACES + " namespaces, the most a target may hold");
        }
        int nsid = 1;
        while (byNsid.containsKey(nsid) || taken.contains(nsid)) {
            nsid++;
        }
        if (nsid > MAX_NAMESPACES) {
            throw new DomainException(ErrorCode.TOO_MANY_NAMESPACES, "host " + host + " has no free nsid left"
                    + " (1.." + MAX_NAMESPACES + ")");
        }
        Namespace namespace = new Namespace(nsid, replica, volume, tenant);
        byNsid.put(nsid, namespace);
        return namespace;
    }

    /** Removes the namespaces of the volume and returns them. */
    public List<Namespace> withdraw(VolumeId volume) {
        List<Namespace> removed = new ArrayList<>();
        byNsid.values().removeIf(namespace -> {
            if (namespace.volume().equals(volume)) {
                removed.add(namespace);
                return true;
            }
            return false;
        });
        return removed;
    }

    /** Removes the replica's namespace, if it has one. */
    public Optional<Namespace> withdraw(ReplicaId replica) {
        Optional<Namespace> found = namespaceOf(replica);
        found.ifPresent(namespace -> byNsid.remove(namespace.nsid()));
        return found;
    }

    public Optional<Namespace> namespaceOf(ReplicaId replica) {
        return byNsid.values().stream().filter(n -> n.replica().equals(replica)).findFirst();
    }

    /** The same target showing only the namespaces of the tenant's volumes. */
    public Target onlyOf(TenantId tenant) {
        return restore(host, node, name, createdAt,
                byNsid.values().stream().filter(n -> n.tenant().equals(tenant)).toList());
    }

    public boolean holds(VolumeId volume) {
        return byNsid.values().stream().anyMatch(n -> n.volume().equals(volume));
    }

    public boolean isEmpty() {
        return byNsid.isEmpty();
    }

    public TargetName name() {
        return name;
    }

    public HostId host() {
        return host;
    }

    public NodeId node() {
        return node;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** By nsid. */
    public List<Namespace> namespaces() {
        return List.copyOf(byNsid.values());
    }
}
