package dev.strata.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.application.mother.AccessFixture;
import dev.strata.application.mother.Principals;
import dev.strata.application.port.in.access.CreateUserCommand;
import dev.strata.application.port.in.access.IdentityRef;
import dev.strata.application.port.in.access.UpdateRoleCommand;
import dev.strata.application.port.in.access.UpdateUserCommand;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.access.BuiltInRoles;
import dev.strata.domain.access.Password;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.access.Role;
import dev.strata.domain.access.RoleName;
import dev.strata.domain.access.User;
import dev.strata.domain.access.UserId;
import dev.strata.domain.access.UserName;
import dev.strata.domain.tenant.TenantId;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Users, roles, access tokens and the first start. */
class AccessAdministrationTest {

    private final AccessFixture access = new AccessFixture();
    private final Principal admin = Principals.admin();

    private static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    private static UpdateUserCommand enable(UserId id, boolean enabled) {
        return new UpdateUserCommand(id, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(enabled));
    }

    @Nested
    class FirstStart {

        @Test
        void createsTheBuiltInRolesAndAdmin500() {
            User admin500 = access.users.find(UserId.FIRST).orElseThrow();
            assertThat(admin500.name().value()).isEqualTo("admin");
            assertThat(admin500.roles()).containsExactly(BuiltInRoles.ADMIN);
            assertThat(access.roles.all()).extracting(r -> r.name().value())
                    .containsExactly("admin", "monitor", "network", "node-agent", "storage");
            assertThat(access.roles.find(BuiltInRoles.NODE_AGENT).orElseThrow().privileges())
                    .containsExactly(Privilege.PRIVILEGE_NODE_AGENT);
            assertThat(access.roles.find(BuiltInRoles.ADMIN).orElseThrow().privileges())
                    .contains(Privilege.PRIVILEGE_NODE_AGENT);
            assertThat(access.roles.find(BuiltInRoles.MONITOR).orElseThrow().privileges())
                    .contains(Privilege.PRIVILEGE_CLUSTER_READ, Privilege.PRIVILEGE_HOST_READ)
                    .doesNotContain(Privilege.PRIVILEGE_AUDIT_READ, Privilege.PRIVILEGE_LOCAL_USER_READ,
                            Privilege.PRIVILEGE_ROLE_READ, Privilege.PRIVILEGE_ACCESS_TOKENS_READ,
                            Privilege.PRIVILEGE_BACKEND_WRITE, Privilege.PRIVILEGE_NODE_AGENT);
        }

        @Test
        void makesUpAPasswordOnlyWhenNoneIsGivenAndOnlyOnce() {
            AccessFixture fresh = new AccessFixture();
            fresh.users.remove(UserId.FIRST);
            Optional<String> made = fresh.bootstrap.prepare(Optional.empty());

            assertThat(made).hasValueSatisfying(p -> assertThat(p).hasSizeGreaterThanOrEqualTo(16));
            assertThat(fresh.authentication.authenticate(
                    new dev.strata.application.port.in.access.Credentials.Basic("admin", made.get()),
                    Principals.ORIGIN).name()).isEqualTo("admin");
            assertThat(fresh.bootstrap.prepare(Optional.empty())).as("not on later starts").isEmpty();
        }

        @Test
        void resetsAPasswordOfflineAndEndsThatUsersSessions() {
            String token = access.authentication.login("admin", Password.offered(AccessFixture.ADMIN_PASSWORD),
                    Principals.ORIGIN);
            access.bootstrap.resetPassword(new UserName("ADMIN"), Password.newPassword("p", "recovered-pw"));

            assertRefused(() -> access.authentication.authenticate(
                    new dev.strata.application.port.in.access.Credentials.Bearer(token), Principals.ORIGIN),
                    ErrorCode.UNAUTHORIZED);
            assertThat(access.authentication.login("admin", Password.offered("recovered-pw"), Principals.ORIGIN))
                    .startsWith("session-v1:");
        }
    }

    @Nested
    class Users {

        @Test
        void numbersNewUsersAfter500AndKeepsNamesUniqueWithoutRegardToCase() {
            User bob = access.user("Bob", "bob-password", "storage");

            assertThat(bob.id()).isEqualTo(new UserId("501"));
            assertRefused(() -> access.user("BOB", "other-password"), ErrorCode.ALREADY_EXISTS);
            assertRefused(() -> access.user("carol", "carol-password", "no-such-role"), ErrorCode.INVALID_INPUT);
            assertThat(access.userService.listUsers(admin)).extracting(u -> u.name().value())
                    .containsExactly("admin", "Bob");
        }

