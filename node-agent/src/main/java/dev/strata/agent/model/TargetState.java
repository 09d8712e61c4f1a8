package dev.strata.agent.model;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the NVMe target holds, read back: the host entries, Strata's subsystems (by its NQN prefix)
 * and Strata's ports (by their id range). Attributes never written read as the kernel's defaults.
 */
public record TargetState(Set<String> hosts, Map<String, Subsystem> subsystems, Map<Integer, Port> ports,
        Set<String> hostsLinkedElsewhere) {

    /** Strata's ports are {@code ports/<id>} with an id in this range; every other port is left alone. */
    public static final int FIRST_PORT_ID = 61000;
    public static final int LAST_PORT_ID = 61999;

    /** The kernel's controller-id range of a new subsystem (NVME_CNTLID_MIN, NVME_CNTLID_MAX). */
    public static final int DEFAULT_CNTLID_MIN = 1;
    public static final int DEFAULT_CNTLID_MAX = 0xffef;

    public TargetState {
        hosts = Set.copyOf(hosts);
        subsystems = Map.copyOf(subsystems);
        ports = Map.copyOf(ports);
        hostsLinkedElsewhere = Set.copyOf(hostsLinkedElsewhere);
    }

    public record Subsystem(boolean allowAnyHost, String serial, int cntlidMin, int cntlidMax,
            Set<String> allowedHosts, Map<Integer, Namespace> namespaces) {
        public Subsystem {
            allowedHosts = Set.copyOf(allowedHosts);
            namespaces = Map.copyOf(namespaces);
        }
    }

    public record Namespace(String devicePath, String deviceUuid, boolean enabled) {
    }

    /** A port's address; an attribute never written is the empty string. */
    public record Address(String trtype, String adrfam, String traddr, String trsvcid) {
        public boolean complete() {
            return !trtype.isEmpty() && !adrfam.isEmpty() && !traddr.isEmpty() && !trsvcid.isEmpty();
        }
    }

    /** {@code subsystems}: every subsystem linked into the port, Strata's or not. */
    public record Port(Address address, Set<String> subsystems) {
        public Port {
            subsystems = Set.copyOf(subsystems);
        }
    }

    public Optional<Subsystem> subsystem(String nqn) {
        return Optional.ofNullable(subsystems.get(nqn));
    }
}
