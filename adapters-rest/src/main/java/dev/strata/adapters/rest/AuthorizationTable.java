package dev.strata.adapters.rest;

import static dev.strata.domain.access.Privilege.PRIVILEGE_ACCESS_TOKENS_READ;
import static dev.strata.domain.access.Privilege.PRIVILEGE_ACCESS_TOKENS_WRITE;
import static dev.strata.domain.access.Privilege.PRIVILEGE_AUDIT_READ;
import static dev.strata.domain.access.Privilege.PRIVILEGE_BACKEND_READ;
import static dev.strata.domain.access.Privilege.PRIVILEGE_BACKEND_WRITE;
import static dev.strata.domain.access.Privilege.PRIVILEGE_CLUSTER_READ;
import static dev.strata.domain.access.Privilege.PRIVILEGE_HOST_READ;
import static dev.strata.domain.access.Privilege.PRIVILEGE_HOST_WRITE;
import static dev.strata.domain.access.Privilege.PRIVILEGE_LOCAL_USER_READ;
import static dev.strata.domain.access.Privilege.PRIVILEGE_LOCAL_USER_WRITE;
import static dev.strata.domain.access.Privilege.PRIVILEGE_NODE_AGENT;
import static dev.strata.domain.access.Privilege.PRIVILEGE_ROLE_READ;
import static dev.strata.domain.access.Privilege.PRIVILEGE_ROLE_WRITE;
import static dev.strata.domain.access.Privilege.PRIVILEGE_TENANT_READ;
import static dev.strata.domain.access.Privilege.PRIVILEGE_TENANT_WRITE;
import static dev.strata.domain.access.Privilege.PRIVILEGE_VOLUME_READ;
import static dev.strata.domain.access.Privilege.PRIVILEGE_VOLUME_WRITE;

import dev.strata.domain.access.Privilege;
import java.util.List;
import java.util.Optional;

/**
 * Every endpoint and what a caller needs to use it: the one authorization table. The use cases
 * enforce it (each checks its own privilege); a system test calls every row as every kind of
 * caller and fails if behaviour and table differ, or if the server has an endpoint the table lacks.
 * Paths are Jersey's templates, with regular expressions left out.
 */
public final class AuthorizationTable {

    /** What a caller needs. */
    public enum Access {
        /** Nobody needs anything. */
        PUBLIC,
        /** Any authenticated caller. */
        AUTHENTICATED,
        /** The privilege. */
        PRIVILEGE,
        /** Nothing for one's own things (access tokens); the privilege for anybody else's. */
        OWN_OR_PRIVILEGE
    }

    /**
     * @param tenantScoped whether a caller bound to a tenant is confined to it on this endpoint
     */
    public record Rule(String method, String path, Access access, Optional<Privilege> privilege,
                       boolean tenantScoped) {

        public String key() {
            return method + " " + path;
        }
    }

    private static Rule open(String method, String path) {
        return new Rule(method, path, Access.PUBLIC, Optional.empty(), false);
    }

    private static Rule signedIn(String method, String path) {
        return new Rule(method, path, Access.AUTHENTICATED, Optional.empty(), false);
    }

    private static Rule needs(Privilege privilege, String method, String path) {
        return new Rule(method, path, Access.PRIVILEGE, Optional.of(privilege), false);
    }

    /** A path that names a tenant (or may, as {@code [t]/}): a caller bound to a tenant is confined to it. */
    private static Rule inTenant(Privilege privilege, String method, String path) {
        return new Rule(method, path, Access.PRIVILEGE, Optional.of(privilege), true);
    }

    private static Rule ownOr(Privilege privilege, String method, String path) {
        return new Rule(method, path, Access.OWN_OR_PRIVILEGE, Optional.of(privilege), false);
    }

