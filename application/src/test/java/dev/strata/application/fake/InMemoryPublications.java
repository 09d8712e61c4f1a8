package dev.strata.application.fake;

import dev.strata.application.port.out.Publications;
import dev.strata.domain.host.HostId;
import dev.strata.domain.host.Namespace;
import dev.strata.domain.host.Publication;
import dev.strata.domain.host.Target;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.volume.VolumeId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Publications and targets in maps. Stores and hands out copies, and refuses what the database's
 * keys refuse: a second exclusive publication of a volume, a namespace without its publication, a
 * publication removed while namespaces remain.
 */
public final class InMemoryPublications implements Publications, InMemoryTransactions.Participant {

    private InMemoryNodeAgents agents = new InMemoryNodeAgents();

    private record State(TreeMap<String, Publication> publications, TreeMap<String, Target> targets) {
        State copy() {
            TreeMap<String, Target> targetCopies = new TreeMap<>();
            targets.forEach((key, target) -> targetCopies.put(key, target.copy()));
            return new State(new TreeMap<>(publications), targetCopies);
        }
    }

    private State state = new State(new TreeMap<>(), new TreeMap<>());

    private static String key(VolumeId volume, HostId host) {
        return volume.value() + "\n" + host.value();
    }

    private static String key(HostId host, NodeId node) {
        return host.value() + "\n" + node.value();
    }

    @Override
    public synchronized boolean isPublished(VolumeId volume) {
        return state.publications.values().stream().anyMatch(p -> p.volume().equals(volume));
    }

    @Override
    public synchronized List<Publication> ofVolume(VolumeId volume) {
        return state.publications.values().stream().filter(p -> p.volume().equals(volume))
                .sorted(Comparator.comparing(p -> p.host().value())).toList();
    }

    @Override
    public synchronized boolean anyOfHost(HostId host) {
        return state.publications.values().stream().anyMatch(p -> p.host().equals(host));
    }

    @Override
    public synchronized void add(Publication publication) {
        if (state.publications.containsKey(key(publication.volume(), publication.host()))) {
            throw new IllegalStateException("already stored: " + publication);
        }
        if (publication.exclusive() && isPublished(publication.volume())) {
            throw new IllegalStateException("an exclusive publication of a published volume: " + publication);
        }
        state.publications.put(key(publication.volume(), publication.host()), publication);
    }

    @Override
    public synchronized void remove(VolumeId volume, HostId host) {
        boolean exposed = state.targets.values().stream()
                .anyMatch(t -> t.host().equals(host) && t.holds(volume));
        if (exposed) {
            throw new IllegalStateException("volume " + volume + " still has namespaces on host " + host);
        }
        state.publications.remove(key(volume, host));
    }

    @Override
    public synchronized Optional<Target> target(HostId host, NodeId node) {
        return Optional.ofNullable(state.targets.get(key(host, node))).map(Target::copy);
    }

    /** Bumps generations in {@code shared}, as the database does in its tables. */
    public InMemoryPublications tracking(InMemoryNodeAgents shared) {
        this.agents = shared;
        return this;
    }

    @Override
    public synchronized List<Target> targetsOn(NodeId node) {
        return state.targets.values().stream().filter(t -> t.node().equals(node))
                .sorted(Comparator.comparing((Target t) -> t.name().value())).map(Target::copy).toList();
    }

    @Override
    public synchronized void save(Target target) {
        for (Namespace namespace : target.namespaces()) {
            if (!state.publications.containsKey(key(namespace.volume(), target.host()))) {
                throw new IllegalStateException("a namespace of volume " + namespace.volume()
                        + ", which is not published to host " + target.host());
            }
        }
        if (target.isEmpty()) {
            state.targets.remove(key(target.host(), target.node()));
        } else {
            state.targets.put(key(target.host(), target.node()), target.copy());
        }
        agents.bump(List.of(target.node()));
    }

    @Override
    public synchronized List<Target> targets(Optional<HostId> host, Optional<VolumeId> volume) {
        return state.targets.values().stream()
                .filter(t -> host.map(t.host()::equals).orElse(true))
                .filter(t -> volume.map(t::holds).orElse(true))
                .sorted(Comparator.comparing((Target t) -> t.host().value()).thenComparing(t -> t.name().value()))
                .map(Target::copy).toList();
    }

    @Override
    public synchronized boolean anyTargetOn(NodeId node) {
        return state.targets.values().stream().anyMatch(t -> t.node().equals(node));
    }

    @Override
    public synchronized Object snapshot() {
        return state.copy();
    }

    @Override
    public synchronized void restore(Object snapshot) {
        state = ((State) snapshot).copy();
    }
}
