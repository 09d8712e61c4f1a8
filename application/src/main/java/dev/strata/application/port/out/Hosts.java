package dev.strata.application.port.out;

import dev.strata.domain.host.Host;
import dev.strata.domain.host.HostId;
import dev.strata.domain.host.HostNqn;
import java.util.List;
import java.util.Optional;

/** The hosts that have probed. Mutations must run inside a write transaction. */
public interface Hosts {

    void add(Host host);

    /** Stores the host's changed details and last probe. */
    void update(Host host);

    void remove(HostId id);

    Optional<Host> find(HostId id);

    Optional<Host> findByNqn(HostNqn nqn);

    /** All hosts, by id. */
    List<Host> all();

    /** The hosts with exactly this name, by id. */
    List<Host> named(String name);
}
