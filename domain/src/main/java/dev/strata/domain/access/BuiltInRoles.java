package dev.strata.domain.access;

import static dev.strata.domain.access.Privilege.PRIVILEGE_AUDIT_READ;
import static dev.strata.domain.access.Privilege.PRIVILEGE_ACCESS_TOKENS_READ;
import static dev.strata.domain.access.Privilege.PRIVILEGE_BACKEND_READ;
import static dev.strata.domain.access.Privilege.PRIVILEGE_BACKEND_WRITE;
import static dev.strata.domain.access.Privilege.PRIVILEGE_CLUSTER_READ;
import static dev.strata.domain.access.Privilege.PRIVILEGE_HOST_READ;
import static dev.strata.domain.access.Privilege.PRIVILEGE_HOST_WRITE;
import static dev.strata.domain.access.Privilege.PRIVILEGE_LOCAL_USER_READ;
import static dev.strata.domain.access.Privilege.PRIVILEGE_NODE_AGENT;
import static dev.strata.domain.access.Privilege.PRIVILEGE_ROLE_READ;
import static dev.strata.domain.access.Privilege.PRIVILEGE_TENANT_READ;
import static dev.strata.domain.access.Privilege.PRIVILEGE_VOLUME_READ;
import static dev.strata.domain.access.Privilege.PRIVILEGE_VOLUME_WRITE;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The five roles every Strata has, as API.md §4 defines them. */
public final class BuiltInRoles {

    public static final RoleName ADMIN = new RoleName("admin");
    public static final RoleName STORAGE = new RoleName("storage");
    public static final RoleName NETWORK = new RoleName("network");
    public static final RoleName MONITOR = new RoleName("monitor");
    public static final RoleName NODE_AGENT = new RoleName("node-agent");

    private BuiltInRoles() {
    }

    public static List<Role> all() {
        return List.of(
                Role.builtIn(ADMIN, "Every privilege", EnumSet.allOf(Privilege.class)),
                Role.builtIn(STORAGE, "Manages tenants' volumes and their hosts", EnumSet.of(PRIVILEGE_CLUSTER_READ,
                        PRIVILEGE_BACKEND_READ, PRIVILEGE_TENANT_READ, PRIVILEGE_VOLUME_READ, PRIVILEGE_VOLUME_WRITE,
                        PRIVILEGE_HOST_READ, PRIVILEGE_HOST_WRITE)),
                Role.builtIn(NETWORK, "Manages storage nodes and their portals", EnumSet.of(PRIVILEGE_CLUSTER_READ,
                        PRIVILEGE_BACKEND_READ, PRIVILEGE_BACKEND_WRITE, PRIVILEGE_VOLUME_READ, PRIVILEGE_HOST_READ)),
                Role.builtIn(MONITOR, "Reads everything but users, roles, tokens and the audit log", monitor()),
                Role.builtIn(NODE_AGENT, "A storage node's agent: reads its node's desired state, reports what it sees",
                        EnumSet.of(PRIVILEGE_NODE_AGENT)));
    }

    private static Set<Privilege> monitor() {
        Set<Privilege> reads = EnumSet.noneOf(Privilege.class);
        for (Privilege privilege : Privilege.values()) {
            if (privilege.name().endsWith("_READ")) {
                reads.add(privilege);
            }
        }
        reads.removeAll(EnumSet.of(PRIVILEGE_LOCAL_USER_READ, PRIVILEGE_ROLE_READ, PRIVILEGE_ACCESS_TOKENS_READ,
                PRIVILEGE_AUDIT_READ));
        return reads;
    }
}
