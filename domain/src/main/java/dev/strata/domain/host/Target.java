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
 * What one node exports to one host: an NVMe subsystem named {@link TargetName}, which grants that
 * host's NQN alone, holding as namespaces the replicas on that node of the volumes published to
 * that host. Each namespace has an nsid unique within the target; a new one takes the lowest free
 * nsid, so an nsid is reused once its namespace is gone.
 */
public final class Target {

    /** The most namespaces a target holds (Linux's nvmet allows 1024 per subsystem). */
    public static final int MAX_NAMESPACES = 1024;

    private final HostId host;
    private final NodeId node;
    private final Instant createdAt;
    private final TreeMap<Integer, Namespace> byNsid = new TreeMap<>();

    private Target(HostId host, NodeId node, Instant createdAt, List<Namespace> namespaces) {
        this.host = Objects.requireNonNull(host);
        this.node = Objects.requireNonNull(node);
        this.createdAt = Objects.requireNonNull(createdAt);
        for (Namespace namespace : namespaces) {
            if (byNsid.put(namespace.nsid(), namespace) != null) {
                throw new IllegalArgumentException("two namespaces with nsid " + namespace.nsid() + " in one target");
            }
        }
    }

    /** A new, empty target joining {@code node} to {@code host}. */
    public static Target open(HostId host, NodeId node, Instant now) {
        return new Target(host, node, now, List.of());
    }

    /** For the persistence mapper only: a target as it was stored. */
    public static Target restore(HostId host, NodeId node, Instant createdAt, List<Namespace> namespaces) {
        return new Target(host, node, createdAt, namespaces);
    }

    public Target copy() {
        return restore(host, node, createdAt, namespaces());
    }

    /**
     * Exposes the replica as a namespace, with the lowest free nsid; a replica exposed already keeps
     * its namespace. A full target refuses with TooManyNamespaces.
     */
    public Namespace expose(ReplicaId replica, VolumeId volume, TenantId tenant) {
        Optional<Namespace> existing = namespaceOf(replica);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (byNsid.size() >= MAX_NAMESPACES) {
            throw new DomainException(ErrorCode.TOO_MANY_NAMESPACES, "target " + name() + " already holds "
                    + MAX_NAMESPACES + " namespaces, the most a target may hold");
        }
        int nsid = 1;
        for (int used : byNsid.keySet()) {
            if (used != nsid) {
                break;
            }
            nsid++;
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
        return restore(host, node, createdAt, byNsid.values().stream().filter(n -> n.tenant().equals(tenant)).toList());
    }

    public boolean holds(VolumeId volume) {
        return byNsid.values().stream().anyMatch(n -> n.volume().equals(volume));
    }

    public boolean isEmpty() {
        return byNsid.isEmpty();
    }

    public TargetName name() {
        return TargetName.of(node, host);
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
