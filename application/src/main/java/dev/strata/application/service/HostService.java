package dev.strata.application.service;

import dev.strata.application.port.in.Created;
import dev.strata.application.port.in.host.GetHostUseCase;
import dev.strata.application.port.in.host.HostView;
import dev.strata.application.port.in.host.ListHostsUseCase;
import dev.strata.application.port.in.host.ProbeHostCommand;
import dev.strata.application.port.in.host.ProbeHostUseCase;
import dev.strata.application.port.in.host.RemoveHostUseCase;
import dev.strata.application.port.out.Hosts;
import dev.strata.application.port.out.Publications;
import dev.strata.application.port.out.Transactions;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.host.Host;
import dev.strata.domain.host.HostId;
import dev.strata.domain.host.HostNqn;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/** Hosts: their probes, their liveness, their removal. */
public final class HostService implements ProbeHostUseCase, ListHostsUseCase, GetHostUseCase, RemoveHostUseCase {

    private final Hosts hosts;
    private final Publications publications;
    private final Transactions transactions;
    private final Mutations mutations;
    private final InstantSource clock;

    public HostService(Hosts hosts, Publications publications, Transactions transactions, Mutations mutations,
                       InstantSource clock) {
        this.hosts = hosts;
        this.publications = publications;
        this.transactions = transactions;
        this.mutations = mutations;
        this.clock = clock;
    }

    @Override
    public Created<Host> probe(Principal caller, ProbeHostCommand command) {
        return mutations.perform(caller, Privilege.PRIVILEGE_HOST_WRITE, "host.probe", command.host().value(), () -> {
            HostNqn nqn = command.details().nqn();
            // Two hosts with one NQN could not be told apart by the targets that grant it.
            hosts.findByNqn(nqn).filter(other -> !other.id().equals(command.host())).ifPresent(other -> {
                throw DomainException.alreadyExists("NQN " + nqn + " belongs to host " + other.id());
            });
            Instant now = clock.instant();
            Optional<Host> known = hosts.find(command.host());
            if (known.isEmpty()) {
                Host host = Host.register(command.host(), command.details(), now);
                host.reportNamespaces(command.multipath(), command.usedNsids());
                hosts.add(host);
                return new Created<>(host, true);
            }
            Host host = known.get();
            // The targets grant the host's NQN: a new NQN would hand its volumes to whoever holds it.
            if (!host.nqn().equals(nqn) && publications.anyOfHost(host.id())) {
                throw new DomainException(ErrorCode.IN_USE, "host " + host.id() + " has published volumes; its NQN"
                        + " stays " + host.nqn() + " until they are unpublished");
            }
            host.probe(command.details(), now);
            host.reportNamespaces(command.multipath(), command.usedNsids());
            hosts.update(host);
            return new Created<>(host, false);
        });
    }

    @Override
    public List<HostView> list(Principal caller, Optional<String> name) {
        caller.require(Privilege.PRIVILEGE_HOST_READ);
        List<Host> found = transactions.read(() -> name.map(hosts::named).orElseGet(hosts::all));
        Instant now = clock.instant();
        return found.stream().map(host -> new HostView(host, host.state(now))).toList();
    }

    @Override
    public HostView get(Principal caller, HostId id) {
        caller.require(Privilege.PRIVILEGE_HOST_READ);
        Host host = transactions.read(() -> existing(id));
        return new HostView(host, host.state(clock.instant()));
    }

    @Override
    public void remove(Principal caller, HostId id) {
        mutations.perform(caller, Privilege.PRIVILEGE_HOST_WRITE, "host.remove", id.value(), () -> {
            existing(id);
            if (publications.anyOfHost(id)) {
                throw new DomainException(ErrorCode.IN_USE, "host " + id + " still has published volumes;"
                        + " unpublish them first");
            }
            hosts.remove(id);
        });
    }

    private Host existing(HostId id) {
        return hosts.find(id).orElseThrow(() -> DomainException.notExists("host " + id + " does not exist"));
    }
}
