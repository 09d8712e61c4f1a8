package dev.strata.agent;

import dev.strata.agent.model.Desired;
import dev.strata.agent.model.Observed;
import dev.strata.agent.model.TargetState;
import dev.strata.agent.model.Naming;

import dev.strata.agent.model.Observed.ReplicaReport;
import dev.strata.agent.model.Observed.ReplicaState;
import dev.strata.agent.model.Observed.SubsystemReport;
import dev.strata.agent.model.Observed.SubsystemState;
import dev.strata.agent.ports.BackingStore;
import dev.strata.agent.ports.Target;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Makes the node match a desired document: reads what is (backing store and target, read back),
 * computes the difference as a list of steps, and runs them in an order that is safe to stop at any
 * step: additions forward (backing, hosts, subsystems, namespaces, grants, ports, port links), then
 * removals in reverse. Each step belongs to a scope (a replica, a host, a subsystem, a port); a step
 * that fails fails its scope, whose later steps are skipped, and the other scopes go on.
 *
 * <p>Data is deleted only for replicas Strata retired, never because a replica is absent.
 */
public final class Reconciler {


    private final BackingStore backing;
    private final Target target;
    private final String agentVersion;
    private final int intervalSeconds;
    private boolean firstPass = true;

    public Reconciler(BackingStore backing, Target target, String agentVersion, int intervalSeconds) {
        this.backing = backing;
        this.target = target;
        this.agentVersion = agentVersion;
        this.intervalSeconds = intervalSeconds;
    }

    /** One change the reconciler would make. */
    public record Step(String scope, String description, List<String> requires, Action action) {
    }

    @FunctionalInterface
    public interface Action {
        void run() throws IOException;
    }

    /** The steps that would bring the node to {@code desired}, in the order they would run. */
    public List<Step> plan(Desired desired) throws IOException {
        return new Planner(desired, backing.inventory(), target.read(), firstPass).steps();
    }

    /**
     * Applies {@code desired} and returns the report. {@code lastApplied} is the generation reported
     * when this pass does not apply everything.
     */
    public Observed reconcile(Desired desired, long lastApplied) {
        Map<String, String> failed = new LinkedHashMap<>();
        List<Step> steps;
        try {
            steps = plan(desired);
        } catch (IOException | RuntimeException e) {
            steps = List.of();
            failed.put("read", "cannot read the node's state: " + message(e));
        }
        for (Step step : steps) {
            if (failed.containsKey(step.scope())) {
                continue;
            }
            String blocked = step.requires().stream().filter(failed::containsKey).findFirst().orElse(null);
            if (blocked != null) {
                failed.put(step.scope(), blocked + " failed: " + failed.get(blocked));
                continue;
            }
            try {
                step.action().run();
            } catch (IOException | RuntimeException e) {
                failed.put(step.scope(), step.description() + ": " + message(e));
            }
        }
        firstPass = false;
        return report(desired, failed, lastApplied);
    }

