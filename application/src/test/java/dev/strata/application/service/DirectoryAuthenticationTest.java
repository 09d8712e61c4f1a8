package dev.strata.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.application.mother.AccessFixture;
import dev.strata.application.mother.Principals;
import dev.strata.application.port.in.access.Credentials;
import dev.strata.application.port.in.access.IdentityRef;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.access.AuthMethod;
import dev.strata.domain.access.AuthMode;
import dev.strata.domain.access.Password;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.access.TooManyAttempts;
import dev.strata.domain.access.UserName;
import dev.strata.domain.audit.AuditEvent;
import dev.strata.domain.node.OvercommitLimit;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Modes LDAP and OPEN_IDC, over a directory and an issuer in memory. */
class DirectoryAuthenticationTest {

    private static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    /** A local service account with an access token, made before the mode changed. */
    private static String serviceAccountToken(AccessFixture access) {
        access.user("cinder", "cinder-password", "storage");
        return access.tokenService.createToken(Principals.admin(), new IdentityRef(Optional.empty(),
                Optional.of(new UserName("cinder"))), Optional.empty()).bearer();
    }

    @Nested
    class Ldap {

        private final AccessFixture access = new AccessFixture(AuthMode.LDAP);
        private final AuthenticationService auth = access.authentication;

        private Principal basic(String user, String password) {
            return auth.authenticate(new Credentials.Basic(user, password), Principals.ORIGIN);
        }

        @Test
        void knowsADirectoryUserByTheirGroupsRolesWithoutALocalId() {
            access.directory.user("dora", "dora-password", "storage", "no-such-role");

            Principal dora = basic("dora", "dora-password");

            assertThat(dora.userId()).isEmpty();
            assertThat(dora.name()).isEqualTo("dora");
            assertThat(dora.method()).isEqualTo(AuthMethod.BASIC);
            assertThat(dora.roles()).as("roles Strata does not have are left out").containsExactly("storage");
            assertThat(dora.privileges()).contains(Privilege.PRIVILEGE_VOLUME_WRITE)
                    .doesNotContain(Privilege.PRIVILEGE_LOCAL_USER_READ);
            assertThat(dora.tenant()).isEmpty();
            assertThat(access.accounts.whoAmI(dora).user()).as("no local user, so no password to change").isEmpty();
            assertThat(access.users.findByName(new UserName("dora"))).as("nothing copied into users").isEmpty();
        }

        @Test
        void asksOnlyTheDirectoryForPasswords() {
            assertRefused(() -> basic("admin", AccessFixture.ADMIN_PASSWORD), ErrorCode.UNAUTHORIZED);
            assertRefused(() -> auth.login("admin", Password.offered(AccessFixture.ADMIN_PASSWORD),
                    Principals.ORIGIN), ErrorCode.UNAUTHORIZED);
        }

        @Test
        void refusesWrongPasswordsUnknownUsersAndEmptyPasswordsAlikeAndAuditsEach() {
            access.directory.user("dora", "dora-password", "storage");

            assertRefused(() -> basic("dora", "wrong"), ErrorCode.UNAUTHORIZED);
            assertRefused(() -> basic("nobody", "whatever"), ErrorCode.UNAUTHORIZED);
            int asked = access.directory.checks();
            assertRefused(() -> basic("dora", ""), ErrorCode.UNAUTHORIZED);
            assertThat(access.directory.checks()).as("an empty password never reaches the directory").isEqualTo(asked);

            assertThat(access.audit.all()).filteredOn(e -> e.action().equals("auth.basic"))
                    .extracting(AuditEvent::user).containsExactly("dora", "nobody", "dora");
        }

        @Test
        void locksAnAccountAfterFiveFailures() {
            access.directory.user("dora", "dora-password", "storage");
            for (int i = 0; i < 5; i++) {
                assertRefused(() -> basic("dora", "guess"), ErrorCode.UNAUTHORIZED);
            }
            int asked = access.directory.checks();

            assertThatThrownBy(() -> basic("dora", "dora-password")).isInstanceOf(TooManyAttempts.class);
            assertThatThrownBy(() -> auth.login("DORA", Password.offered("dora-password"), Principals.ORIGIN))
                    .isInstanceOf(TooManyAttempts.class);
            assertThat(access.directory.checks()).isEqualTo(asked);
        }

        @Test
        void answersUnavailableWhenTheDirectoryIsDownWithoutCountingAFailure() {
            access.directory.user("dora", "dora-password", "storage");
            access.directory.down(true);
            for (int i = 0; i < 6; i++) {
                assertRefused(() -> basic("dora", "dora-password"), ErrorCode.AUTHENTICATION_UNAVAILABLE);
            }
            assertRefused(() -> auth.login("dora", Password.offered("dora-password"), Principals.ORIGIN),
                    ErrorCode.AUTHENTICATION_UNAVAILABLE);
            assertThat(access.audit.all()).filteredOn(e -> e.outcome().equals("AuthenticationUnavailable")).hasSize(7);

            access.directory.down(false);
            assertThat(basic("dora", "dora-password").name()).isEqualTo("dora");
        }

