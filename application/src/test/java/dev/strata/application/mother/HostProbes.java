package dev.strata.application.mother;

import dev.strata.application.port.in.host.ProbeHostCommand;
import dev.strata.domain.host.HostDetails;
import dev.strata.domain.host.HostId;
import dev.strata.domain.host.HostNqn;
import java.time.Duration;
import java.util.UUID;

/** Test host probes: {@code HostProbes.aHost().named("compute-1").every(30).build()}, as Cinder's driver sends them. */
public final class HostProbes {

    private HostId id = new HostId(UUID.randomUUID().toString());
    private HostNqn nqn = new HostNqn("nqn.2014-08.org.nvmexpress:uuid:" + UUID.randomUUID());
    private String name = "compute-" + id.value().substring(0, 8);
    private long seconds = 30;

    private HostProbes() {
    }

    /** A host with a fresh UUID id and NQN, probing every 30 s. */
    public static HostProbes aHost() {
        return new HostProbes();
    }

    public HostProbes withId(HostId hostId) {
        id = hostId;
        return this;
    }

    public HostProbes withNqn(String value) {
        nqn = new HostNqn(value);
        return this;
    }

    public HostProbes named(String value) {
        name = value;
        return this;
    }

    public HostProbes every(long durationSeconds) {
        seconds = durationSeconds;
        return this;
    }

    public HostId id() {
        return id;
    }

    public ProbeHostCommand build() {
        return new ProbeHostCommand(id, new HostDetails(nqn, name, "Agent", "cinder-driver-0.1",
                Duration.ofSeconds(seconds)));
    }
}
