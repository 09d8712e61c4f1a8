package dev.strata.application.service;

import dev.strata.application.Page;
import dev.strata.application.port.in.access.AddRoleMemberUseCase;
import dev.strata.application.port.in.access.CreateRoleUseCase;
import dev.strata.application.port.in.access.DeleteRoleUseCase;
import dev.strata.application.port.in.access.GetRoleUseCase;
import dev.strata.application.port.in.access.IdentityRef;
import dev.strata.application.port.in.access.ListPrivilegesUseCase;
import dev.strata.application.port.in.access.ListRoleMembersUseCase;
import dev.strata.application.port.in.access.ListRolesUseCase;
import dev.strata.application.port.in.access.RemoveRoleMemberUseCase;
import dev.strata.application.port.in.access.UpdateRoleCommand;
import dev.strata.application.port.in.access.UpdateRoleUseCase;
import dev.strata.application.port.out.Roles;
import dev.strata.application.port.out.Transactions;
import dev.strata.application.port.out.Users;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.access.Role;
import dev.strata.domain.access.RoleName;
import dev.strata.domain.access.User;
import dev.strata.domain.access.UserId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Roles, their privileges and their members. */
public final class RoleService implements ListRolesUseCase, GetRoleUseCase, CreateRoleUseCase, UpdateRoleUseCase,
        DeleteRoleUseCase, ListRoleMembersUseCase, AddRoleMemberUseCase, RemoveRoleMemberUseCase,
        ListPrivilegesUseCase {

    private final Roles roles;
    private final Users users;
    private final Transactions transactions;
    private final Mutations mutations;

    public RoleService(Roles roles, Users users, Transactions transactions, Mutations mutations) {
        this.roles = roles;
        this.users = users;
        this.transactions = transactions;
        this.mutations = mutations;
    }

    @Override
    public List<Role> listRoles(Principal caller) {
        caller.require(Privilege.PRIVILEGE_ROLE_READ);
        return transactions.read(roles::all);
    }

    @Override
    public Role getRole(Principal caller, RoleName name) {
        caller.require(Privilege.PRIVILEGE_ROLE_READ);
        return transactions.read(() -> existing(name));
    }

    @Override
    public Role createRole(Principal caller, RoleName name, String description, Set<Privilege> privileges) {
        return mutations.perform(caller, Privilege.PRIVILEGE_ROLE_WRITE, "role.create", name.value(), () -> {
            roles.find(name).ifPresent(existing -> {
                throw DomainException.alreadyExists("role " + existing.name() + " exists");
            });
            Role role = Role.create(name, description, privileges);
            roles.add(role);
            return role;
        });
    }

    @Override
    public Role updateRole(Principal caller, UpdateRoleCommand command) {
        return mutations.perform(caller, Privilege.PRIVILEGE_ROLE_WRITE, "role.update", command.name().value(),
                () -> {
                    Role role = existing(command.name());
                    checkVersion(role, command.expectedVersion());
                    command.description().ifPresent(role::describe);
                    command.privileges().ifPresent(role::grantOnly);
                    roles.update(role);
                    return role;
                });
    }

    @Override
    public void deleteRole(Principal caller, RoleName name, Optional<Long> expectedVersion) {
        mutations.perform(caller, Privilege.PRIVILEGE_ROLE_WRITE, "role.delete", name.value(), () -> {
            Role role = existing(name);
            checkVersion(role, expectedVersion);
            role.checkDeletable();
            List<User> members;
            while (!(members = users.withRole(role.name(), 0, 1000)).isEmpty()) {
                for (User member : members) {
                    Set<RoleName> fewer = new HashSet<>(member.roles());
                    fewer.removeIf(role.name()::sameAs);
                    member.assignRoles(fewer);
                    users.update(member);
                }
            }
            roles.remove(role.name());
        });
    }

    @Override
    public Page<User> members(Principal caller, RoleName role, long afterId, int limit) {
        caller.require(Privilege.PRIVILEGE_ROLE_READ);
        return transactions.read(() -> {
            Role existing = existing(role);
            return Page.of(users.withRole(existing.name(), afterId, limit + 1), limit, user -> user.id().value());
        });
    }

    @Override
    public User addMember(Principal caller, RoleName role, IdentityRef member) {
        return mutations.perform(caller, Privilege.PRIVILEGE_ROLE_WRITE, "role.add_member",
                role.value() + " " + member, () -> {
                    Role existing = existing(role);
                    User user = Identities.resolve(users, member);
                    if (!user.hasRole(existing.name())) {
                        Set<RoleName> more = new HashSet<>(user.roles());
                        more.add(existing.name());
                        user.assignRoles(more);
                        users.update(user);
                    }
                    return user;
                });
    }

    @Override
    public void removeMember(Principal caller, RoleName role, UserId member) {
        mutations.perform(caller, Privilege.PRIVILEGE_ROLE_WRITE, "role.remove_member",
                role.value() + " " + member, () -> {
                    Role existing = existing(role);
                    User user = users.find(member).orElseThrow(() -> DomainException.notExists("user " + member
                            + " does not exist"));
                    if (!user.hasRole(existing.name())) {
                        throw DomainException.notExists("user " + member + " is not a member of " + existing.name());
                    }
                    boolean stillAdmin = user.roles().stream()
                            .filter(r -> !r.sameAs(existing.name()))
                            .anyMatch(dev.strata.domain.access.BuiltInRoles.ADMIN::sameAs);
                    AccessRules.keepAnAdministrator(users, user, user.enabled() && stillAdmin);
                    Set<RoleName> fewer = new HashSet<>(user.roles());
                    fewer.removeIf(existing.name()::sameAs);
                    user.assignRoles(fewer);
                    users.update(user);
                });
    }

    @Override
    public List<Privilege> listPrivileges(Principal caller) {
        caller.require(Privilege.PRIVILEGE_ROLE_READ);
        return List.of(Privilege.values());
    }

    private Role existing(RoleName name) {
        return roles.find(name).orElseThrow(() -> DomainException.notExists("role " + name + " does not exist"));
    }

    private static void checkVersion(Role role, Optional<Long> expected) {
        if (expected.isPresent() && expected.get() != role.version()) {
            throw new DomainException(ErrorCode.PRECONDITION_FAILED,
                    "role " + role.name() + " has changed since it was read");
        }
    }
}
