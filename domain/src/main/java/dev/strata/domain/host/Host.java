package dev.strata.domain.host;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A host that attaches volumes: known by the id its client gives, reached through its NQN, and
 * alive while it probes as often as it promised.
 */
public final class Host {

    private final HostId id;
    private HostDetails details;
    private Instant lastProbe;
    private final Instant registeredAt;

    private Host(HostId id, HostDetails details, Instant lastProbe, Instant registeredAt) {
        this.id = Objects.requireNonNull(id);
        this.details = Objects.requireNonNull(details);
        this.lastProbe = Objects.requireNonNull(lastProbe);
        this.registeredAt = Objects.requireNonNull(registeredAt);
    }

    /** A host's first probe. */
    public static Host register(HostId id, HostDetails details, Instant now) {
        return new Host(id, details, now, now);
    }

    /** For the persistence mapper only: a host as it was stored. */
    public static Host restore(HostId id, HostDetails details, Instant lastProbe, Instant registeredAt) {
        return new Host(id, details, lastProbe, registeredAt);
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
