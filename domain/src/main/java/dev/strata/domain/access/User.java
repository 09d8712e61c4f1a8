package dev.strata.domain.access;

import dev.strata.domain.node.NodeId;
import dev.strata.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A local user: who may sign in with a password, with which roles, confined to which tenant. */
public final class User {

    private final UserId id;
    private UserName name;
    private PasswordHash password;
    private boolean enabled;
    private Optional<TenantId> tenant;
    private Set<RoleName> roles;
    private final Instant createdAt;
    private Optional<NodeId> node = Optional.empty();

    private User(UserId id, UserName name, PasswordHash password, boolean enabled, Optional<TenantId> tenant,
                 Set<RoleName> roles, Instant createdAt) {
        this.id = Objects.requireNonNull(id);
        this.name = Objects.requireNonNull(name);
        this.password = Objects.requireNonNull(password);
        this.enabled = enabled;
        this.tenant = Objects.requireNonNull(tenant);
        this.roles = Set.copyOf(roles);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public static User create(UserId id, UserName name, PasswordHash password, Set<RoleName> roles,
                              Optional<TenantId> tenant, Instant now) {
        return new User(id, name, password, true, tenant, roles, now);
    }

    /** For the persistence mapper only. */
    public static User restore(UserId id, UserName name, PasswordHash password, boolean enabled,
                               Optional<TenantId> tenant, Set<RoleName> roles, Instant createdAt) {
        return new User(id, name, password, enabled, tenant, roles, createdAt);
    }

    public void rename(UserName newName) {
        name = Objects.requireNonNull(newName);
    }

    public void changePassword(PasswordHash newPassword) {
        password = Objects.requireNonNull(newPassword);
    }

    public void enable() {
        enabled = true;
    }

    public void disable() {
        enabled = false;
    }

    public void confineTo(Optional<TenantId> newTenant) {
        tenant = Objects.requireNonNull(newTenant);
    }

    /** Binds the user to a storage node (its agent's user), or unbinds it when empty. */
    public void bindToNode(Optional<NodeId> newNode) {
        node = Objects.requireNonNull(newNode);
    }

    /** The storage node this user acts for, if bound to one. */
    public Optional<NodeId> node() {
        return node;
    }

    public void assignRoles(Set<RoleName> newRoles) {
        roles = Set.copyOf(newRoles);
    }

    public boolean hasRole(RoleName role) {
        return roles.stream().anyMatch(role::sameAs);
    }

    public UserId id() {
        return id;
    }

    public UserName name() {
        return name;
    }

    public PasswordHash password() {
        return password;
    }

    public boolean enabled() {
        return enabled;
    }

    public Optional<TenantId> tenant() {
        return tenant;
    }

    public Set<RoleName> roles() {
        return roles;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
