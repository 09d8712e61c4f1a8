package dev.strata.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.application.port.out.AccessTokens;
import dev.strata.application.port.out.Roles;
import dev.strata.application.port.out.Sessions;
import dev.strata.application.port.out.Transactions;
import dev.strata.application.port.out.Users;
import dev.strata.domain.access.AccessToken;
import dev.strata.domain.access.BuiltInRoles;
import dev.strata.domain.access.PasswordHash;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.access.Role;
import dev.strata.domain.access.RoleName;
import dev.strata.domain.access.Session;
import dev.strata.domain.access.User;
import dev.strata.domain.access.UserId;
import dev.strata.domain.access.UserName;
import dev.strata.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every implementation of the access ports must do; runs against the fakes and SQLite. */
public abstract class AccessContract {

    private static final Instant NOW = Instant.parse("2026-03-03T03:03:03.333Z");
    private static final PasswordHash HASH = new PasswordHash("$test$v=2$c2FsdA$aGFzaA");
    private static final RoleName OPERATORS = new RoleName("Operators");

    protected abstract Users users();

    protected abstract Roles roles();

    protected abstract Sessions sessions();

    protected abstract AccessTokens accessTokens();

    protected abstract Transactions transactions();

    @BeforeEach
    void rolesExist() {
        transactions().write(() -> {
            BuiltInRoles.all().forEach(roles()::add);
            roles().add(Role.create(OPERATORS, "people on call",
                    EnumSet.of(Privilege.PRIVILEGE_HOST_READ, Privilege.PRIVILEGE_VOLUME_READ)));
        });
    }

    private User user(long id, String name, RoleName... roleNames) {
        User user = User.create(UserId.of(id), new UserName(name), HASH, Set.of(roleNames), Optional.empty(), NOW);
        transactions().write(() -> users().add(user));
        return user;
    }

    @Test
    void findsUsersByIdAndByNameWithoutRegardToCase() {
        User alice = user(500, "Alice", BuiltInRoles.ADMIN, OPERATORS);

        User byId = users().find(alice.id()).orElseThrow();
        assertThat(byId.name().value()).isEqualTo("Alice");
        assertThat(byId.password()).isEqualTo(HASH);
        assertThat(byId.enabled()).isTrue();
        assertThat(byId.tenant()).isEmpty();
        assertThat(byId.roles()).containsExactlyInAnyOrder(BuiltInRoles.ADMIN, OPERATORS);
        assertThat(byId.createdAt()).isEqualTo(NOW);
        assertThat(users().findByName(new UserName("ALICE"))).map(User::id).contains(alice.id());
        assertThat(users().findByName(new UserName("bob"))).isEmpty();
        assertThat(users().isEmpty()).isFalse();
    }

    @Test
    void keepsEveryChangeOfAUser() {
        User bob = user(500, "bob");
        bob.rename(new UserName("Robert"));
        bob.changePassword(new PasswordHash("$test$v=2$bmV3$bmV3"));
        bob.disable();
        bob.confineTo(Optional.of(new TenantId("acme")));
        bob.assignRoles(Set.of(OPERATORS));
        transactions().write(() -> users().update(bob));

        User found = users().find(bob.id()).orElseThrow();
        assertThat(found.name().value()).isEqualTo("Robert");
        assertThat(found.password().encoded()).isEqualTo("$test$v=2$bmV3$bmV3");
        assertThat(found.enabled()).isFalse();
        assertThat(found.tenant()).contains(new TenantId("acme"));
        assertThat(found.roles()).containsExactly(OPERATORS);
        assertThat(users().findByName(new UserName("bob"))).isEmpty();
    }

