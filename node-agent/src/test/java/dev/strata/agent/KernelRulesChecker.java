package dev.strata.agent;

import dev.strata.agent.adapters.ConfigfsTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A test's nvmet: records every change the target adapter makes (mkdir, write, symlink, unlink,
 * rmdir), checks each against the kernel's rules as a model of nvmet's configfs, and fails the
 * test on the first breach. Changes that pass go on to the directory below. The rules are those of
 * API.md §8 as verified in the kernel's drivers/nvme/target/configfs.c (see docs/decisions.md).
 *
 * <p>{@link #crashAfter(int)} stops the agent after a given number of changes, as a crash would.
 */
public final class KernelRulesChecker implements ConfigfsTree {

    /** Thrown in place of the change after the last one allowed: the agent stops there. */
    public static final class InjectedCrash extends Error {
        InjectedCrash(int done) {
            super("crash injected after " + done + " changes");
        }
    }

    private static final String DISCOVERY_NQN = "nqn.2014-08.org.nvmexpress.discovery";
    private static final Set<String> TRTYPES = Set.of("rdma", "fc", "tcp", "pci", "loop");
    private static final Set<String> ADRFAMS = Set.of("pcie", "ipv4", "ipv6", "ib", "fc", "pci", "loop");
    private static final List<String> SUBSYSTEM_GROUPS = List.of("namespaces", "allowed_hosts");
    private static final List<String> PORT_GROUPS = List.of("subsystems", "referrals", "ana_groups", "ana_groups/1");

    private static final class Namespace {
        String devicePath;
        boolean enabled;
    }

    private static final class Subsystem {
        boolean allowAnyHost;
        int cntlidMin = 1;
        int cntlidMax = 0xffef;
        final Set<String> hosts = new LinkedHashSet<>();
        final Map<Integer, Namespace> namespaces = new HashMap<>();
    }

    private static final class Port {
        final Map<String, String> address = new HashMap<>();
        final Set<String> subsystems = new LinkedHashSet<>();
    }

    private final ConfigfsTree below;
    private final List<String> operations = new ArrayList<>();
    private final Set<String> hosts = new LinkedHashSet<>();
    private final Map<String, Subsystem> subsystems = new HashMap<>();
    private final Map<Integer, Port> ports = new HashMap<>();
    private int crashAfter = -1;
    private int changes;

    public KernelRulesChecker(ConfigfsTree below) {
        this.below = below;
    }

    /** Every change so far, as {@code "mkdir subsystems/…"}, {@code "write …/enable 1"}, … */
    public List<String> operations() {
        return List.copyOf(operations);
    }

    /** How many changes went through (notes of {@link #note} not counted). */
    public int changes() {
        return changes;
    }

    /** Lets {@code n} more changes through, then stops the agent; a negative {@code n}: no crash. */
    public void crashAfter(int n) {
        crashAfter = n < 0 ? -1 : changes + n;
    }

    /** The kernel's state is gone (a reboot emptied configfs). */
    public void reboot() {
        hosts.clear();
        subsystems.clear();
        ports.clear();
    }

    /** Notes a change made elsewhere (the backing store), to check the order against. */
    public void note(String operation) {
        operations.add(operation);
    }

    private void change(String operation) {
        if (crashAfter >= 0 && changes >= crashAfter) {
            throw new InjectedCrash(changes);
        }
        changes++;
        operations.add(operation);
    }

    private static AssertionError breach(String rule, String operation) {
        return new AssertionError("kernel rule broken by '" + operation + "': " + rule);
    }

    private static List<String> parts(Path path) {
        List<String> parts = new ArrayList<>();
        path.forEach(p -> parts.add(p.toString()));
        return parts;
    }

    private Subsystem subsystem(String nqn, String operation) {
        Subsystem s = subsystems.get(nqn);
        if (s == null) {
            throw breach("no subsystem " + nqn, operation);
        }
        return s;
    }

    private Namespace namespace(Subsystem s, String nsid, String operation) {
        Namespace ns = s.namespaces.get(Integer.parseInt(nsid));
        if (ns == null) {
            throw breach("no namespace " + nsid, operation);
        }
        return ns;
    }

    private Port port(String id, String operation) {
        Port p = ports.get(Integer.parseInt(id));
        if (p == null) {
            throw breach("no port " + id, operation);
        }
        return p;
    }

    @Override
    public void mkdir(Path group, String... defaultGroups) throws IOException {
        String op = "mkdir " + group;
        List<String> p = parts(group);
        List<String> defaults = List.of(defaultGroups);
        change(op);
        if (p.size() == 2 && p.get(0).equals("hosts")) {
            expect(defaults, List.of(), op);
            if (!hosts.add(p.get(1))) {
                throw breach("EEXIST", op);
            }
        } else if (p.size() == 2 && p.get(0).equals("subsystems")) {
            expect(defaults, SUBSYSTEM_GROUPS, op);
            if (p.get(1).equals(DISCOVERY_NQN)) {
                throw breach("nvmet_subsys_make: no discovery subsystem through configfs", op);
            }
            if (subsystems.putIfAbsent(p.get(1), new Subsystem()) != null) {
                throw breach("EEXIST", op);
            }
        } else if (p.size() == 4 && p.get(0).equals("subsystems") && p.get(2).equals("namespaces")) {
            expect(defaults, List.of(), op);
            Subsystem s = subsystem(p.get(1), op);
            long nsid = Long.parseLong(p.get(3));
            if (nsid == 0 || nsid >= 0xffffffffL) {
                throw breach("nvmet_ns_make: nsid 0 and NSID_ALL are invalid", op);
            }
            if (s.namespaces.putIfAbsent((int) nsid, new Namespace()) != null) {
                throw breach("EEXIST", op);
            }
        } else if (p.size() == 2 && p.get(0).equals("ports")) {
            expect(defaults, PORT_GROUPS, op);
            int id = Integer.parseInt(p.get(1));
            if (id < 0 || id > 0xffff) {
                throw breach("nvmet_ports_make: a port id is a u16", op);
            }
            if (ports.putIfAbsent(id, new Port()) != null) {
                throw breach("EEXIST", op);
            }
        } else {
            throw breach("not a group anyone may make", op);
        }
        below.mkdir(group, defaultGroups);
    }

    private static void expect(List<String> given, List<String> kernel, String op) {
        if (!given.equals(kernel)) {
            throw breach("the kernel's default groups here are " + kernel + ", not " + given, op);
        }
    }

    @Override
    public void write(Path attribute, String value) throws IOException {
        String op = "write " + attribute + " " + value;
        List<String> p = parts(attribute);
        change(op);
        if (p.size() == 3 && p.get(0).equals("subsystems")) {
            Subsystem s = subsystem(p.get(1), op);
            switch (p.get(2)) {
                case "attr_allow_any_host" -> {
                    if (!value.equals("0") && !value.equals("1")) {
                        throw breach("kstrtobool", op);
                    }
                    if (value.equals("1") && !s.hosts.isEmpty()) {
                        throw breach("allow_any_host_store: not while explicit hosts are set", op);
                    }
                    s.allowAnyHost = value.equals("1");
                }
                case "attr_serial" -> {
                    if (linked(p.get(1))) {
                        throw breach("attr_serial_store: not once discovered (set before any host connects)", op);
                    }
                    if (value.isEmpty() || value.length() > 20 || !value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
                        throw breach("attr_serial_store: 1-20 printable ASCII characters", op);
                    }
                }
                case "attr_cntlid_min" -> {
                    int min = Integer.parseInt(value);
                    if (min == 0 || min > s.cntlidMax) {
                        throw breach("cntlid_min_store: not 0, not above cntlid_max " + s.cntlidMax, op);
                    }
                    s.cntlidMin = min;
                }
                case "attr_cntlid_max" -> {
                    int max = Integer.parseInt(value);
                    if (max == 0 || max < s.cntlidMin) {
                        throw breach("cntlid_max_store: not 0, not below cntlid_min " + s.cntlidMin, op);
                    }
                    s.cntlidMax = max;
                }
                default -> throw breach("no such subsystem attribute", op);
            }
        } else if (p.size() == 5 && p.get(0).equals("subsystems") && p.get(2).equals("namespaces")) {
            Namespace ns = namespace(subsystem(p.get(1), op), p.get(3), op);
            switch (p.get(4)) {
                case "device_path" -> {
                    if (ns.enabled) {
                        throw breach("device_path_store: EBUSY while the namespace is enabled", op);
                    }
                    if (value.isEmpty()) {
                        throw breach("device_path_store: empty path", op);
                    }
                    ns.devicePath = value;
                }
                case "device_uuid" -> {
                    if (ns.enabled) {
                        throw breach("device_uuid_store: EBUSY while the namespace is enabled", op);
                    }
                    UUID.fromString(value);
                }
                case "enable" -> {
                    if (value.equals("1")) {
                        if (ns.devicePath == null) {
                            throw breach("enable before device_path (§8: device_path and device_uuid first)", op);
                        }
                        ns.enabled = true;
                    } else if (value.equals("0")) {
                        ns.enabled = false;
                    } else {
                        throw breach("kstrtobool", op);
                    }
                }
                case "revalidate_size" -> {
                    if (!value.equals("1") || !ns.enabled) {
                        throw breach("revalidate_size_store: only 1, only on an enabled namespace", op);
                    }
                }
                default -> throw breach("no such namespace attribute", op);
            }
        } else if (p.size() == 3 && p.get(0).equals("ports")) {
            Port port = port(p.get(1), op);
            if (!port.subsystems.isEmpty()) {
                throw breach("nvmet_addr_*_store: EACCES while the port is enabled (a subsystem is linked)", op);
            }
            switch (p.get(2)) {
                case "addr_trtype" -> {
                    if (!TRTYPES.contains(value)) {
                        throw breach("addr_trtype_store: unknown transport", op);
                    }
                }
                case "addr_adrfam" -> {
                    if (!ADRFAMS.contains(value)) {
                        throw breach("addr_adrfam_store: unknown family", op);
                    }
                }
                case "addr_traddr", "addr_trsvcid" -> {
                    if (value.isEmpty()) {
                        throw breach("empty address", op);
                    }
                }
                default -> throw breach("no such port attribute", op);
            }
            port.address.put(p.get(2), value);
        } else {
            throw breach("no such attribute", op);
        }
        below.write(attribute, value);
    }

    private boolean linked(String nqn) {
        return ports.values().stream().anyMatch(p -> p.subsystems.contains(nqn));
    }

    @Override
    public void symlink(Path link, Path target) throws IOException {
        String op = "symlink " + link + " -> " + target;
        List<String> p = parts(link);
        List<String> t = parts(target);
        change(op);
        if (p.size() == 4 && p.get(0).equals("subsystems") && p.get(2).equals("allowed_hosts")) {
            Subsystem s = subsystem(p.get(1), op);
            if (t.size() != 2 || !t.get(0).equals("hosts") || !hosts.contains(t.get(1))) {
                throw breach("allowed_hosts_allow_link: can only link hosts", op);
            }
            if (s.allowAnyHost) {
                throw breach("allowed_hosts_allow_link: not while allow_any_host is set", op);
            }
            if (!s.hosts.add(t.get(1))) {
                throw breach("allowed_hosts_allow_link: EEXIST", op);
            }
        } else if (p.size() == 4 && p.get(0).equals("ports") && p.get(2).equals("subsystems")) {
            Port port = port(p.get(1), op);
            if (t.size() != 2 || !t.get(0).equals("subsystems") || !subsystems.containsKey(t.get(1))) {
                throw breach("port_subsys_allow_link: can only link subsystems", op);
            }
            if (port.subsystems.isEmpty() && !(port.address.containsKey("addr_trtype")
                    && port.address.containsKey("addr_adrfam") && port.address.containsKey("addr_traddr")
                    && port.address.containsKey("addr_trsvcid"))) {
                throw breach("the first link enables the port: its address comes first (§8)", op);
            }
            if (!port.subsystems.add(t.get(1))) {
                throw breach("port_subsys_allow_link: EEXIST", op);
            }
        } else {
            throw breach("no links here", op);
        }
        below.symlink(link, target);
    }

    @Override
    public void unlink(Path link) throws IOException {
        String op = "unlink " + link;
        List<String> p = parts(link);
        change(op);
        boolean removed;
        if (p.size() == 4 && p.get(0).equals("subsystems") && p.get(2).equals("allowed_hosts")) {
            removed = subsystem(p.get(1), op).hosts.remove(p.get(3));
        } else if (p.size() == 4 && p.get(0).equals("ports") && p.get(2).equals("subsystems")) {
            removed = port(p.get(1), op).subsystems.remove(p.get(3));
        } else {
            throw breach("no links here", op);
        }
        if (!removed) {
            throw breach("ENOENT", op);
        }
        below.unlink(link);
    }

    @Override
    public void rmdir(Path group, String... defaultGroups) throws IOException {
        String op = "rmdir " + group;
        List<String> p = parts(group);
        List<String> defaults = List.of(defaultGroups);
        change(op);
        if (p.size() == 2 && p.get(0).equals("hosts")) {
            expect(defaults, List.of(), op);
            if (subsystems.values().stream().anyMatch(s -> s.hosts.contains(p.get(1)))) {
                throw breach("a host still allowed by a subsystem (§8: removal runs in reverse)", op);
            }
            if (!hosts.remove(p.get(1))) {
                throw breach("ENOENT", op);
            }
        } else if (p.size() == 2 && p.get(0).equals("subsystems")) {
            expect(defaults, SUBSYSTEM_GROUPS, op);
            Subsystem s = subsystem(p.get(1), op);
            if (!s.namespaces.isEmpty() || !s.hosts.isEmpty()) {
                throw breach("ENOTEMPTY: namespaces or allowed hosts remain", op);
            }
            if (linked(p.get(1))) {
                throw breach("a subsystem still linked into a port (§8: removal runs in reverse)", op);
            }
            subsystems.remove(p.get(1));
        } else if (p.size() == 4 && p.get(0).equals("subsystems") && p.get(2).equals("namespaces")) {
            expect(defaults, List.of(), op);
            Subsystem s = subsystem(p.get(1), op);
            Namespace ns = namespace(s, p.get(3), op);
            if (ns.enabled) {
                throw breach("an enabled namespace (§8: enable = 0 first, removal runs in reverse)", op);
            }
            s.namespaces.remove(Integer.parseInt(p.get(3)));
        } else if (p.size() == 2 && p.get(0).equals("ports")) {
            expect(defaults, PORT_GROUPS, op);
            if (!port(p.get(1), op).subsystems.isEmpty()) {
                throw breach("ENOTEMPTY: subsystems still linked", op);
            }
            ports.remove(Integer.parseInt(p.get(1)));
        } else {
            throw breach("not a group anyone may remove", op);
        }
        below.rmdir(group, defaultGroups);
    }

    @Override
    public Optional<String> read(Path attribute) throws IOException {
        return below.read(attribute);
    }

    @Override
    public List<String> groups(Path group) throws IOException {
        return below.groups(group);
    }

    @Override
    public List<String> links(Path group) throws IOException {
        return below.links(group);
    }

    @Override
    public boolean exists(Path path) {
        return below.exists(path);
    }
}
