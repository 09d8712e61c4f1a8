package dev.strata.application.service;

import dev.strata.application.port.out.Hosts;
import dev.strata.application.port.out.Publications;
import dev.strata.domain.host.HostId;
import dev.strata.domain.host.Publication;
import dev.strata.domain.host.Target;
import dev.strata.domain.volume.Replica;
import dev.strata.domain.volume.Volume;
import dev.strata.domain.volume.VolumeId;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the targets and their namespaces in step with publications and replicas, inside the
 * caller's write transaction: every replica of a published volume is a namespace in the target of
 * (host, its node); a target left empty goes when saved.
 */
final class Exports {

    private final Hosts hosts;
    private final Publications publications;
    private final InstantSource clock;

    Exports(Hosts hosts, Publications publications, InstantSource clock) {
        this.hosts = hosts;
        this.publications = publications;
        this.clock = clock;
    }

    /** Exposes every replica of the volume to the host; what is exposed already stays as it is. */
    void expose(Volume volume, HostId host) {
        for (Replica replica : volume.replicas()) {
            expose(volume, replica, host);
        }
    }

    private void expose(Volume volume, Replica replica, HostId host) {
        Optional<Target> existing = publications.target(host, replica.node());
        Target target = existing.orElseGet(() -> Target.open(host, replica.node(), clock.instant()));
        if (existing.isPresent() && target.namespaceOf(replica.id()).isPresent()) {
            return;
        }
        target.expose(replica.id(), volume.id(), volume.tenant(), taken(host, target));
        publications.save(target);
    }

    /**
     * The nsids a new namespace of the host must not take: those of its targets on other nodes
     * (nsids are unique across all of a host's targets) and those it reports in use.
     */
    private Set<Integer> taken(HostId host, Target target) {
        Set<Integer> taken = new HashSet<>();
        hosts.find(host).ifPresent(h -> taken.addAll(h.usedNsids()));
        for (Target other : publications.targets(Optional.of(host), Optional.empty())) {
            if (!other.node().equals(target.node())) {
                other.namespaces().forEach(namespace -> taken.add(namespace.nsid()));
            }
        }
        return taken;
    }

    /** Removes the volume's namespaces from the host's targets, and the targets left empty. */
    void withdraw(VolumeId volume, HostId host) {
        for (Target target : publications.targets(Optional.of(host), Optional.of(volume))) {
            target.withdraw(volume);
            publications.save(target);
        }
    }

    /** A new replica of a published volume is exposed to every host the volume is published to. */
    void replicaAdded(Volume volume, Replica replica) {
        for (Publication publication : publications.ofVolume(volume.id())) {
            expose(volume, replica, publication.host());
        }
    }

    /** A replica about to go is withdrawn from every target that exposes it. */
    void replicaRemoved(Volume volume, Replica replica) {
        for (Target target : publications.targets(Optional.empty(), Optional.of(volume.id()))) {
            if (target.withdraw(replica.id()).isPresent()) {
                publications.save(target);
            }
        }
    }
}