        @Test
        void storesRolesAsTheCatalogueSpellsThem() {
            User dee = access.user("dee", "dee-password", "STORAGE");
            assertThat(dee.roles()).containsExactly(BuiltInRoles.STORAGE);
        }

        @Test
        void changesNameRolesTenantAndStateAndRefusesANameInUse() {
            access.transactions.write(() -> access.tenants.add(dev.strata.domain.tenant.Tenant.create(
                    new TenantId("acme"), "Acme", 100 * dev.strata.domain.Bytes.GIB, 0, 0, access.clock.instant())));
            User eve = access.user("eve", "eve-password", "monitor");
            access.user("frank", "frank-password");

            User changed = access.userService.updateUser(admin, new UpdateUserCommand(eve.id(),
                    Optional.of(new UserName("Evelyn")), Optional.empty(), Optional.of(Set.of(BuiltInRoles.STORAGE)),
                    Optional.of(Optional.of(new TenantId("acme"))), Optional.empty()));
            assertThat(changed.name().value()).isEqualTo("Evelyn");
            assertThat(changed.roles()).containsExactly(BuiltInRoles.STORAGE);
            assertThat(changed.tenant()).contains(new TenantId("acme"));

            assertRefused(() -> access.userService.updateUser(admin, new UpdateUserCommand(eve.id(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.of(Optional.of(new TenantId("nowhere"))),
                    Optional.empty())), ErrorCode.INVALID_INPUT);
            assertRefused(() -> access.tenantUser("zed", "zed-password", new TenantId("nowhere")),
                    ErrorCode.INVALID_INPUT);
            User unbound = access.userService.updateUser(admin, new UpdateUserCommand(eve.id(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.of(Optional.empty()), Optional.empty()));
            assertThat(unbound.tenant()).isEmpty();
            assertRefused(() -> access.userService.updateUser(admin, new UpdateUserCommand(eve.id(),
                    Optional.of(new UserName("FRANK")), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty())), ErrorCode.ALREADY_EXISTS);
        }

        @Test
        void neverLosesTheLastAdministrator() {
            assertRefused(() -> access.userService.deleteUser(admin, UserId.FIRST), ErrorCode.IN_USE);
            assertRefused(() -> access.userService.updateUser(admin, enable(UserId.FIRST, false)), ErrorCode.IN_USE);
            assertRefused(() -> access.roleService.removeMember(admin, BuiltInRoles.ADMIN, UserId.FIRST),
                    ErrorCode.IN_USE);

            User second = access.user("root2", "root2-password", "admin");
            access.userService.deleteUser(admin, UserId.FIRST);
            assertThat(access.users.find(UserId.FIRST)).isEmpty();
            assertRefused(() -> access.userService.deleteUser(admin, second.id()), ErrorCode.IN_USE);
        }

        @Test
        void deletingAUserRevokesTheirTokensAndSessions() {
            User gil = access.user("gil", "gil-password", "monitor");
            Principal gilCaller = access.authentication.authenticate(
                    new dev.strata.application.port.in.access.Credentials.Basic("gil", "gil-password"),
                    Principals.ORIGIN);
            access.tokenService.createToken(gilCaller, IdentityRef.byId(gil.id()), Optional.empty());
            access.authentication.login("gil", Password.offered("gil-password"), Principals.ORIGIN);

            access.userService.deleteUser(admin, gil.id());

            assertThat(access.accessTokens.countOf(gil.id())).isZero();
            assertThat(access.sessions.count()).isZero();
        }

        @Test
        void needsTheUserPrivilegesAndChangesNothingWithout() {
            Principal monitor = Principals.withPrivileges(Privilege.PRIVILEGE_CLUSTER_READ);
            assertRefused(() -> access.userService.listUsers(monitor), ErrorCode.FORBIDDEN);
            assertRefused(() -> access.userService.createUser(monitor, new CreateUserCommand(new UserName("x"),
                    Password.newPassword("p", "xxxxxxxx"), Set.of(), Optional.empty())), ErrorCode.FORBIDDEN);
            assertRefused(() -> access.userService.setPassword(monitor, UserId.FIRST,
                    Password.newPassword("p", "yyyyyyyy")), ErrorCode.FORBIDDEN);
            assertThat(access.users.page(0, 10)).hasSize(1);
        }

        @Test
        void refusesWeakPasswords() {
            assertRefused(() -> Password.newPassword("password", "short"), ErrorCode.INVALID_INPUT);
            assertRefused(() -> Password.newPassword("password", "x".repeat(257)), ErrorCode.INVALID_INPUT);
            assertThat(Password.newPassword("password", "long enough").toString()).doesNotContain("long enough");
        }
    }

    @Nested
    class Roles {

        @Test
        void refusesToDeleteOrEmptyABuiltInRoleOrToNarrowAdmin() {
            assertRefused(() -> access.roleService.deleteRole(admin, BuiltInRoles.STORAGE, Optional.empty()),
                    ErrorCode.BUILT_IN_ROLE);
            assertRefused(() -> access.roleService.updateRole(admin, new UpdateRoleCommand(BuiltInRoles.MONITOR,
                    Optional.empty(), Optional.of(Set.of()), Optional.empty())), ErrorCode.BUILT_IN_ROLE);
            assertRefused(() -> access.roleService.updateRole(admin, new UpdateRoleCommand(BuiltInRoles.ADMIN,
                    Optional.empty(), Optional.of(Set.of(Privilege.PRIVILEGE_AUDIT_READ)), Optional.empty())),
                    ErrorCode.BUILT_IN_ROLE);
            Role monitor = access.roleService.updateRole(admin, new UpdateRoleCommand(BuiltInRoles.MONITOR,
                    Optional.of("watchers"), Optional.of(Set.of(Privilege.PRIVILEGE_CLUSTER_READ)), Optional.empty()));
            assertThat(monitor.privileges()).containsExactly(Privilege.PRIVILEGE_CLUSTER_READ);
        }

        @Test
        void createsRolesWithUniqueNamesAndHonoursTheVersionARequestSaw() {
            RoleName auditors = new RoleName("Auditors");
            Role created = access.roleService.createRole(admin, auditors, "read the log",
                    EnumSet.of(Privilege.PRIVILEGE_AUDIT_READ));
            assertRefused(() -> access.roleService.createRole(admin, new RoleName("AUDITORS"), "", Set.of()),
                    ErrorCode.ALREADY_EXISTS);

            Role changed = access.roleService.updateRole(admin, new UpdateRoleCommand(auditors, Optional.of("log"),
                    Optional.empty(), Optional.of(created.version())));
            assertThat(changed.version()).isGreaterThan(created.version());
            assertRefused(() -> access.roleService.updateRole(admin, new UpdateRoleCommand(auditors,
                    Optional.of("stale"), Optional.empty(), Optional.of(created.version()))),
                    ErrorCode.PRECONDITION_FAILED);
            assertRefused(() -> access.roleService.deleteRole(admin, auditors, Optional.of(created.version())),
                    ErrorCode.PRECONDITION_FAILED);
            access.roleService.deleteRole(admin, auditors, Optional.of(changed.version()));
            assertThat(access.roles.find(auditors)).isEmpty();
        }

        @Test
        void addsAndRemovesMembersAndDeletingARoleTakesItFromThem() {
            RoleName oncall = new RoleName("oncall");
            access.roleService.createRole(admin, oncall, "", EnumSet.of(Privilege.PRIVILEGE_HOST_READ));
            User hal = access.user("hal", "hal-password");

            access.roleService.addMember(admin, oncall, IdentityRef.byName(new UserName("HAL")));
            access.roleService.addMember(admin, oncall, IdentityRef.byId(hal.id()));
            assertThat(access.roleService.members(admin, oncall, 0, 10).items()).extracting(User::id)
                    .containsExactly(hal.id());
            assertThat(access.users.find(hal.id()).orElseThrow().roles()).containsExactly(oncall);

            access.roleService.deleteRole(admin, oncall, Optional.empty());
            assertThat(access.users.find(hal.id()).orElseThrow().roles()).isEmpty();
            assertRefused(() -> access.roleService.members(admin, oncall, 0, 10), ErrorCode.NOT_EXISTS);
        }

        @Test
        void pagesMembers() {
            for (int i = 0; i < 3; i++) {
                access.user("m" + i, "member-password", "monitor");
            }
            var first = access.roleService.members(admin, BuiltInRoles.MONITOR, 0, 2);
            assertThat(first.items()).hasSize(2);
            assertThat(first.nextAfter()).contains(first.items().get(1).id().value());
            var rest = access.roleService.members(admin, BuiltInRoles.MONITOR, Long.parseLong(first.nextAfter().get()),
                    2);
            assertThat(rest.items()).hasSize(1);
            assertThat(rest.nextAfter()).isEmpty();
        }
    }

    @Nested
    class AccessTokens {

        private Principal as(String name, String password) {
            return access.authentication.authenticate(
                    new dev.strata.application.port.in.access.Credentials.Basic(name, password), Principals.ORIGIN);
        }

        @Test
        void letsAnyoneManageTheirOwnAndOnlyPrivilegedCallersOthers() {
            User ivy = access.user("ivy", "ivy-password");
            User jon = access.user("jon", "jon-password");
            Principal ivyCaller = as("ivy", "ivy-password");

            var own = access.tokenService.createToken(ivyCaller, IdentityRef.byId(ivy.id()), Optional.empty());
            assertThat(own.view().creator()).map(User::id).contains(ivy.id());
            assertRefused(() -> access.tokenService.createToken(ivyCaller, IdentityRef.byId(jon.id()),
                    Optional.empty()), ErrorCode.FORBIDDEN);
            var jons = access.tokenService.createToken(admin, IdentityRef.byName(new UserName("jon")),
                    Optional.empty());
            assertRefused(() -> access.tokenService.getToken(ivyCaller, jons.view().token().id()), ErrorCode.FORBIDDEN);
            assertRefused(() -> access.tokenService.deleteToken(ivyCaller, jons.view().token().id()),
                    ErrorCode.FORBIDDEN);
            assertRefused(() -> access.tokenService.listTokens(ivyCaller, Optional.of(IdentityRef.byId(jon.id())), "",
                    10), ErrorCode.FORBIDDEN);
            assertThat(access.tokenService.listTokens(ivyCaller, Optional.empty(), "", 10).items())
                    .extracting(v -> v.token().id()).containsExactly(own.view().token().id());
            assertThat(access.tokenService.listTokens(admin, Optional.empty(), "", 10).items()).hasSize(2);
        }

        @Test
        void allowsTwoTokensPerUser() {
            User kim = access.user("kim", "kim-password");
            access.tokenService.createToken(admin, IdentityRef.byId(kim.id()), Optional.empty());
            access.tokenService.createToken(admin, IdentityRef.byId(kim.id()), Optional.empty());

            assertThatThrownBy(() -> access.tokenService.createToken(admin, IdentityRef.byId(kim.id()),
                    Optional.empty())).isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.TOO_MANY_ACCESS_TOKENS);
                        assertThat(e.code().errorClass()).isEqualTo("too_many_access_tokens_error");
                    });
            assertThat(access.accessTokens.countOf(kim.id())).isEqualTo(2);
        }

