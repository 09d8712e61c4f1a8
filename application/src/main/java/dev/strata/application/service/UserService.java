package dev.strata.application.service;

import dev.strata.application.port.in.access.CreateUserCommand;
import dev.strata.application.port.in.access.CreateUserUseCase;
import dev.strata.application.port.in.access.DeleteUserUseCase;
import dev.strata.application.port.in.access.FindIdentityUseCase;
import dev.strata.application.port.in.access.GetUserUseCase;
import dev.strata.application.port.in.access.IdentityRef;
import dev.strata.application.port.in.access.ListUsersUseCase;
import dev.strata.application.port.in.access.SetPasswordUseCase;
import dev.strata.application.port.in.access.UpdateUserCommand;
import dev.strata.application.port.in.access.UpdateUserUseCase;
import dev.strata.application.port.out.AccessTokens;
import dev.strata.application.port.out.Nodes;
import dev.strata.application.port.out.PasswordHasher;
import dev.strata.application.port.out.Roles;
import dev.strata.application.port.out.Sessions;
import dev.strata.application.port.out.Tenants;
import dev.strata.application.port.out.Transactions;
import dev.strata.application.port.out.Users;
import dev.strata.domain.DomainException;
import dev.strata.domain.access.BuiltInRoles;
import dev.strata.domain.access.Password;
import dev.strata.domain.access.PasswordHash;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.access.Role;
import dev.strata.domain.access.RoleName;
import dev.strata.domain.access.User;
import dev.strata.domain.access.UserId;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.tenant.TenantId;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Local users: create, read, change, delete, reset passwords, resolve identities. */
public final class UserService implements ListUsersUseCase, GetUserUseCase, CreateUserUseCase, UpdateUserUseCase,
        DeleteUserUseCase, SetPasswordUseCase, FindIdentityUseCase {

    private final Users users;
    private final Roles roles;
    private final Tenants tenants;
    private final Nodes nodes;
    private final Sessions sessions;
    private final AccessTokens accessTokens;
    private final PasswordHasher hasher;
    private final Transactions transactions;
    private final Mutations mutations;
    private final InstantSource clock;

    public UserService(Users users, Roles roles, Tenants tenants, Nodes nodes, Sessions sessions, AccessTokens accessTokens,
                       PasswordHasher hasher, Transactions transactions, Mutations mutations, InstantSource clock) {
        this.users = users;
        this.roles = roles;
        this.tenants = tenants;
        this.nodes = nodes;
        this.sessions = sessions;
        this.accessTokens = accessTokens;
        this.hasher = hasher;
        this.transactions = transactions;
        this.mutations = mutations;
        this.clock = clock;
    }

    @Override
    public List<User> listUsers(Principal caller) {
        caller.require(Privilege.PRIVILEGE_LOCAL_USER_READ);
        return transactions.read(() -> {
            List<User> all = new ArrayList<>();
            List<User> page;
            long after = 0;
            do {
                page = users.page(after, 1000);
                all.addAll(page);
                after = page.isEmpty() ? after : page.get(page.size() - 1).id().number();
            } while (page.size() == 1000);
            return all;
        });
    }

    @Override
    public User getUser(Principal caller, UserId id) {
        caller.require(Privilege.PRIVILEGE_LOCAL_USER_READ);
        return transactions.read(() -> existing(id));
    }

    @Override
    public User findIdentity(Principal caller, IdentityRef identity) {
        caller.require(Privilege.PRIVILEGE_LOCAL_USER_READ);
        return transactions.read(() -> Identities.resolve(users, identity));
    }

    @Override
    public User createUser(Principal caller, CreateUserCommand command) {
        caller.require(Privilege.PRIVILEGE_LOCAL_USER_WRITE);
        PasswordHash hash = hasher.hash(command.password());
        return mutations.perform(caller, Privilege.PRIVILEGE_LOCAL_USER_WRITE, "user.create",
                command.name().value(), () -> {
                    users.findByName(command.name()).ifPresent(existing -> {
                        throw DomainException.alreadyExists("user " + existing.name() + " exists");
                    });
                    command.tenant().ifPresent(this::requireTenant);
                    command.node().ifPresent(this::requireNode);
                    User user = User.create(users.nextId(), command.name(), hash, canonical(command.roles()),
                            command.tenant(), clock.instant());
                    user.bindToNode(command.node());
                    users.add(user);
                    return user;
                });
    }

    @Override
    public User updateUser(Principal caller, UpdateUserCommand command) {
        caller.require(Privilege.PRIVILEGE_LOCAL_USER_WRITE);
        Optional<PasswordHash> hash = command.password().map(hasher::hash);
        return mutations.perform(caller, Privilege.PRIVILEGE_LOCAL_USER_WRITE, "user.update", command.id().value(),
                () -> {
                    User user = existing(command.id());
                    boolean wasEnabled = user.enabled();
                    Set<RoleName> newRoles = command.roles().map(this::canonical).orElse(user.roles());
                    boolean enabledAfter = command.enabled().orElse(user.enabled());
                    AccessRules.keepAnAdministrator(users, user,
                            enabledAfter && newRoles.stream().anyMatch(BuiltInRoles.ADMIN::sameAs));
                    command.name().ifPresent(name -> {
                        users.findByName(name).filter(other -> !other.id().equals(user.id())).ifPresent(other -> {
                            throw DomainException.alreadyExists("user " + other.name() + " exists");
                        });
                        user.rename(name);
                    });
                    user.assignRoles(newRoles);
                    command.tenant().ifPresent(tenant -> {
                        tenant.ifPresent(this::requireTenant);
                        user.confineTo(tenant);
                    });
                    command.node().ifPresent(node -> {
                        node.ifPresent(this::requireNode);
                        user.bindToNode(node);
                    });
                    if (enabledAfter) {
                        user.enable();
                    } else {
                        user.disable();
                    }
                    hash.ifPresent(user::changePassword);
                    users.update(user);
                    if (hash.isPresent() || (wasEnabled && !enabledAfter)) {
                        sessions.removeAllOf(user.id());
                    }
                    return user;
                });
    }

    @Override
    public void deleteUser(Principal caller, UserId id) {
        mutations.perform(caller, Privilege.PRIVILEGE_LOCAL_USER_WRITE, "user.delete", id.value(), () -> {
            User user = existing(id);
            AccessRules.keepAnAdministrator(users, user, false);
            sessions.removeAllOf(id);
            accessTokens.removeAllOf(id);
            users.remove(id);
        });
    }

    @Override
    public void setPassword(Principal caller, UserId id, Password newPassword) {
        caller.require(Privilege.PRIVILEGE_LOCAL_USER_WRITE);
        PasswordHash hash = hasher.hash(newPassword);
        mutations.perform(caller, Privilege.PRIVILEGE_LOCAL_USER_WRITE, "user.set_password", id.value(), () -> {
            User user = existing(id);
            user.changePassword(hash);
            users.update(user);
            sessions.removeAllOf(id);
        });
    }

    /** A user can be bound only to a tenant that exists. */
    private void requireTenant(TenantId tenant) {
        if (tenants.find(tenant).isEmpty()) {
            throw DomainException.invalidInput("tenant " + tenant + " does not exist");
        }
    }

    /** A user can be bound only to a storage node that is registered. */
    private void requireNode(NodeId node) {
        if (nodes.find(node).isEmpty()) {
            throw DomainException.invalidInput("node_id: storage node " + node + " does not exist");
        }
    }

    private User existing(UserId id) {
        return users.find(id).orElseThrow(() -> DomainException.notExists("user " + id + " does not exist"));
    }

    /** The roles as they are spelled in the catalogue; an unknown role is bad input. */
    private Set<RoleName> canonical(Set<RoleName> asked) {
        Set<RoleName> known = new LinkedHashSet<>();
        for (RoleName name : asked) {
            Role role = roles.find(name).orElseThrow(() -> DomainException.invalidInput("role " + name
                    + " does not exist"));
            known.add(role.name());
        }
        return known;
    }
}
