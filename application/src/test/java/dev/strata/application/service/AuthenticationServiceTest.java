package dev.strata.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.application.mother.AccessFixture;
import dev.strata.application.mother.Principals;
import dev.strata.application.port.in.access.Credentials;
import dev.strata.application.port.in.access.IdentityRef;
import dev.strata.application.port.in.access.UpdateUserCommand;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.access.AuthMethod;
import dev.strata.domain.access.AuthMode;
import dev.strata.domain.access.Password;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.access.TooManyAttempts;
import dev.strata.domain.access.User;
import dev.strata.domain.access.UserName;
import dev.strata.domain.audit.AuditEvent;
import java.time.Duration;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class AuthenticationServiceTest {

    private final AccessFixture access = new AccessFixture();
    private final AuthenticationService auth = access.authentication;

    private Principal basic(String user, String password) {
        return auth.authenticate(new Credentials.Basic(user, password), Principals.ORIGIN);
    }

    private Principal bearer(String token) {
        return auth.authenticate(new Credentials.Bearer(token), Principals.ORIGIN);
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            if (code == ErrorCode.UNAUTHORIZED) {
                assertThat(e.description()).isEqualTo("bad credentials");
            }
        });
    }

    @Test
    void knowsAUserByNameAndPasswordWithTheirRolesPrivileges() {
        access.user("Nora", "nora-password", "network");

        Principal nora = basic("nora", "nora-password");

        assertThat(nora.name()).isEqualTo("Nora");
        assertThat(nora.method()).isEqualTo(AuthMethod.BASIC);
        assertThat(nora.roles()).containsExactly("network");
        assertThat(nora.privileges()).contains(Privilege.PRIVILEGE_BACKEND_WRITE)
                .doesNotContain(Privilege.PRIVILEGE_VOLUME_WRITE);
    }

    @Test
    void refusesWrongPasswordsUnknownAndDisabledUsersAlikeAndAuditsEach() {
        User dora = access.user("dora", "dora-password", "monitor");
        access.userService.updateUser(Principals.admin(), new UpdateUserCommand(dora.id(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(false)));
        int checks = access.hasher.verifications();

        assertRefused(() -> basic("admin", "wrong-password"), ErrorCode.UNAUTHORIZED);
        assertRefused(() -> basic("nobody", "whatever"), ErrorCode.UNAUTHORIZED);
        assertRefused(() -> basic("dora", "dora-password"), ErrorCode.UNAUTHORIZED);

        assertThat(access.hasher.verifications() - checks)
                .as("an unknown or disabled user costs a password check too").isEqualTo(3);
        assertThat(access.audit.all()).filteredOn(e -> e.action().equals("auth.basic"))
                .extracting(AuditEvent::user, AuditEvent::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("admin", "Unauthorized"),
                        org.assertj.core.groups.Tuple.tuple("nobody", "Unauthorized"),
                        org.assertj.core.groups.Tuple.tuple("dora", "Unauthorized"));
        assertThat(access.audit.all().toString()).doesNotContain("wrong-password").doesNotContain("dora-password");
    }

    @Test
    void locksAnAccountForFifteenMinutesAfterFiveFailures() {
        for (int i = 0; i < 5; i++) {
            assertRefused(() -> basic("admin", "guess"), ErrorCode.UNAUTHORIZED);
        }

        assertThatThrownBy(() -> basic("admin", AccessFixture.ADMIN_PASSWORD))
                .isInstanceOfSatisfying(TooManyAttempts.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(15)));
        assertThatThrownBy(() -> auth.login("ADMIN", Password.offered(AccessFixture.ADMIN_PASSWORD),
                Principals.ORIGIN)).isInstanceOf(TooManyAttempts.class);
        access.clock.advance(Duration.ofMinutes(10));
        assertThatThrownBy(() -> basic("admin", AccessFixture.ADMIN_PASSWORD))
                .isInstanceOfSatisfying(TooManyAttempts.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(5)));
        access.clock.advance(Duration.ofMinutes(5));
        assertThat(basic("admin", AccessFixture.ADMIN_PASSWORD).name()).isEqualTo("admin");
    }

    @Test
    void forgetsFailuresOlderThanFifteenMinutes() {
        for (int i = 0; i < 4; i++) {
            assertRefused(() -> basic("admin", "guess"), ErrorCode.UNAUTHORIZED);
        }
        access.clock.advance(Duration.ofMinutes(16));
        assertRefused(() -> basic("admin", "guess"), ErrorCode.UNAUTHORIZED);

        assertThat(basic("admin", AccessFixture.ADMIN_PASSWORD).name()).isEqualTo("admin");
    }

    @Test
    void locksUnknownAccountsToo() {
        for (int i = 0; i < 5; i++) {
            assertRefused(() -> basic("ghost", "guess"), ErrorCode.UNAUTHORIZED);
        }
        assertRefused(() -> basic("ghost", "guess"), ErrorCode.TOO_MANY_ATTEMPTS);
    }

    /** A second instance on the same database: the same ports, a service (and memories) of its own. */
    private AuthenticationService anotherInstance() {
        return new AuthenticationService(new dev.strata.application.Settings(AuthMode.LOCAL,
                dev.strata.domain.node.OvercommitLimit.DEFAULT), access.users, access.roles, access.sessions,
                access.accessTokens, access.loginFailures, access.hasher, access.secrets, access.transactions,
                access.mutations, access.clock);
    }

    @Test
    void countsFailuresThroughEveryInstanceAndLocksOnAll() {
        AuthenticationService other = anotherInstance();
        assertThat(basic("admin", AccessFixture.ADMIN_PASSWORD).name()).isEqualTo("admin");

        for (int i = 0; i < 5; i++) {
            AuthenticationService through = i % 2 == 0 ? other : auth;
            assertRefused(() -> through.authenticate(new Credentials.Basic("admin", "guess"), Principals.ORIGIN),
                    ErrorCode.UNAUTHORIZED);
        }

        assertThatThrownBy(() -> basic("admin", AccessFixture.ADMIN_PASSWORD))
                .as("the caller remembered before the lock is checked again").isInstanceOf(TooManyAttempts.class);
        assertThatThrownBy(() -> other.login("admin", Password.offered(AccessFixture.ADMIN_PASSWORD),
                Principals.ORIGIN)).isInstanceOf(TooManyAttempts.class);
        assertThat(anotherInstance().purgeOldLoginFailures()).as("the lock is in force: nothing to forget").isZero();
        access.clock.advance(LoginThrottle.LOCKOUT);
        assertThat(other.login("admin", Password.offered(AccessFixture.ADMIN_PASSWORD), Principals.ORIGIN))
                .isNotEmpty();
    }

    @Test
    void aGoodCheckWritesNothingUnlessFailuresWereCounted() {
        basic("admin", AccessFixture.ADMIN_PASSWORD);
        access.clock.advance(AuthenticationService.CALLER_TTL);
        long writes = access.transactions.committedWrites();

        basic("admin", AccessFixture.ADMIN_PASSWORD);
        assertThat(access.transactions.committedWrites()).as("a write would make every instance forget its callers")
                .isEqualTo(writes);

        assertRefused(() -> basic("admin", "guess"), ErrorCode.UNAUTHORIZED);
        basic("admin", AccessFixture.ADMIN_PASSWORD);
        assertThat(access.transactions.read(() -> access.loginFailures.countSince("admin", access.clock.instant()
                .minus(LoginThrottle.WINDOW)))).as("a success clears the count").isZero();
    }

    @Test
    void housekeepingForgetsFailuresOutsideTheWindowAndEndedLocks() {
        for (int i = 0; i < 5; i++) {
            assertRefused(() -> basic("ghost", "guess"), ErrorCode.UNAUTHORIZED);
        }
        assertRefused(() -> basic("casper", "guess"), ErrorCode.UNAUTHORIZED);
        access.clock.advance(LoginThrottle.WINDOW.plusSeconds(1));

        assertThat(auth.purgeOldLoginFailures()).as("casper's failure and ghost's lock").isEqualTo(2);
        assertThat(anotherInstance().purgeOldLoginFailures()).as("a second instance finds nothing left").isZero();
    }

    @Test
    void remembersAGoodBasicCheckUntilThePasswordChanges() {
        access.user("carl", "carl-password", "storage");
        basic("carl", "carl-password");
        int checks = access.hasher.verifications();

        basic("carl", "carl-password");
        basic("CARL", "carl-password");
        assertThat(access.hasher.verifications()).as("no slow check for remembered credentials").isEqualTo(checks);

        User carl = access.users.findByName(new UserName("carl")).orElseThrow();
        access.userService.setPassword(Principals.admin(), carl.id(), Password.newPassword("p", "carl-new-password"));
        assertRefused(() -> basic("carl", "carl-password"), ErrorCode.UNAUTHORIZED);
        assertThat(basic("carl", "carl-new-password").name()).isEqualTo("carl");

        access.clock.advance(AuthenticationService.BASIC_CACHE_TTL.plusSeconds(1));
        int before = access.hasher.verifications();
        basic("carl", "carl-new-password");
        assertThat(access.hasher.verifications()).as("the memory expires").isEqualTo(before + 1);
    }

    @Test
    void refusesARememberedUserOnceDisabled() {
        User erin = access.user("erin", "erin-password", "storage");
        basic("erin", "erin-password");
        access.userService.updateUser(Principals.admin(), new UpdateUserCommand(erin.id(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(false)));

        assertRefused(() -> basic("erin", "erin-password"), ErrorCode.UNAUTHORIZED);
    }

    @Test
    void opensSessionsThatLastTenHoursAndEndAtLogout() {
        String token = auth.login("admin", Password.offered(AccessFixture.ADMIN_PASSWORD), Principals.ORIGIN);

        assertThat(token).startsWith("session-v1:");
        Principal admin = bearer(token);
        assertThat(admin.method()).isEqualTo(AuthMethod.SESSION);
        assertThat(admin.tokenId()).isPresent();
        assertThat(admin.has(Privilege.PRIVILEGE_AUDIT_READ)).isTrue();

        access.clock.advance(Duration.ofHours(10).minusSeconds(1));
        assertThat(bearer(token).name()).isEqualTo("admin");
        access.clock.advance(Duration.ofSeconds(1));
        assertRefused(() -> bearer(token), ErrorCode.UNAUTHORIZED);

        String second = auth.login("admin", Password.offered(AccessFixture.ADMIN_PASSWORD), Principals.ORIGIN);
        auth.logout(bearer(second));
        assertRefused(() -> bearer(second), ErrorCode.UNAUTHORIZED);
    }

    @Test
    void endsEverySessionOfAUserWhosePasswordChangesOrWhoIsDisabled() {
        User fay = access.user("fay", "fay-password", "storage");
        String one = auth.login("fay", Password.offered("fay-password"), Principals.ORIGIN);
        String two = auth.login("fay", Password.offered("fay-password"), Principals.ORIGIN);

        access.accounts.changePassword(bearer(one), Password.offered("fay-password"),
                Password.newPassword("new_password", "fay-password-2"));

        assertRefused(() -> bearer(one), ErrorCode.UNAUTHORIZED);
        assertRefused(() -> bearer(two), ErrorCode.UNAUTHORIZED);
        String three = auth.login("fay", Password.offered("fay-password-2"), Principals.ORIGIN);
        access.userService.updateUser(Principals.admin(), new UpdateUserCommand(fay.id(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(false)));
        assertRefused(() -> bearer(three), ErrorCode.UNAUTHORIZED);
    }

    @Test
    void acceptsAccessTokensUntilDisabledDeletedOrExpired() {
        User gus = access.user("gus", "gus-password", "monitor");
        Principal gusCaller = basic("gus", "gus-password");
        var forever = access.tokenService.createToken(gusCaller, IdentityRef.byId(gus.id()), Optional.empty());
        var soon = access.tokenService.createToken(gusCaller, IdentityRef.byId(gus.id()),
                Optional.of(access.clock.instant().plus(Duration.ofMinutes(5))));

        Principal viaToken = bearer(forever.bearer());
        assertThat(viaToken.method()).isEqualTo(AuthMethod.ACCESS_TOKEN);
        assertThat(viaToken.tokenId()).contains(forever.view().token().id());
        assertThat(forever.bearer()).startsWith("access-v1:");

        access.tokenService.modifyToken(gusCaller, forever.view().token().id(), Optional.empty(), Optional.of(false));
        assertRefused(() -> bearer(forever.bearer()), ErrorCode.UNAUTHORIZED);
        access.tokenService.modifyToken(gusCaller, forever.view().token().id(), Optional.empty(), Optional.of(true));
        assertThat(bearer(forever.bearer()).name()).isEqualTo("gus");
        access.tokenService.deleteToken(gusCaller, forever.view().token().id());
        assertRefused(() -> bearer(forever.bearer()), ErrorCode.UNAUTHORIZED);

        assertThat(bearer(soon.bearer()).name()).isEqualTo("gus");
        access.clock.advance(Duration.ofMinutes(5));
        assertRefused(() -> bearer(soon.bearer()), ErrorCode.UNAUTHORIZED);
    }

    @Test
    void remembersACallerUntilTheNextCommittedWriteAndAtMostFiveSeconds() {
        String token = auth.login("admin", Password.offered(AccessFixture.ADMIN_PASSWORD), Principals.ORIGIN);
        Principal first = bearer(token);
        // Another process (the offline password reset) ends the session without this process's writes:
        access.sessions.removeAllOf(new dev.strata.domain.access.UserId(first.userId()));

        assertThat(bearer(token).name()).as("served from memory").isEqualTo("admin");
        access.clock.advance(AuthenticationService.CALLER_TTL);
        assertRefused(() -> bearer(token), ErrorCode.UNAUTHORIZED);

        String second = auth.login("admin", Password.offered(AccessFixture.ADMIN_PASSWORD), Principals.ORIGIN);
        bearer(second);
        access.sessions.removeAllOf(new dev.strata.domain.access.UserId(first.userId()));
        access.user("any", "any-password");
        assertRefused(() -> bearer(second), ErrorCode.UNAUTHORIZED);
    }

    @Test
    void remembersACallerPerRequestOrigin() {
        Principal one = basic("admin", AccessFixture.ADMIN_PASSWORD);
        Principal two = auth.authenticate(new Credentials.Basic("admin", AccessFixture.ADMIN_PASSWORD),
                new dev.strata.domain.access.RequestOrigin("other-request", "198.51.100.7"));

        assertThat(two.origin().requestId()).isEqualTo("other-request");
        assertThat(two.origin().sourceIp()).isEqualTo("198.51.100.7");
        assertThat(two.withOrigin(one.origin())).isEqualTo(one);
    }

    @Test
    void refusesTokensItDidNotIssueAndHeadersItCannotRead() {
        assertRefused(() -> bearer("session-v1:forged"), ErrorCode.UNAUTHORIZED);
        assertRefused(() -> bearer("access-v1:forged"), ErrorCode.UNAUTHORIZED);
        assertRefused(() -> bearer("eyJhbGciOiJIUzI1NiJ9.e30.x"), ErrorCode.UNAUTHORIZED);
        assertRefused(() -> auth.authenticate(new Credentials.Malformed("?"), Principals.ORIGIN),
                ErrorCode.UNAUTHORIZED);
        assertThat(auth.authenticate(new Credentials.None(), Principals.ORIGIN).isAnonymous()).isTrue();
        assertThat(access.audit.all().toString()).doesNotContain("forged");
    }

    @Test
    void storesThePasswordAgainWhenTheHashingParametersChange() {
        access.hasher.upgrade();
        String before = access.users.findByName(new UserName("admin")).orElseThrow().password().encoded();

        basic("admin", AccessFixture.ADMIN_PASSWORD);

        String after = access.users.findByName(new UserName("admin")).orElseThrow().password().encoded();
        assertThat(after).isNotEqualTo(before).startsWith("$test$v=3$");
        assertThat(basic("admin", AccessFixture.ADMIN_PASSWORD).name()).isEqualTo("admin");
    }

    @Test
    void treatsEveryCallerAsAnAdministratorInModeNone() {
        AuthenticationService open = new AccessFixture(AuthMode.NONE).authentication;

        Principal anyone = open.authenticate(new Credentials.None(), Principals.ORIGIN);
        assertThat(anyone.privileges()).containsExactlyInAnyOrder(Privilege.values());
        assertThat(open.authenticate(new Credentials.Basic("x", "y"), Principals.ORIGIN).method())
                .isEqualTo(AuthMethod.NONE);
    }
}
