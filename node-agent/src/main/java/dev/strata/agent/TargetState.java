package dev.strata.agent;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the NVMe target holds, read back: the host entries, Strata's subsystems (by its NQN prefix)
 * and Strata's ports (by their id range). Attributes never written read as the kernel's defaults.
 */
public record TargetState(Set<String> hosts, Map<String, Subsystem> subsystems, Map<Integer, Port> ports,
        Set<String> hostsLinkedElsewhere) {

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
