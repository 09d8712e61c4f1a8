package dev.strata.agent.adapters;

import dev.strata.agent.model.Naming;
import dev.strata.agent.model.TargetState;
import dev.strata.agent.ports.Target;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The kernel NVMe target (nvmet) through its configfs tree: {@code hosts/}, {@code subsystems/}
 * and {@code ports/}, as nvmetcli lays them out. An attribute never written reads as the kernel's
 * default, so a plain directory and the kernel read back the same.
 */
public final class ConfigfsTarget implements Target {

    private static final String[] SUBSYSTEM_GROUPS = {"namespaces", "allowed_hosts"};
    private static final String[] PORT_GROUPS = {"subsystems", "referrals", "ana_groups", "ana_groups/1"};

    private final ConfigfsTree tree;

    public ConfigfsTarget(ConfigfsTree tree) {
        this.tree = tree;
    }

    private static Path host(String nqn) {
        return Path.of("hosts", nqn);
    }

    private static Path subsystem(String nqn) {
        return Path.of("subsystems", nqn);
    }

    private static Path namespace(String nqn, int nsid) {
        return subsystem(nqn).resolve("namespaces").resolve(Integer.toString(nsid));
    }

    private static Path port(int id) {
        return Path.of("ports", Integer.toString(id));
    }

    @Override
    public TargetState read() throws IOException {
        Set<String> hosts = new HashSet<>(tree.groups(Path.of("hosts")));
        Map<String, TargetState.Subsystem> subsystems = new HashMap<>();
        Set<String> linkedElsewhere = new HashSet<>();
        for (String nqn : tree.groups(Path.of("subsystems"))) {
            Path at = subsystem(nqn);
            if (!nqn.startsWith(Naming.PREFIX)) {
                linkedElsewhere.addAll(tree.links(at.resolve("allowed_hosts")));
                continue;
            }
            Map<Integer, TargetState.Namespace> namespaces = new HashMap<>();
            for (String nsid : tree.groups(at.resolve("namespaces"))) {
                Path ns = at.resolve("namespaces").resolve(nsid);
                namespaces.put(Integer.parseInt(nsid), new TargetState.Namespace(
                        tree.read(ns.resolve("device_path")).orElse(""),
                        tree.read(ns.resolve("device_uuid")).orElse(""),
                        "1".equals(tree.read(ns.resolve("enable")).orElse("0"))));
            }
            subsystems.put(nqn, new TargetState.Subsystem(
                    "1".equals(tree.read(at.resolve("attr_allow_any_host")).orElse("0")),
                    tree.read(at.resolve("attr_serial")).orElse("").strip(),
                    number(tree.read(at.resolve("attr_cntlid_min")).orElse(""), TargetState.DEFAULT_CNTLID_MIN),
                    number(tree.read(at.resolve("attr_cntlid_max")).orElse(""), TargetState.DEFAULT_CNTLID_MAX),
                    new HashSet<>(tree.links(at.resolve("allowed_hosts"))), namespaces));
        }
        Map<Integer, TargetState.Port> ports = new HashMap<>();
        for (String name : tree.groups(Path.of("ports"))) {
            int id = number(name, -1);
            if (id < TargetState.FIRST_PORT_ID || id > TargetState.LAST_PORT_ID) {
                continue;
            }
            Path at = port(id);
            TargetState.Address address = new TargetState.Address(
                    tree.read(at.resolve("addr_trtype")).orElse(""), tree.read(at.resolve("addr_adrfam")).orElse(""),
                    tree.read(at.resolve("addr_traddr")).orElse(""), tree.read(at.resolve("addr_trsvcid")).orElse(""));
            ports.put(id, new TargetState.Port(address, new HashSet<>(tree.links(at.resolve("subsystems")))));
        }
        return new TargetState(hosts, subsystems, ports, linkedElsewhere);
    }

    private static int number(String text, int otherwise) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    @Override
    public void addHost(String hostNqn) throws IOException {
        tree.mkdir(host(hostNqn));
    }

    @Override
    public void removeHost(String hostNqn) throws IOException {
        tree.rmdir(host(hostNqn));
    }