    @Test
    void numbersUsersFrom500AndPagesThemByIdAndByRole() {
        assertThat(users().nextId()).isEqualTo(new UserId("500"));
        user(500, "a", BuiltInRoles.ADMIN);
        user(501, "b", OPERATORS);
        user(502, "c", OPERATORS, BuiltInRoles.ADMIN);
        assertThat(users().nextId()).isEqualTo(new UserId("503"));

        assertThat(users().page(500, 10)).extracting(u -> u.name().value()).containsExactly("b", "c");
        assertThat(users().withRole(new RoleName("operators"), 0, 10)).extracting(u -> u.name().value())
                .containsExactly("b", "c");
        assertThat(users().withRole(OPERATORS, 501, 1)).extracting(u -> u.name().value()).containsExactly("c");
        assertThat(users().countEnabledWithRole(BuiltInRoles.ADMIN)).isEqualTo(2);
        transactions().write(() -> users().remove(new UserId("502")));
        assertThat(users().countEnabledWithRole(BuiltInRoles.ADMIN)).isEqualTo(1);
        assertThat(users().nextId()).as("ids are never reused").isEqualTo(new UserId("503"));
    }

    @Test
    void keepsRolesTheirPrivilegesAndVersions() {
        Role operators = roles().find(new RoleName("OPERATORS")).orElseThrow();
        assertThat(operators.name()).isEqualTo(OPERATORS);
        assertThat(operators.privileges()).containsExactlyInAnyOrder(Privilege.PRIVILEGE_HOST_READ,
                Privilege.PRIVILEGE_VOLUME_READ);
        assertThat(operators.isBuiltIn()).isFalse();
        operators.describe("renamed duty");
        operators.grantOnly(EnumSet.of(Privilege.PRIVILEGE_AUDIT_READ));
        transactions().write(() -> roles().update(operators));

        Role found = roles().find(OPERATORS).orElseThrow();
        assertThat(found.description()).isEqualTo("renamed duty");
        assertThat(found.privileges()).containsExactly(Privilege.PRIVILEGE_AUDIT_READ);
        assertThat(found.version()).isEqualTo(3);
        assertThat(roles().find(BuiltInRoles.ADMIN).orElseThrow().isBuiltIn()).isTrue();
        assertThat(roles().all()).extracting(r -> r.name().value())
                .containsExactly("admin", "monitor", "network", "node-agent", "Operators", "storage");
        assertThat(roles().privilegesOf(Set.of(OPERATORS, BuiltInRoles.NETWORK, new RoleName("nobody"))))
                .contains(Privilege.PRIVILEGE_AUDIT_READ, Privilege.PRIVILEGE_BACKEND_WRITE)
                .doesNotContain(Privilege.PRIVILEGE_LOCAL_USER_READ);
    }

    @Test
    void removingARoleTakesItFromNobodyButTheCatalogue() {
        transactions().write(() -> roles().remove(OPERATORS));
        assertThat(roles().find(OPERATORS)).isEmpty();
        assertThat(roles().privilegesOf(Set.of(OPERATORS))).isEmpty();
    }

    @Test
    void findsSessionsByTheirSecretHashAndEndsThem() {
        User alice = user(500, "alice");
        User bob = user(501, "bob");
        transactions().write(() -> {
            sessions().add(new Session("s1", alice.id(), NOW, NOW.plus(Session.LIFETIME), "hash-1"));
            sessions().add(new Session("s2", alice.id(), NOW, NOW.plus(Session.LIFETIME), "hash-2"));
            sessions().add(new Session("s3", bob.id(), NOW.minus(Duration.ofDays(1)), NOW.minusSeconds(1), "hash-3"));
        });

        Session found = sessions().findBySecretHash("hash-2").orElseThrow();
        assertThat(found.id()).isEqualTo("s2");
        assertThat(found.localUser()).contains(alice.id());
        assertThat(found.expiresAt()).isEqualTo(NOW.plus(Session.LIFETIME));
        assertThat(transactions().write(() -> sessions().removeExpired(NOW))).isEqualTo(1);
        assertThat(sessions().findBySecretHash("hash-3")).isEmpty();
        transactions().write(() -> sessions().remove("s1"));
        assertThat(sessions().findBySecretHash("hash-1")).isEmpty();
        transactions().write(() -> sessions().removeAllOf(alice.id()));
        assertThat(sessions().findBySecretHash("hash-2")).isEmpty();
    }