    private Observed report(Desired desired, Map<String, String> failed, long lastApplied) {
        Map<String, BackingStore.Backing> inventory;
        String inventoryProblem = failed.get("read");
        try {
            inventory = backing.inventory();
        } catch (IOException | RuntimeException e) {
            inventory = Map.of();
            inventoryProblem = "cannot list the backing store: " + message(e);
        }
        List<ReplicaReport> replicas = new ArrayList<>();
        for (Desired.Replica replica : desired.replicas()) {
            BackingStore.Backing found = inventory.get(replica.uuid());
            String problem = failed.get(replicaScope(replica.uuid()));
            if (problem != null || (found == null && inventoryProblem != null)) {
                replicas.add(new ReplicaReport(replica.uuid(), ReplicaState.Failed,
                        found == null ? 0 : found.sizeBytes(), problem != null ? problem : inventoryProblem));
            } else if (found == null) {
                replicas.add(new ReplicaReport(replica.uuid(), ReplicaState.Missing, 0, "no backing in "
                        + backing.describe()));
            } else {
                replicas.add(new ReplicaReport(replica.uuid(), ReplicaState.Available, found.sizeBytes(), null));
            }
        }
        for (String retired : desired.retiredReplicas()) {
            BackingStore.Backing found = inventory.get(retired);
            if (found != null) {
                String problem = failed.getOrDefault(retiredScope(retired), "retired; not yet removed");
                replicas.add(new ReplicaReport(retired, ReplicaState.Failed, found.sizeBytes(), problem));
            }
        }
        List<SubsystemReport> subsystems = new ArrayList<>();
        for (Desired.Subsystem subsystem : desired.subsystems()) {
            String problem = failed.get(subsystemScope(subsystem.nqn()));
            if (problem == null && failed.containsKey("read")) {
                problem = failed.get("read");
            }
            subsystems.add(new SubsystemReport(subsystem.nqn(),
                    problem == null ? SubsystemState.Applied : SubsystemState.Failed, problem));
        }
        failed.forEach((scope, problem) -> {
            if (scope.startsWith(REMOVE_PREFIX)) {
                subsystems.add(new SubsystemReport(scope.substring(REMOVE_PREFIX.length()), SubsystemState.Failed,
                        problem));
            }
        });
        Set<String> known = new HashSet<>(desired.retiredReplicas());
        desired.replicas().forEach(r -> known.add(r.uuid()));
        List<String> orphans = new ArrayList<>();
        new TreeMap<>(inventory).forEach((uuid, found) -> {
            if (!known.contains(uuid)) {
                orphans.add(found.name());
            }
        });
        BackingStore.Capacity capacity;
        try {
            capacity = backing.capacity();
        } catch (IOException | RuntimeException e) {
            capacity = new BackingStore.Capacity(0, 0);
        }
        Observed observed = new Observed(lastApplied, agentVersion, intervalSeconds, capacity.totalBytes(),
                capacity.freeBytes(), replicas, subsystems, orphans);
        boolean complete = failed.isEmpty() && observed.fullyApplied();
        return complete ? new Observed(desired.generation(), agentVersion, intervalSeconds, capacity.totalBytes(),
                capacity.freeBytes(), replicas, subsystems, orphans) : observed;
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static final String REMOVE_PREFIX = "remove:";

    static String replicaScope(String uuid) {
        return "replica:" + uuid;
    }

    static String retiredScope(String uuid) {
        return "retired:" + uuid;
    }

    static String subsystemScope(String nqn) {
        return "subsystem:" + nqn;
    }

    static String removalScope(String nqn) {
        return REMOVE_PREFIX + nqn;
    }

    static String hostScope(String nqn) {
        return "host:" + nqn;
    }

    static String portScope(int id) {
        return "port:" + id;
    }

    /** The difference between the document and what is, as steps in the kernel's order. */
    private final class Planner {
        private final Desired desired;
        private final Map<String, BackingStore.Backing> inventory;
        private final TargetState current;
        private final boolean revalidateAll;
        private final List<Step> steps = new ArrayList<>();
        private final Set<String> grown = new HashSet<>();

        Planner(Desired desired, Map<String, BackingStore.Backing> inventory, TargetState current,
                boolean revalidateAll) {
            this.desired = desired;
            this.inventory = inventory;
            this.current = current;
            this.revalidateAll = revalidateAll;
        }

        private void step(String scope, String description, List<String> requires, Action action) {
            steps.add(new Step(scope, description, requires, action));
        }

        List<Step> steps() {
            backings();
            Set<String> wantedHosts = new TreeSet<>();
            desired.subsystems().forEach(s -> wantedHosts.addAll(s.hostNqns()));
            for (String host : wantedHosts) {
                if (!current.hosts().contains(host)) {
                    step(hostScope(host), "add host " + host, List.of(), () -> target.addHost(host));
                }
            }
            for (Desired.Subsystem subsystem : desired.subsystems()) {
                subsystem(subsystem);
            }
            Map<Integer, TargetState.Address> ports = ports();
            for (Desired.Subsystem subsystem : desired.subsystems()) {
                for (Map.Entry<Integer, TargetState.Address> port : ports.entrySet()) {
                    TargetState.Port now = current.ports().get(port.getKey());
                    if (now == null || !now.subsystems().contains(subsystem.nqn())) {
                        int id = port.getKey();
                        step(subsystemScope(subsystem.nqn()), "link " + subsystem.nqn() + " to port " + id,
                                List.of(portScope(id)), () -> target.linkPort(id, subsystem.nqn()));
                    }
                }
            }
            removals(ports.keySet(), wantedHosts);
            return steps;
        }

        private void backings() {
            for (Desired.Replica replica : desired.replicas()) {
                BackingStore.Backing found = inventory.get(replica.uuid());
                if (found == null) {
                    step(replicaScope(replica.uuid()), "create " + replica.provisioning() + " backing of "
                            + replica.sizeBytes() + " bytes for replica " + replica.uuid() + " in "
                            + backing.describe(), List.of(), () -> backing.ensure(replica));
                } else if (found.sizeBytes() < replica.sizeBytes()) {
                    grown.add(replica.uuid());
                    step(replicaScope(replica.uuid()), "grow " + found.name() + " from " + found.sizeBytes()
                            + " to " + replica.sizeBytes() + " bytes", List.of(), () -> backing.ensure(replica));
                }
            }
        }

        private void subsystem(Desired.Subsystem wanted) {
            String nqn = wanted.nqn();
            String scope = subsystemScope(nqn);
            TargetState.Subsystem now = current.subsystems().get(nqn);
            if (now == null) {
                step(scope, "add subsystem " + nqn, List.of(), () -> target.addSubsystem(nqn));
                now = new TargetState.Subsystem(false, "", TargetState.DEFAULT_CNTLID_MIN, TargetState.DEFAULT_CNTLID_MAX, Set.of(), Map.of());
            }
            if (now.allowAnyHost()) {
                step(scope, "deny any host on " + nqn, List.of(), () -> target.denyAnyHost(nqn));
            }
            if (!wanted.serial().equals(now.serial())) {
                step(scope, "set serial of " + nqn + " to " + wanted.serial(), List.of(),
                        () -> target.setSerial(nqn, wanted.serial()));
            }
            Desired.Node node = desired.node();
            if (now.cntlidMin() != node.cntlidMin() || now.cntlidMax() != node.cntlidMax()) {
                int fromMin = now.cntlidMin();
                int fromMax = now.cntlidMax();
                step(scope, "set controller ids of " + nqn + " to " + node.cntlidMin() + "-" + node.cntlidMax(),
                        List.of(), () -> target.setCntlidRange(nqn, node.cntlidMin(), node.cntlidMax(), fromMin,
                                fromMax));
            }
            for (Desired.Namespace namespace : wanted.namespaces()) {
                namespace(nqn, now, namespace);
            }
            for (String host : new TreeSet<>(wanted.hostNqns())) {
                if (!now.allowedHosts().contains(host)) {
                    step(scope, "allow host " + host + " on " + nqn, List.of(hostScope(host)),
                            () -> target.allowHost(nqn, host));
                }
            }
        }

        private void namespace(String nqn, TargetState.Subsystem subsystem, Desired.Namespace wanted) {
            String scope = subsystemScope(nqn);
            int nsid = wanted.nsid();
            String where = "namespace " + nsid + " of " + nqn;
            if (desired.replica(wanted.replica()) == null) {
                step(scope, where, List.of(), () -> {
                    throw new IOException("its replica " + wanted.replica() + " is not among this node's replicas");
                });
                return;
            }
            List<String> requires = List.of(replicaScope(wanted.replica()));
            String path = backing.devicePath(wanted.replica());
            TargetState.Namespace now = subsystem.namespaces().get(nsid);
            if (now == null) {
                step(scope, "add " + where, requires, () -> target.addNamespace(nqn, nsid));
                now = new TargetState.Namespace("", "", false);
            }
            boolean newPath = !path.equals(now.devicePath());
            boolean newUuid = !wanted.uuid().toLowerCase(Locale.ROOT).equals(now.deviceUuid().toLowerCase(Locale.ROOT));
            if ((newPath || newUuid) && now.enabled()) {
                step(scope, "disable " + where, requires, () -> target.disableNamespace(nqn, nsid));
            }
            if (newPath) {
                step(scope, "set device_path of " + where + " to " + path, requires,
                        () -> target.setDevicePath(nqn, nsid, path));
            }
            if (newUuid) {
                step(scope, "set device_uuid of " + where + " to " + wanted.uuid(), requires,
                        () -> target.setDeviceUuid(nqn, nsid, wanted.uuid()));
            }
            if (!now.enabled() || newPath || newUuid) {
                step(scope, "enable " + where, requires, () -> target.enableNamespace(nqn, nsid));
            } else if (grown.contains(wanted.replica()) || revalidateAll) {
                step(scope, "revalidate the size of " + where + (grown.contains(wanted.replica()) ? ""
                        : " (every agent's first pass: a grow may have been cut short)"), requires,
                        () -> target.revalidateNamespace(nqn, nsid));
            }
        }

        /** Chooses a Strata port per portal: the one with its address, else an unused one, else a new id. */
        private Map<Integer, TargetState.Address> ports() {
            Map<Integer, TargetState.Address> chosen = new TreeMap<>();
            List<TargetState.Address> wanted = new ArrayList<>(new LinkedHashSet<>(
                    desired.node().portals().stream().map(Reconciler::address).toList()));
            List<TargetState.Address> unplaced = new ArrayList<>();
            for (TargetState.Address address : wanted) {
                Integer match = new TreeMap<>(current.ports()).entrySet().stream()
                        .filter(e -> e.getValue().address().equals(address) && !chosen.containsKey(e.getKey()))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
                if (match == null) {
                    unplaced.add(address);
                } else {
                    chosen.put(match, address);
                }
            }
            for (TargetState.Address address : unplaced) {
                Integer reuse = new TreeMap<>(current.ports()).entrySet().stream()
                        .filter(e -> !chosen.containsKey(e.getKey()) && e.getValue().subsystems().isEmpty()
                                && !wanted.contains(e.getValue().address()))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
                int id;
                if (reuse != null) {
                    id = reuse;
                } else {
                    id = TargetState.FIRST_PORT_ID;
                    while (id <= TargetState.LAST_PORT_ID && (current.ports().containsKey(id) || chosen.containsKey(id))) {
                        id++;
                    }
                    if (id > TargetState.LAST_PORT_ID) {
                        continue;
                    }
                    int newId = id;
                    step(portScope(newId), "add port " + newId, List.of(), () -> target.addPort(newId));
                }
                chosen.put(id, address);
                TargetState.Address from = reuse == null ? new TargetState.Address("", "", "", "")
                        : current.ports().get(reuse).address();
                int portId = id;
                step(portScope(id), "set the address of port " + id + " to " + address.trtype() + " "
                        + address.traddr() + ":" + address.trsvcid(), List.of(),
                        () -> target.setPortAddress(portId, address, from));
            }
            return chosen;
        }

        private void removals(Set<Integer> keptPorts, Set<String> wantedHosts) {
            Map<String, Desired.Subsystem> wantedSubsystems = new HashMap<>();
            desired.subsystems().forEach(s -> wantedSubsystems.put(s.nqn(), s));
            Set<String> released = new HashSet<>();
            for (Map.Entry<Integer, TargetState.Port> port : new TreeMap<>(current.ports()).entrySet()) {
                int id = port.getKey();
                boolean kept = keptPorts.contains(id);
                Set<String> remaining = new HashSet<>(port.getValue().subsystems());
                for (String nqn : new TreeSet<>(port.getValue().subsystems())) {
                    if (!nqn.startsWith(Naming.PREFIX) || (kept && wantedSubsystems.containsKey(nqn))) {
                        continue;
                    }
                    remaining.remove(nqn);
                    String scope = wantedSubsystems.containsKey(nqn) ? subsystemScope(nqn) : removalScope(nqn);
                    step(scope, "unlink " + nqn + " from port " + id, List.of(), () -> target.unlinkPort(id, nqn));
                }
                if (!kept && remaining.isEmpty()) {
                    List<String> requires = port.getValue().subsystems().stream()
                            .map(n -> wantedSubsystems.containsKey(n) ? subsystemScope(n) : removalScope(n)).toList();
                    step(portScope(id), "remove port " + id, requires, () -> target.removePort(id));
                }
            }
            Map<String, List<String>> hostUsers = new HashMap<>();
            for (Map.Entry<String, TargetState.Subsystem> entry : new TreeMap<>(current.subsystems()).entrySet()) {
                String nqn = entry.getKey();
                TargetState.Subsystem now = entry.getValue();
                Desired.Subsystem wanted = wantedSubsystems.get(nqn);
                String scope = wanted == null ? removalScope(nqn) : subsystemScope(nqn);
                Set<Integer> keptNamespaces = new HashSet<>();
                Set<String> keptHosts = new HashSet<>();
                if (wanted != null) {
                    wanted.namespaces().forEach(n -> keptNamespaces.add(n.nsid()));
                    keptHosts.addAll(wanted.hostNqns());
                }
                for (String host : new TreeSet<>(now.allowedHosts())) {
                    if (!keptHosts.contains(host)) {
                        hostUsers.computeIfAbsent(host, h -> new ArrayList<>()).add(scope);
                        step(scope, "disallow host " + host + " on " + nqn, List.of(),
                                () -> target.disallowHost(nqn, host));
                    }
                }
                for (Map.Entry<Integer, TargetState.Namespace> namespace : new TreeMap<>(now.namespaces()).entrySet()) {
                    int nsid = namespace.getKey();
                    if (keptNamespaces.contains(nsid)) {
                        continue;
                    }
                    released.add(namespace.getValue().devicePath());
                    if (namespace.getValue().enabled()) {
                        step(scope, "disable namespace " + nsid + " of " + nqn, List.of(),
                                () -> target.disableNamespace(nqn, nsid));
                    }
                    step(scope, "remove namespace " + nsid + " of " + nqn, List.of(),
                            () -> target.removeNamespace(nqn, nsid));
                }
                if (wanted == null) {
                    step(scope, "remove subsystem " + nqn, List.of(), () -> target.removeSubsystem(nqn));
                }
            }
            for (String host : new TreeSet<>(current.hosts())) {
                if (wantedHosts.contains(host) || current.hostsLinkedElsewhere().contains(host)) {
                    continue;
                }
                // No desired subsystem grants it, so every Strata subsystem that links it unlinks it above.
                step(hostScope(host), "remove host " + host, hostUsers.getOrDefault(host, List.of()),
                        () -> target.removeHost(host));
            }
            Set<String> inUse = new HashSet<>();
            current.subsystems().values().forEach(s -> s.namespaces().values().forEach(n -> inUse.add(n.devicePath())));
            inUse.removeAll(released);
            Set<String> stillWanted = new HashSet<>();
            desired.subsystems().forEach(s -> s.namespaces().forEach(n -> stillWanted.add(n.replica())));
            for (String retired : new TreeSet<>(desired.retiredReplicas())) {
                BackingStore.Backing found = inventory.get(retired);
                if (found == null) {
                    continue;
                }
                String scope = retiredScope(retired);
                if (stillWanted.contains(retired) || inUse.contains(backing.devicePath(retired))) {
                    step(scope, "remove " + found.name(), List.of(), () -> {
                        throw new IOException("it is still exported by a namespace; kept");
                    });
                    continue;
                }
                List<String> requires = new ArrayList<>();
                current.subsystems().forEach((nqn, s) -> s.namespaces().values().forEach(n -> {
                    if (n.devicePath().equals(backing.devicePath(retired))) {
                        requires.add(wantedSubsystems.containsKey(nqn) ? subsystemScope(nqn) : removalScope(nqn));
                    }
                }));
                step(scope, "remove retired " + found.name() + " (" + found.sizeBytes() + " bytes)", requires,
                        () -> backing.remove(retired));
            }
        }
    }

    static TargetState.Address address(Desired.Portal portal) {
        String family = portal.ip().contains(":") ? "ipv6" : "ipv4";
        return new TargetState.Address(portal.transport().toLowerCase(Locale.ROOT), family, portal.ip(),
                Integer.toString(portal.port()));
    }
}