    @Override
    public void addSubsystem(String nqn) throws IOException {
        tree.mkdir(subsystem(nqn), SUBSYSTEM_GROUPS);
        tree.write(subsystem(nqn).resolve("attr_allow_any_host"), "0");
    }

    @Override
    public void denyAnyHost(String nqn) throws IOException {
        tree.write(subsystem(nqn).resolve("attr_allow_any_host"), "0");
    }

    @Override
    public void setSerial(String nqn, String serial) throws IOException {
        tree.write(subsystem(nqn).resolve("attr_serial"), serial);
    }

    @Override
    public void setCntlidRange(String nqn, int min, int max, int currentMin, int currentMax) throws IOException {
        Path at = subsystem(nqn);
        // the kernel refuses a minimum above the current maximum and a maximum below the current minimum
        if (min <= currentMax) {
            if (min != currentMin) {
                tree.write(at.resolve("attr_cntlid_min"), Integer.toString(min));
            }
            if (max != currentMax) {
                tree.write(at.resolve("attr_cntlid_max"), Integer.toString(max));
            }
        } else {
            tree.write(at.resolve("attr_cntlid_max"), Integer.toString(max));
            tree.write(at.resolve("attr_cntlid_min"), Integer.toString(min));
        }
    }

    @Override
    public void allowHost(String nqn, String hostNqn) throws IOException {
        tree.symlink(subsystem(nqn).resolve("allowed_hosts").resolve(hostNqn), host(hostNqn));
    }

    @Override
    public void disallowHost(String nqn, String hostNqn) throws IOException {
        tree.unlink(subsystem(nqn).resolve("allowed_hosts").resolve(hostNqn));
    }

    @Override
    public void addNamespace(String nqn, int nsid) throws IOException {
        tree.mkdir(namespace(nqn, nsid));
    }

    @Override
    public void setDevicePath(String nqn, int nsid, String devicePath) throws IOException {
        tree.write(namespace(nqn, nsid).resolve("device_path"), devicePath);
    }

    @Override
    public void setDeviceUuid(String nqn, int nsid, String uuid) throws IOException {
        tree.write(namespace(nqn, nsid).resolve("device_uuid"), uuid);
    }

    @Override
    public void enableNamespace(String nqn, int nsid) throws IOException {
        tree.write(namespace(nqn, nsid).resolve("enable"), "1");
    }

    @Override
    public void disableNamespace(String nqn, int nsid) throws IOException {
        tree.write(namespace(nqn, nsid).resolve("enable"), "0");
    }

    @Override
    public void revalidateNamespace(String nqn, int nsid) throws IOException {
        tree.write(namespace(nqn, nsid).resolve("revalidate_size"), "1");
    }

    @Override
    public void removeNamespace(String nqn, int nsid) throws IOException {
        tree.rmdir(namespace(nqn, nsid));
    }

    @Override
    public void removeSubsystem(String nqn) throws IOException {
        tree.rmdir(subsystem(nqn), SUBSYSTEM_GROUPS);
    }

    @Override
    public void addPort(int id) throws IOException {
        tree.mkdir(port(id), PORT_GROUPS);
    }

    @Override
    public void setPortAddress(int id, TargetState.Address wanted, TargetState.Address current) throws IOException {
        Path at = port(id);
        if (!wanted.trtype().equals(current.trtype())) {
            tree.write(at.resolve("addr_trtype"), wanted.trtype());
        }
        if (!wanted.adrfam().equals(current.adrfam())) {
            tree.write(at.resolve("addr_adrfam"), wanted.adrfam());
        }
        if (!wanted.traddr().equals(current.traddr())) {
            tree.write(at.resolve("addr_traddr"), wanted.traddr());
        }
        if (!wanted.trsvcid().equals(current.trsvcid())) {
            tree.write(at.resolve("addr_trsvcid"), wanted.trsvcid());
        }
    }

    @Override
    public void linkPort(int id, String nqn) throws IOException {
        tree.symlink(port(id).resolve("subsystems").resolve(nqn), subsystem(nqn));
    }

    @Override
    public void unlinkPort(int id, String nqn) throws IOException {
        tree.unlink(port(id).resolve("subsystems").resolve(nqn));
    }

    @Override
    public void removePort(int id) throws IOException {
        tree.rmdir(port(id), PORT_GROUPS);
    }
}
