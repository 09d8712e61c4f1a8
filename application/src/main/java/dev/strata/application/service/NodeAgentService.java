package dev.strata.application.service;

import dev.strata.application.port.in.agent.DesiredState;
import dev.strata.application.port.in.agent.DesiredState.DesiredReplica;
import dev.strata.application.port.in.agent.DesiredState.Subsystem;
import dev.strata.application.port.in.agent.DesiredState.SubsystemNamespace;
import dev.strata.application.port.in.agent.DesiredStateQuery;
import dev.strata.application.port.in.agent.ListNodeAgentsUseCase;
import dev.strata.application.port.in.agent.NodeAgentStatus;
import dev.strata.application.port.in.agent.ObservedReport;
import dev.strata.application.port.in.agent.ObservedReport.ObservedReplica;
import dev.strata.application.port.in.agent.ReadDesiredStateUseCase;
import dev.strata.application.port.in.agent.ReportObservedStateUseCase;
import dev.strata.application.port.out.Hosts;
import dev.strata.application.port.out.NodeAgents;
import dev.strata.application.port.out.Nodes;
import dev.strata.application.port.out.Publications;
import dev.strata.application.port.out.Transactions;
import dev.strata.application.port.out.Volumes;
import dev.strata.domain.Bytes;
import dev.strata.domain.DomainException;
import dev.strata.domain.access.AuthMethod;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.access.RequestOrigin;
import dev.strata.domain.host.Host;
import dev.strata.domain.host.Namespace;
import dev.strata.domain.host.Target;
import dev.strata.domain.node.AgentReport;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.NodeState;
import dev.strata.domain.node.StorageNode;
import dev.strata.domain.volume.Replica;
import dev.strata.domain.volume.ReplicaId;
import dev.strata.domain.volume.ReplicaState;
import dev.strata.domain.volume.Volume;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The storage nodes' side of Strata (API.md §8): their desired state, long-polled, and their
 * observed reports, which are also their heartbeats.
 *
 * <p>Waiting agents hold no thread: each is a future in a registry by node. A tick every
 * {@value #TICK_MILLIS} ms re-reads the generations when this process committed a write since the
 * last look, and at least every second whatever happened, so a change committed by another process
 * on the same database wakes a waiter within a second too.
 *
 * <p>A node whose agent has not reported for three of its intervals is made {@code Unavailable},
 * and its replicas {@code Missing}, by {@link #sweep()}: each silent node in a write transaction of
 * its own that checks again before it changes anything, so several instances may sweep at once.
 * Nodes that never had an agent are never swept.
 */
public final class NodeAgentService implements ReadDesiredStateUseCase, ReportObservedStateUseCase,
        ListNodeAgentsUseCase, AutoCloseable {

    static final long TICK_MILLIS = 100;
    private static final long FULL_READ_NANOS = TimeUnit.MILLISECONDS.toNanos(900);
    private static final Principal SWEEPER = Principal.administrator("strata", AuthMethod.NONE,
            new RequestOrigin("housekeeping", ""));

    private final Nodes nodes;
    private final Volumes volumes;
    private final Hosts hosts;
    private final Publications publications;
    private final NodeAgents agents;
    private final Transactions transactions;
    private final Mutations mutations;
    private final InstantSource clock;
    private final Map<NodeId, List<Waiter>> waiters = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private long seenWrites = -1;
    private long lastFullRead = System.nanoTime();

    private final class Waiter {
        final NodeId node;
        final long after;
        final CompletableFuture<DesiredState> answer = new CompletableFuture<>();
        final AtomicBoolean claimed = new AtomicBoolean();
        volatile ScheduledFuture<?> timeout;

        Waiter(NodeId node, long after) {
            this.node = node;
            this.after = after;
        }

        void answer() {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            List<Waiter> ofNode = waiters.get(node);
            if (ofNode != null) {
                ofNode.remove(this);
            }
            ScheduledFuture<?> pending = timeout;
            if (pending != null) {
                pending.cancel(false);
            }
            try {
                answer.complete(document(node));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        }
    }

    public NodeAgentService(Nodes nodes, Volumes volumes, Hosts hosts, Publications publications, NodeAgents agents,
                            Transactions transactions, Mutations mutations, InstantSource clock) {
        this.nodes = nodes;
        this.volumes = volumes;
        this.hosts = hosts;
        this.publications = publications;
        this.agents = agents;
        this.transactions = transactions;
        this.mutations = mutations;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "strata-node-agents");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts waking waiters, and sweeping silent nodes every second. */
    public NodeAgentService start() {
        scheduler.scheduleWithFixedDelay(this::wakeQuietly, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::sweepQuietly, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    @Override
    public CompletionStage<DesiredState> desired(Principal caller, DesiredStateQuery query) {
        caller.requireAgentOf(query.node());
        long generation = transactions.read(() -> {
            existing(query.node());
            return agents.generation(query.node());
        });
        if (query.after().isEmpty() || generation > query.after().getAsLong() || query.waitSeconds() == 0) {
            return CompletableFuture.completedFuture(document(query.node()));
        }
        Waiter waiter = new Waiter(query.node(), query.after().getAsLong());
        waiters.computeIfAbsent(query.node(), n -> new CopyOnWriteArrayList<>()).add(waiter);
        waiter.timeout = scheduler.schedule(waiter::answer, query.waitSeconds(), TimeUnit.SECONDS);
        return waiter.answer;
    }

    /** The node's whole desired state, read in one transaction so it is of one generation. */
    private DesiredState document(NodeId id) {
        return transactions.read(() -> {
            StorageNode node = existing(id);
            long generation = agents.generation(id);
            List<DesiredReplica> replicas = new ArrayList<>();
            for (Volume volume : volumes.onNode(id)) {
                for (Replica replica : volume.replicas()) {
                    if (replica.node().equals(id)) {
                        replicas.add(new DesiredReplica(replica.id(), volume.id(), volume.capacity(),
                                volume.spec().provisioning(), volume.spec().storageClass().blockSize()));
                    }
                }
            }
            Map<String, Optional<Host>> hostsById = new HashMap<>();
            List<Subsystem> subsystems = new ArrayList<>();
            for (Target target : publications.targetsOn(id)) {
                Optional<Host> host = hostsById.computeIfAbsent(target.host().value(), h -> hosts.find(target.host()));
                List<SubsystemNamespace> namespaces = new ArrayList<>();
                for (Namespace namespace : target.namespaces()) {
                    namespaces.add(new SubsystemNamespace(namespace.nsid(), namespace.replica()));
                }
                subsystems.add(new Subsystem(target.name().value(), target.name().serial(),
                        host.map(h -> List.of(h.nqn().value())).orElse(List.of()), namespaces));
            }
            return new DesiredState(generation, id, node.portals(), node.controllerIds(), replicas,
                    agents.retired(id), subsystems);
        });
    }

    private void wakeQuietly() {
        try {
            wake();
        } catch (RuntimeException e) {
            // the next tick tries again; a waiter still gets its answer when its wait ends
        }
    }

    /** Answers every waiter whose node's generation moved past what it has. */
    void wake() {
        if (waiters.values().stream().allMatch(List::isEmpty)) {
            return;
        }
        long writes = transactions.committedWrites();
        long now = System.nanoTime();
        if (writes == seenWrites && now - lastFullRead < FULL_READ_NANOS) {
            return;
        }
        seenWrites = writes;
        lastFullRead = now;
        Map<NodeId, Long> generations = transactions.read(agents::generations);
        waiters.forEach((node, list) -> {
            long generation = generations.getOrDefault(node, 0L);
            for (Waiter waiter : list) {
                if (generation > waiter.after) {
                    waiter.answer();
                }
            }
        });
    }

    @Override
    public void report(Principal caller, ObservedReport report) {
        caller.requireAgentOf(report.node());
        NodeId id = report.node();
        Instant now = clock.instant();
        long measured = report.totalCapacity() / Bytes.GIB * Bytes.GIB;
        transactions.write(() -> {
            StorageNode node = existing(id);
            List<String> notable = new ArrayList<>();
            agents.saveReport(new AgentReport(id, now, Duration.ofSeconds(report.intervalSeconds()),
                    report.agentVersion(), report.generation(), report.totalCapacity(), report.freeCapacity(),
                    report.subsystems(), report.orphans()));
            boolean nodeChanged = false;
            if (node.totalCapacity() != measured) {
                node.reportCapacity(measured, now);
                nodeChanged = true;
                notable.add("capacity " + Bytes.toGiB(measured) + " GiB");
            }
            if (node.state() == NodeState.UNAVAILABLE) {
                node.changeState(NodeState.AVAILABLE, now);
                nodeChanged = true;
                notable.add("Available again");
            }
            if (nodeChanged) {
                nodes.update(node);
            }
            Map<ReplicaId, ObservedReplica> reported = new LinkedHashMap<>();
            report.replicas().forEach(r -> reported.put(r.id(), r));
            for (Volume volume : volumes.onNode(id)) {
                boolean changed = false;
                for (Replica replica : volume.replicas()) {
                    ObservedReplica seen = reported.get(replica.id());
                    if (!replica.node().equals(id) || seen == null) {
                        continue;
                    }
                    ReplicaState state = stateOf(replica.state(), seen.state());
                    if (state != replica.state()) {
                        volume.recordState(replica.id(), state, now);
                        changed = true;
                        notable.add("replica " + replica.id() + " " + state.label());
                    }
                }
                if (changed) {
                    volumes.update(volume);
                }
            }
            agents.keepRetired(id, reported.keySet());
            if (!notable.isEmpty()) {
                mutations.record(caller, "backend.agent_report", id.value(), String.join("; ", notable));
            }
        });
    }

    /**
     * What a replica becomes when its node's agent reports it. {@code Failed} (the backing store
     * failed) counts as {@code Missing}: the replica serves nothing either way. An agent's
     * {@code Available} does not override a host's {@code Synchronizing}, a fact of the host's
     * mirror the agent cannot see, nor does any report revive a {@code Terminating} replica.
     */
    private static ReplicaState stateOf(ReplicaState current, String reported) {
        if (current == ReplicaState.TERMINATING) {
            return current;
        }
        if (reported.equals("Available")) {
            return current == ReplicaState.SYNCHRONIZING ? current : ReplicaState.AVAILABLE;
        }
        return ReplicaState.MISSING;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // tried again in a second
        }
    }

    /** Makes every node whose agent went silent Unavailable, and its replicas Missing. */
    public void sweep() {
        Instant now = clock.instant();
        List<NodeId> silent = transactions.read(() -> agents.reports().stream().filter(r -> r.silentAt(now))
                .map(AgentReport::node).filter(this::needsSweep).toList());
        for (NodeId id : silent) {
            transactions.write(() -> {
                Optional<AgentReport> report = agents.report(id);
                if (report.isEmpty() || !report.get().silentAt(now) || !needsSweep(id)) {
                    return;
                }
                StorageNode node = existing(id);
                if (node.state() == NodeState.AVAILABLE) {
                    node.changeState(NodeState.UNAVAILABLE, now);
                    nodes.update(node);
                }
                for (Volume volume : volumes.onNode(id)) {
                    boolean changed = false;
                    for (Replica replica : volume.replicas()) {
                        if (replica.node().equals(id) && serving(replica.state())) {
                            volume.recordState(replica.id(), ReplicaState.MISSING, now);
                            changed = true;
                        }
                    }
                    if (changed) {
                        volumes.update(volume);
                    }
                }
                mutations.record(SWEEPER, "backend.silent", id.value(), "Unavailable: no report since "
                        + report.get().reportedAt());
            });
        }
    }

    private boolean needsSweep(NodeId id) {
        Optional<StorageNode> node = nodes.find(id);
        if (node.isEmpty()) {
            return false;
        }
        if (node.get().state() == NodeState.AVAILABLE) {
            return true;
        }
        return volumes.onNode(id).stream().flatMap(v -> v.replicas().stream())
                .anyMatch(r -> r.node().equals(id) && serving(r.state()));
    }

    private static boolean serving(ReplicaState state) {
        return state == ReplicaState.AVAILABLE || state == ReplicaState.SYNCHRONIZING;
    }

    @Override
    public Map<NodeId, NodeAgentStatus> agents(Principal caller) {
        caller.require(Privilege.PRIVILEGE_BACKEND_READ);
        long writes = transactions.committedWrites();
        Statuses known = statuses;
        if (known != null && known.writes() == writes) {
            return known.byNode();
        }
        Map<NodeId, NodeAgentStatus> read = transactions.read(() -> {
            Map<NodeId, Long> generations = agents.generations();
            Map<NodeId, AgentReport> reports = new HashMap<>();
            agents.reports().forEach(r -> reports.put(r.node(), r));
            Map<NodeId, NodeAgentStatus> status = new HashMap<>();
            generations.forEach((node, generation) -> status.put(node,
                    new NodeAgentStatus(generation, Optional.ofNullable(reports.get(node)))));
            return Map.copyOf(status);
        });
        statuses = new Statuses(writes, read);
        return read;
    }

    /**
     * Every agent's status as read when the change count was {@code writes}: a status changes only
     * with a committed write (a report, a new generation), so until the next one every
     * {@code GET /backends} is answered from it rather than from two reads of every node's rows.
     */
    private record Statuses(long writes, Map<NodeId, NodeAgentStatus> byNode) {
    }

    private volatile Statuses statuses;

    private StorageNode existing(NodeId id) {
        return nodes.find(id).orElseThrow(() -> DomainException.notExists("backend " + id + " does not exist"));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        waiters.values().forEach(list -> list.forEach(w -> w.answer.cancel(false)));
    }
}
