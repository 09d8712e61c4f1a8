package dev.strata.domain.host;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A host that attaches volumes: known by the id its client gives, reached through its NQN, and
 * alive while it probes as often as it promised.
 */
public final class Host {

    private final HostId id;
    private HostDetails details;
    private Instant lastProbe;
    private final Instant registeredAt;
    private boolean multipath;
    private SortedSet<Integer> usedNsids;

    private Host(HostId id, HostDetails details, Instant lastProbe, Instant registeredAt, boolean multipath,
                 Set<Integer> usedNsids) {
        this.id = Objects.requireNonNull(id);
        this.details = Objects.requireNonNull(details);
        this.lastProbe = Objects.requireNonNull(lastProbe);
        this.registeredAt = Objects.requireNonNull(registeredAt);
        this.multipath = multipath;
        this.usedNsids = new TreeSet<>(usedNsids);
    }

    /** A host's first probe. */
    public static Host register(HostId id, HostDetails details, Instant now) {
        return new Host(id, details, now, now, false, Set.of());
    }

    /** For the persistence mapper only: a host as it was stored. */
    public static Host restore(HostId id, HostDetails details, Instant lastProbe, Instant registeredAt) {
        return new Host(id, details, lastProbe, registeredAt, false, Set.of());
    }

    /** For the persistence mapper only: a host as it was stored, with what it last said of its namespaces. */
    public static Host restore(HostId id, HostDetails details, Instant lastProbe, Instant registeredAt,
                               boolean multipath, Set<Integer> usedNsids) {
        return new Host(id, details, lastProbe, registeredAt, multipath, usedNsids);
    }

    public Host copy() {
        return restore(id, details, lastProbe, registeredAt, multipath, usedNsids);
    }

    /**
     * What the host said in its last probe of its paths: whether it runs native NVMe multipath, and
     * the nsids already in use on it (a probe without the list keeps the last one). New namespaces
     * for this host skip those nsids.
     */
    public void reportNamespaces(boolean multipathNow, Optional<Set<Integer>> usedNow) {
        this.multipath = multipathNow;
        usedNow.ifPresent(used -> this.usedNsids = new TreeSet<>(used));
    }

    public boolean multipath() {
        return multipath;
    }

    /** The nsids the host last reported in use, ascending. */
    public SortedSet<Integer> usedNsids() {
        return java.util.Collections.unmodifiableSortedSet(usedNsids);
    }

    /** A later probe: the host is alive now, and says what it is now. */
    public void probe(HostDetails now, Instant at) {
        this.details = Objects.requireNonNull(now);
        this.lastProbe = Objects.requireNonNull(at);
    }

    /** Online until twice the promised interval has passed since the last probe, then Offline. */
    public HostState state(Instant now) {
        Instant deadline = lastProbe.plus(details.duration().multipliedBy(2));
        return now.isAfter(deadline) ? HostState.OFFLINE : HostState.ONLINE;
    }

    public HostId id() {
        return id;
    }

    public HostDetails details() {
        return details;
    }

    public HostNqn nqn() {
        return details.nqn();
    }

    public String name() {
        return details.name();
    }

    public Duration duration() {
        return details.duration();
    }

    public Instant lastProbe() {
        return lastProbe;
    }

    public Instant registeredAt() {
        return registeredAt;
    }
}