    @Test
    void keepsSessionsOfDirectoryUsersWithTheRolesTheyHadAtLogin() {
        User alice = user(500, "alice");
        Session.DirectoryUser dora = new Session.DirectoryUser("dora@example.org",
                Set.of(new RoleName("storage"), new RoleName("no such role")));
        transactions().write(() -> {
            sessions().add(new Session("d1", dora, NOW, NOW.plus(Session.LIFETIME), "hash-d1"));
            sessions().add(new Session("d2", new Session.DirectoryUser("nobody-in-groups", Set.of()), NOW,
                    NOW.plus(Session.LIFETIME), "hash-d2"));
            sessions().add(new Session("l1", alice.id(), NOW, NOW.plus(Session.LIFETIME), "hash-l1"));
        });

        Session found = sessions().findBySecretHash("hash-d1").orElseThrow();
        assertThat(found.holder()).isEqualTo(dora);
        assertThat(found.localUser()).isEmpty();
        assertThat(found.createdAt()).isEqualTo(NOW);
        assertThat(sessions().findBySecretHash("hash-d2").orElseThrow().holder())
                .isEqualTo(new Session.DirectoryUser("nobody-in-groups", Set.of()));
        transactions().write(() -> sessions().removeAllOf(alice.id()));
        assertThat(sessions().findBySecretHash("hash-d1")).as("ending a local user's sessions ends no other")
                .isPresent();
        assertThat(sessions().findBySecretHash("hash-l1")).isEmpty();
        transactions().write(() -> sessions().remove("d1"));
        assertThat(sessions().findBySecretHash("hash-d1")).isEmpty();
    }

    @Test
    void keepsAccessTokensAndPagesThemById() {
        User alice = user(500, "alice");
        User bob = user(501, "bob");
        AccessToken first = AccessToken.issue("aaa", alice.id(), Optional.of(bob.id()), NOW,
                Optional.of(NOW.plus(Duration.ofDays(1))), "t-hash-1");
        AccessToken second = AccessToken.issue("bbb", alice.id(), Optional.empty(), NOW, Optional.empty(), "t-hash-2");
        AccessToken third = AccessToken.issue("ccc", bob.id(), Optional.of(bob.id()), NOW, Optional.empty(), "t-hash-3");
        transactions().write(() -> {
            accessTokens().add(first);
            accessTokens().add(second);
            accessTokens().add(third);
        });

        AccessToken found = accessTokens().findBySecretHash("t-hash-1").orElseThrow();
        assertThat(found.id()).isEqualTo("aaa");
        assertThat(found.creator()).contains(bob.id());
        assertThat(found.expiresAt()).contains(NOW.plus(Duration.ofDays(1)));
        assertThat(accessTokens().find("bbb").orElseThrow().creator()).isEmpty();
        assertThat(accessTokens().countOf(alice.id())).isEqualTo(2);
        assertThat(accessTokens().page(Optional.empty(), "", 10)).extracting(AccessToken::id)
                .containsExactly("aaa", "bbb", "ccc");
        assertThat(accessTokens().page(Optional.of(alice.id()), "aaa", 10)).extracting(AccessToken::id)
                .containsExactly("bbb");

        second.enable(false);
        second.expireAt(Optional.of(NOW.plusSeconds(5)));
        transactions().write(() -> accessTokens().update(second));
        AccessToken changed = accessTokens().find("bbb").orElseThrow();
        assertThat(changed.enabled()).isFalse();
        assertThat(changed.expiresAt()).contains(NOW.plusSeconds(5));

        transactions().write(() -> accessTokens().removeAllOf(alice.id()));
        assertThat(accessTokens().countOf(alice.id())).isZero();
        transactions().write(() -> accessTokens().remove("ccc"));
        assertThat(accessTokens().find("ccc")).isEmpty();
    }

    @Test
    void aFailedWriteKeepsNoUserNoSessionNoToken() {
        assertThatThrownBy(() -> transactions().write(() -> {
            User carol = User.create(UserId.of(500), new UserName("carol"), HASH, Set.of(), Optional.empty(), NOW);
            users().add(carol);
            sessions().add(new Session("s9", carol.id(), NOW, NOW.plus(Session.LIFETIME), "h9"));
            accessTokens().add(AccessToken.issue("t9", carol.id(), Optional.empty(), NOW, Optional.empty(), "th9"));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(users().isEmpty()).isTrue();
        assertThat(sessions().findBySecretHash("h9")).isEmpty();
        assertThat(accessTokens().find("t9")).isEmpty();
    }
}