        @Test
        void refusesAnExpiryInThePast() {
            assertRefused(() -> access.tokenService.createToken(admin, IdentityRef.byId(UserId.FIRST),
                    Optional.of(access.clock.instant().minus(Duration.ofSeconds(1)))), ErrorCode.INVALID_INPUT);
            var token = access.tokenService.createToken(admin, IdentityRef.byId(UserId.FIRST), Optional.empty());
            assertRefused(() -> access.tokenService.modifyToken(admin, token.view().token().id(),
                    Optional.of(Optional.of(access.clock.instant())), Optional.empty()), ErrorCode.INVALID_INPUT);
            var changed = access.tokenService.modifyToken(admin, token.view().token().id(),
                    Optional.of(Optional.of(access.clock.instant().plusSeconds(60))), Optional.empty());
            assertThat(changed.token().expiresAt()).contains(access.clock.instant().plusSeconds(60));
            var forever = access.tokenService.modifyToken(admin, token.view().token().id(),
                    Optional.of(Optional.empty()), Optional.empty());
            assertThat(forever.token().expiresAt()).isEmpty();
        }

        @Test
        void storesOnlyTheHashOfTheSecret() {
            var token = access.tokenService.createToken(admin, IdentityRef.byId(UserId.FIRST), Optional.empty());
            var stored = access.accessTokens.find(token.view().token().id()).orElseThrow();
            assertThat(stored.secretHash()).isEqualTo(access.secrets.hash(token.bearer()))
                    .doesNotContain(token.bearer().substring("access-v1:".length()));
            assertThat(token.toString()).doesNotContain(token.bearer());
        }
    }
}
