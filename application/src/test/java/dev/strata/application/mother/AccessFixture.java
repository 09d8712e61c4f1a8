package dev.strata.application.mother;

import dev.strata.application.Settings;
import dev.strata.application.fake.FakeDirectory;
import dev.strata.application.fake.FakeIdentityTokens;
import dev.strata.application.fake.InMemoryAccessTokens;
import dev.strata.application.fake.InMemoryLoginFailures;
import dev.strata.application.fake.InMemoryAuditLog;
import dev.strata.application.fake.InMemoryNodes;
import dev.strata.application.fake.InMemoryRoles;
import dev.strata.application.fake.InMemorySessions;
import dev.strata.application.fake.InMemoryTenants;
import dev.strata.application.fake.InMemoryTransactions;
import dev.strata.application.fake.InMemoryUsers;
import dev.strata.application.fake.MutableClock;
import dev.strata.application.fake.TestPasswordHasher;
import dev.strata.application.fake.TestTokenSecrets;
import dev.strata.application.port.in.access.CreateUserCommand;
import dev.strata.application.service.AccessBootstrap;
import dev.strata.application.service.AccessTokenService;
import dev.strata.application.service.AccountService;
import dev.strata.application.service.AuthenticationService;
import dev.strata.application.service.Mutations;
import dev.strata.application.service.RoleService;
import dev.strata.application.service.UserService;
import dev.strata.domain.access.AuthMode;
import dev.strata.domain.access.Password;
import dev.strata.domain.access.RoleName;
import dev.strata.domain.access.User;
import dev.strata.domain.access.UserName;
import dev.strata.domain.node.OvercommitLimit;
import dev.strata.domain.tenant.TenantId;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The access services over in-memory fakes, with the built-in roles and {@code admin} in place. */
public final class AccessFixture {

    public static final String ADMIN_PASSWORD = "admin-password";

    public final MutableClock clock = MutableClock.at("2026-04-01T08:00:00Z");
    public final InMemoryUsers users = new InMemoryUsers();
    public final InMemoryRoles roles = new InMemoryRoles();
    public final InMemorySessions sessions = new InMemorySessions();
    public final InMemoryAccessTokens accessTokens = new InMemoryAccessTokens();
    public final InMemoryLoginFailures loginFailures = new InMemoryLoginFailures();
    public final InMemoryAuditLog audit = new InMemoryAuditLog();
    public final InMemoryTenants tenants = new InMemoryTenants();
    public final InMemoryNodes nodes = new InMemoryNodes();
    public final InMemoryTransactions transactions = new InMemoryTransactions()
            .enlist(users, roles, sessions, accessTokens, loginFailures, audit, tenants, nodes);
    public final TestPasswordHasher hasher = new TestPasswordHasher();
    public final TestTokenSecrets secrets = new TestTokenSecrets();
    public final Mutations mutations = new Mutations(transactions, audit, clock);
    /** The directory of mode LDAP. */
    public final FakeDirectory directory = new FakeDirectory();
    /** The issuer of mode OPEN_IDC. */
    public final FakeIdentityTokens issuer = new FakeIdentityTokens();
    public final AuthenticationService authentication;
    public final AccountService accounts;
    public final UserService userService;
    public final RoleService roleService;
    public final AccessTokenService tokenService;
    public final AccessBootstrap bootstrap;

    public AccessFixture() {
        this(AuthMode.LOCAL);
    }

    public AccessFixture(AuthMode mode) {
        Settings settings = new Settings(mode, OvercommitLimit.DEFAULT);
        authentication = new AuthenticationService(settings, users, roles, sessions, accessTokens, loginFailures,
                hasher, secrets, transactions, mutations, clock, Optional.of(directory), Optional.of(issuer));
        accounts = new AccountService(users, sessions, hasher, transactions, mutations);
        userService = new UserService(users, roles, tenants, nodes, sessions, accessTokens, hasher, transactions, mutations,
                clock);
        roleService = new RoleService(roles, users, transactions, mutations);
        tokenService = new AccessTokenService(accessTokens, users, secrets, transactions, mutations, clock);
        bootstrap = new AccessBootstrap(users, roles, sessions, hasher, secrets, transactions, mutations, clock);
        bootstrap.prepare(Optional.of(Password.newPassword("password", ADMIN_PASSWORD)));
    }

    /** A new user with these roles (by name). */
    public User user(String name, String password, String... roleNames) {
        return userService.createUser(Principals.admin(), new CreateUserCommand(new UserName(name),
                Password.newPassword("password", password),
                Arrays.stream(roleNames).map(RoleName::new).collect(Collectors.toSet()), Optional.empty()));
    }

    /** A new user confined to {@code tenant}. */
    public User tenantUser(String name, String password, TenantId tenant, String... roleNames) {
        return userService.createUser(Principals.admin(), new CreateUserCommand(new UserName(name),
                Password.newPassword("password", password),
                Arrays.stream(roleNames).map(RoleName::new).collect(Collectors.toSet()), Optional.of(tenant)));
    }
}