        @Test
        void remembersAGoodBasicBindForAMinute() {
            access.directory.user("dora", "dora-password", "storage");
            basic("dora", "dora-password");
            int asked = access.directory.checks();

            basic("dora", "dora-password");
            assertThat(access.directory.checks()).isEqualTo(asked);
            assertRefused(() -> basic("dora", "other-password"), ErrorCode.UNAUTHORIZED);

            access.clock.advance(AuthenticationService.BASIC_CACHE_TTL);
            access.directory.user("dora", "changed-in-the-directory", "storage");
            assertRefused(() -> basic("dora", "dora-password"), ErrorCode.UNAUTHORIZED);
        }

        @Test
        void opensSessionsWithTheRolesOfLoginTimeThatEndAtLogout() {
            access.directory.user("dora", "dora-password", "monitor");
            String token = auth.login("dora", Password.offered("dora-password"), Principals.ORIGIN);
            access.directory.user("dora", "dora-password", "admin");

            Principal dora = auth.authenticate(new Credentials.Bearer(token), Principals.ORIGIN);
            assertThat(dora.method()).isEqualTo(AuthMethod.SESSION);
            assertThat(dora.userId()).isEmpty();
            assertThat(dora.roles()).containsExactly("monitor");
            assertThat(access.users.findByName(new UserName("dora"))).isEmpty();

            auth.logout(dora);
            assertRefused(() -> auth.authenticate(new Credentials.Bearer(token), Principals.ORIGIN),
                    ErrorCode.UNAUTHORIZED);
        }

        @Test
        void keepsLocalAccessTokensWorking() {
            String token = serviceAccountToken(access);

            Principal cinder = auth.authenticate(new Credentials.Bearer(token), Principals.ORIGIN);

            assertThat(cinder.name()).isEqualTo("cinder");
            assertThat(cinder.method()).isEqualTo(AuthMethod.ACCESS_TOKEN);
        }

        @Test
        void honoursNoSessionOfALocalUser() {
            AccessFixture local = new AccessFixture();
            String token = local.authentication.login("admin", Password.offered(AccessFixture.ADMIN_PASSWORD),
                    Principals.ORIGIN);
            AuthenticationService ldap = new AuthenticationService(
                    new dev.strata.application.Settings(AuthMode.LDAP, OvercommitLimit.DEFAULT), local.users, local.roles, local.sessions,
                    local.accessTokens, local.loginFailures, local.hasher, local.secrets, local.transactions, local.mutations, local.clock,
                    Optional.of(local.directory), Optional.empty());

            assertRefused(() -> ldap.authenticate(new Credentials.Bearer(token), Principals.ORIGIN),
                    ErrorCode.UNAUTHORIZED);
        }
    }

    @Nested
    class OpenIdc {

        private final AccessFixture access = new AccessFixture(AuthMode.OPEN_IDC);
        private final AuthenticationService auth = access.authentication;

        @Test
        void knowsTheSubjectOfAValidJwtByTheRolesOfItsClaim() {
            access.issuer.token("eyJ.valid.jwt", "svc-backup", "network");

            Principal caller = auth.authenticate(new Credentials.Bearer("eyJ.valid.jwt"), Principals.ORIGIN);

            assertThat(caller.userId()).isEmpty();
            assertThat(caller.name()).isEqualTo("svc-backup");
            assertThat(caller.method()).isEqualTo(AuthMethod.JWT);
            assertThat(caller.roles()).containsExactly("network");
            assertThat(caller.privileges()).contains(Privilege.PRIVILEGE_BACKEND_WRITE);
        }

        @Test
        void refusesAnInvalidJwtAndAuditsIt() {
            assertRefused(() -> auth.authenticate(new Credentials.Bearer("eyJ.forged.jwt"), Principals.ORIGIN),
                    ErrorCode.UNAUTHORIZED);
            assertThat(access.audit.all()).extracting(AuditEvent::authMethod).contains("jwt");
        }

        @Test
        void answersUnavailableWhenTheIssuersKeysCannotBeHad() {
            access.issuer.unreachable(true);
            assertRefused(() -> auth.authenticate(new Credentials.Bearer("eyJ.any.jwt"), Principals.ORIGIN),
                    ErrorCode.AUTHENTICATION_UNAVAILABLE);
        }

        @Test
        void checksNoPasswordAndSaysWhy() {
            assertThatThrownBy(() -> auth.authenticate(new Credentials.Basic("admin", AccessFixture.ADMIN_PASSWORD),
                    Principals.ORIGIN)).isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED);
                        assertThat(e.description()).contains("OPEN_IDC");
                    });
            assertThatThrownBy(() -> auth.login("admin", Password.offered(AccessFixture.ADMIN_PASSWORD),
                    Principals.ORIGIN)).isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
        }

        @Test
        void keepsLocalAccessTokensWorking() {
            String token = serviceAccountToken(access);

            assertThat(auth.authenticate(new Credentials.Bearer(token), Principals.ORIGIN).name()).isEqualTo("cinder");
        }
    }
}
