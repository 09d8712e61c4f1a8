package dev.strata.application.fake;

import dev.strata.application.port.out.Hosts;
import dev.strata.domain.host.Host;
import dev.strata.domain.host.HostId;
import dev.strata.domain.host.HostNqn;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Hosts in a map ordered by id. Stores and hands out copies, as a database would. */
public final class InMemoryHosts implements Hosts, InMemoryTransactions.Participant {

    private final TreeMap<String, Host> byId = new TreeMap<>();

    private static Host copy(Host host) {
        return host.copy();
    }

    @Override
    public synchronized void add(Host host) {
        if (byId.containsKey(host.id().value())) {
            throw new IllegalStateException("host " + host.id() + " exists");
        }
        if (findByNqn(host.nqn()).isPresent()) {
            throw new IllegalStateException("NQN " + host.nqn() + " is taken");
        }
        byId.put(host.id().value(), copy(host));
    }

    @Override
    public synchronized void update(Host host) {
        if (findByNqn(host.nqn()).filter(other -> !other.id().equals(host.id())).isPresent()) {
            throw new IllegalStateException("NQN " + host.nqn() + " is taken");
        }
        if (byId.replace(host.id().value(), copy(host)) == null) {
            throw new IllegalStateException("host " + host.id() + " does not exist");
        }
    }

    @Override
    public synchronized void remove(HostId id) {
        byId.remove(id.value());
    }

    @Override
    public synchronized Optional<Host> find(HostId id) {
        return Optional.ofNullable(byId.get(id.value())).map(InMemoryHosts::copy);
    }

    @Override
    public synchronized Optional<Host> findByNqn(HostNqn nqn) {
        return byId.values().stream().filter(h -> h.nqn().equals(nqn)).findFirst().map(InMemoryHosts::copy);
    }

    @Override
    public synchronized List<Host> all() {
        return byId.values().stream().map(InMemoryHosts::copy).toList();
    }

    @Override
    public synchronized List<Host> named(String name) {
        return byId.values().stream().filter(h -> h.name().equals(name)).map(InMemoryHosts::copy).toList();
    }

    @Override
    public synchronized Object snapshot() {
        return new TreeMap<>(byId);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        byId.clear();
        byId.putAll((TreeMap<String, Host>) snapshot);
    }
}
