package dev.strata.domain.access;

import dev.strata.domain.DomainException;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.tenant.TenantId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: the user, how they authenticated, what they may do, which tenant they are bound
 * to (if any), the token they used (if any), and where the request came from.
 *
 * @param userId     the user's id ("" for anonymous and for directory users without one)
 * @param name       the user's name
 * @param method     how this request authenticated
 * @param roles      the names of the caller's roles
 * @param privileges the union of the roles' privileges
 * @param tenant     the tenant the user is confined to, if any
 * @param tokenId    the access token id used, if any
 * @param origin     request id and client address, for the audit log
 * @param node       the storage node the user is bound to (a node agent's user), if any
 */
public record Principal(
        String userId,
        String name,
        AuthMethod method,
        Set<String> roles,
        Set<Privilege> privileges,
        Optional<TenantId> tenant,
        Optional<String> tokenId,
        RequestOrigin origin,
        Optional<NodeId> node) {

    public Principal {
        node = node == null ? Optional.empty() : node;
        roles = Set.copyOf(roles);
        privileges = privileges.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(privileges));
    }

    public static Principal anonymous(RequestOrigin origin) {
        return new Principal("", "", AuthMethod.ANONYMOUS, Set.of(), Set.of(), Optional.empty(),
                Optional.empty(), origin, Optional.empty());
    }

    /** The caller of mode NONE, and of offline administration: an administrator. */
    public static Principal administrator(String name, AuthMethod method, RequestOrigin origin) {
        return new Principal("", name, method, Set.of("admin"), EnumSet.allOf(Privilege.class),
                Optional.empty(), Optional.empty(), origin, Optional.empty());
    }

    /** The same caller, on another request. */
    public Principal withOrigin(RequestOrigin newOrigin) {
        return new Principal(userId, name, method, roles, privileges, tenant, tokenId, newOrigin, node);
    }

    public boolean isAnonymous() {
        return method == AuthMethod.ANONYMOUS;
    }

    public boolean has(Privilege privilege) {
        return privileges.contains(privilege);
    }

    /** Refuses with {@code Unauthorized} when anonymous and {@code Forbidden} when lacking the privilege. */
    public void require(Privilege privilege) {
        if (isAnonymous()) {
            throw DomainException.unauthorized("authentication required");
        }
        if (!has(privilege)) {
            throw DomainException.forbidden("this requires " + privilege.name());
        }
    }

    /**
     * Refuses unless the caller may act as the agent of {@code target}: it needs
     * {@code PRIVILEGE_NODE_AGENT}, and a caller bound to a node may act for that node alone.
     */
    public void requireAgentOf(NodeId target) {
        require(Privilege.PRIVILEGE_NODE_AGENT);
        if (node.isPresent() && !node.get().equals(target)) {
            throw DomainException.forbidden("you may only act for storage node " + node.get());
        }
    }

    /** Refuses anonymous callers; every authenticated user may proceed. */
    public void requireAuthenticated() {
        if (isAnonymous()) {
            throw DomainException.unauthorized("authentication required");
        }
    }

    /**
     * The tenant a request acts on: the one named in the path, or the caller's own when none is
     * named, or the default tenant. A caller bound to a tenant may not name another.
     */
    public TenantId tenantScope(Optional<TenantId> named) {
        if (tenant.isPresent()) {
            TenantId own = tenant.get();
            if (named.isPresent() && !named.get().equals(own)) {
                throw DomainException.forbidden("you may only act on tenant " + own);
            }
            return own;
        }
        return named.orElse(TenantId.DEFAULT);
    }
}