    public static final List<Rule> RULES = List.of(
            open("GET", "/info"),
            open("GET", "/healthz"),
            open("GET", "/readyz"),
            open("GET", "/openapi.json"),
            open("GET", "/v1/version"),
            open("POST", "/v1/session/login"),

            signedIn("POST", "/v1/session/logout"),
            signedIn("GET", "/v1/session/who-am-i"),
            signedIn("POST", "/v1/session/change-password"),

            needs(PRIVILEGE_BACKEND_READ, "GET", "/backends"),
            needs(PRIVILEGE_BACKEND_READ, "GET", "/backends/{persistentID}"),
            needs(PRIVILEGE_BACKEND_WRITE, "POST", "/backends"),
            needs(PRIVILEGE_BACKEND_WRITE, "PUT", "/backends/{persistentID}"),
            needs(PRIVILEGE_BACKEND_WRITE, "DELETE", "/backends/{persistentID}"),

            needs(PRIVILEGE_TENANT_READ, "GET", "/tenants"),
            inTenant(PRIVILEGE_TENANT_READ, "GET", "/tenants/{tenantId}"),
            needs(PRIVILEGE_TENANT_WRITE, "POST", "/tenants"),
            inTenant(PRIVILEGE_TENANT_WRITE, "PUT", "/tenants/{tenantId}"),
            inTenant(PRIVILEGE_TENANT_WRITE, "DELETE", "/tenants/{tenantId}"),

            inTenant(PRIVILEGE_VOLUME_READ, "GET", "/{tenant}volumes"),
            inTenant(PRIVILEGE_VOLUME_READ, "GET", "/{tenant}volumes/{uuid}"),
            inTenant(PRIVILEGE_VOLUME_READ, "GET", "/{tenant}volumes_by_alias/{alias}"),
            inTenant(PRIVILEGE_VOLUME_WRITE, "POST", "/{tenant}volumes"),
            inTenant(PRIVILEGE_VOLUME_WRITE, "PATCH", "/{tenant}volumes/{uuid}"),
            inTenant(PRIVILEGE_VOLUME_WRITE, "DELETE", "/{tenant}volumes/{uuid}"),
            inTenant(PRIVILEGE_VOLUME_WRITE, "POST", "/{tenant}replica/{volUuid}"),
            inTenant(PRIVILEGE_VOLUME_WRITE, "PATCH", "/{tenant}replica/{volUuid}/{replicaUuid}"),
            inTenant(PRIVILEGE_VOLUME_WRITE, "DELETE", "/{tenant}replica/{volUuid}/{replicaUuid}"),
            inTenant(PRIVILEGE_VOLUME_WRITE, "PATCH", "/{tenant}replica/{volUuid}/{replicaUuid}/{state}"),
            inTenant(PRIVILEGE_VOLUME_READ, "GET", "/{tenant}snapshots"),
            inTenant(PRIVILEGE_VOLUME_READ, "GET", "/{tenant}snapshots/{snapshotID}"),
            inTenant(PRIVILEGE_VOLUME_READ, "GET", "/{tenant}snapshots_by_vol/{volUuid}"),
            inTenant(PRIVILEGE_VOLUME_READ, "GET", "/{tenant}snapshots_by_alias/{alias}"),
            inTenant(PRIVILEGE_VOLUME_WRITE, "POST", "/{tenant}snapshots"),
            inTenant(PRIVILEGE_VOLUME_WRITE, "DELETE", "/{tenant}snapshots/{snapshotID}"),
            inTenant(PRIVILEGE_VOLUME_WRITE, "POST", "/{tenant}snapshot_volumes"),
            inTenant(PRIVILEGE_VOLUME_WRITE, "POST", "/{tenant}clone_volume"),

            needs(PRIVILEGE_HOST_WRITE, "POST", "/host_probe"),
            needs(PRIVILEGE_HOST_READ, "GET", "/hosts"),
            needs(PRIVILEGE_HOST_READ, "GET", "/hosts/{uuid}"),
            needs(PRIVILEGE_HOST_WRITE, "DELETE", "/hosts/{uuid}"),
            inTenant(PRIVILEGE_HOST_WRITE, "POST", "/{tenant}publish"),
            inTenant(PRIVILEGE_HOST_WRITE, "POST", "/{tenant}unpublish"),
            needs(PRIVILEGE_HOST_READ, "GET", "/targets"),
            needs(PRIVILEGE_HOST_READ, "GET", "/tasks"),
            needs(PRIVILEGE_HOST_WRITE, "PUT", "/tasks"),
            needs(PRIVILEGE_HOST_WRITE, "DELETE", "/tasks"),
            needs(PRIVILEGE_HOST_WRITE, "POST", "/tasks"),
            inTenant(PRIVILEGE_HOST_WRITE, "POST", "/{tenant}connect"),
            inTenant(PRIVILEGE_HOST_WRITE, "POST", "/{tenant}disconnect"),
            inTenant(PRIVILEGE_VOLUME_WRITE, "POST", "/{tenant}migrate_volume"),
            needs(PRIVILEGE_HOST_WRITE, "POST", "/forward_log"),
            needs(PRIVILEGE_HOST_READ, "GET", "/v1/host-events"),

            needs(PRIVILEGE_CLUSTER_READ, "GET", "/metrics"),
            needs(PRIVILEGE_CLUSTER_READ, "GET", "/v1/cluster/nodes"),
            needs(PRIVILEGE_CLUSTER_READ, "GET", "/v1/cluster/summary"),
            needs(PRIVILEGE_CLUSTER_READ, "GET", "/v1/cluster/nodes/{id}"),

            needs(PRIVILEGE_LOCAL_USER_READ, "GET", "/v1/users"),
            needs(PRIVILEGE_LOCAL_USER_READ, "GET", "/v1/users/{id}"),
            needs(PRIVILEGE_LOCAL_USER_READ, "POST", "/v1/identity/find"),
            needs(PRIVILEGE_LOCAL_USER_WRITE, "POST", "/v1/users"),
            needs(PRIVILEGE_LOCAL_USER_WRITE, "PUT", "/v1/users/{id}"),
            needs(PRIVILEGE_LOCAL_USER_WRITE, "DELETE", "/v1/users/{id}"),
            needs(PRIVILEGE_LOCAL_USER_WRITE, "POST", "/v1/users/{id}/setpassword"),

            needs(PRIVILEGE_ROLE_READ, "GET", "/v1/auth/privileges"),
            needs(PRIVILEGE_ROLE_READ, "GET", "/v1/auth/roles"),
            needs(PRIVILEGE_ROLE_READ, "GET", "/v1/auth/roles/{name}"),
            needs(PRIVILEGE_ROLE_READ, "GET", "/v1/auth/roles/{name}/members"),
            needs(PRIVILEGE_ROLE_WRITE, "POST", "/v1/auth/roles"),
            needs(PRIVILEGE_ROLE_WRITE, "PUT", "/v1/auth/roles/{name}"),
            needs(PRIVILEGE_ROLE_WRITE, "PATCH", "/v1/auth/roles/{name}"),
            needs(PRIVILEGE_ROLE_WRITE, "DELETE", "/v1/auth/roles/{name}"),
            needs(PRIVILEGE_ROLE_WRITE, "POST", "/v1/auth/roles/{name}/members"),
            needs(PRIVILEGE_ROLE_WRITE, "DELETE", "/v1/auth/roles/{name}/members/{authId}"),

            ownOr(PRIVILEGE_ACCESS_TOKENS_WRITE, "POST", "/v1/auth/access-tokens"),
            ownOr(PRIVILEGE_ACCESS_TOKENS_READ, "GET", "/v1/auth/access-tokens"),
            ownOr(PRIVILEGE_ACCESS_TOKENS_READ, "GET", "/v1/auth/access-tokens/{id}"),
            ownOr(PRIVILEGE_ACCESS_TOKENS_WRITE, "PATCH", "/v1/auth/access-tokens/{id}"),
            ownOr(PRIVILEGE_ACCESS_TOKENS_WRITE, "DELETE", "/v1/auth/access-tokens/{id}"),

            needs(PRIVILEGE_AUDIT_READ, "GET", "/v1/audit"),
            // a caller bound to a storage node may act for that node alone
            needs(PRIVILEGE_NODE_AGENT, "GET", "/v1/agent/nodes/{persistentID}/desired"),
            needs(PRIVILEGE_NODE_AGENT, "PUT", "/v1/agent/nodes/{persistentID}/observed"));

    private AuthorizationTable() {
    }

    public static Optional<Rule> find(String method, String path) {
        return RULES.stream().filter(rule -> rule.method().equals(method) && rule.path().equals(path)).findFirst();
    }
}
