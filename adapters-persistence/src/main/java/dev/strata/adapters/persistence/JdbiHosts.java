package dev.strata.adapters.persistence;

import dev.strata.application.port.out.Hosts;
import dev.strata.domain.host.Host;
import dev.strata.domain.host.HostDetails;
import dev.strata.domain.host.HostId;
import dev.strata.domain.host.HostNqn;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Optional;

/** {@link Hosts} over one table. */
final class JdbiHosts implements Hosts {

    private final JdbiTransactions transactions;

    JdbiHosts(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Host host) {
        transactions.writeHandle().dao(HostDao.class).insert(toRow(host));
    }

    @Override
    public void update(Host host) {
        if (transactions.writeHandle().dao(HostDao.class).update(toRow(host)) != 1) {
            throw new IllegalStateException("host " + host.id() + " does not exist");
        }
    }

    @Override
    public void remove(HostId id) {
        transactions.writeHandle().dao(HostDao.class).delete(id.value());
    }

    @Override
    public Optional<Host> find(HostId id) {
        return transactions.withHandle(h -> h.dao(HostDao.class).find(id.value())).map(JdbiHosts::toHost);
    }

    @Override
    public Optional<Host> findByNqn(HostNqn nqn) {
        return transactions.withHandle(h -> h.dao(HostDao.class).findByNqn(nqn.value())).map(JdbiHosts::toHost);
    }

    @Override
    public List<Host> all() {
        return transactions.withHandle(h -> h.dao(HostDao.class).all()).stream().map(JdbiHosts::toHost).toList();
    }

    @Override
    public List<Host> named(String name) {
        return transactions.withHandle(h -> h.dao(HostDao.class).named(name)).stream().map(JdbiHosts::toHost)
                .toList();
    }

    private static HostRow toRow(Host host) {
        HostDetails details = host.details();
        return new HostRow(host.id().value(), details.nqn().value(), details.name(), details.clientType(),
                details.version(), details.duration().getSeconds(), host.lastProbe().toEpochMilli(),
                host.registeredAt().toEpochMilli(), host.multipath(),
                host.usedNsids().stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    private static Host toHost(HostRow row) {
        return Host.restore(new HostId(row.id()), new HostDetails(new HostNqn(row.nqn()), row.name(), row.clientType(),
                row.version(), Duration.ofSeconds(row.durationS())), Instant.ofEpochMilli(row.lastProbe()),
                Instant.ofEpochMilli(row.registeredAt()), row.multipath(), row.usedNsids().isEmpty() ? Set.of()
                        : Arrays.stream(row.usedNsids().split(",")).map(Integer::valueOf).collect(Collectors.toSet()));
    }
}
