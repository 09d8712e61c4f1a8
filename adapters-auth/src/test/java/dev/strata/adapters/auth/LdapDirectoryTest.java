package dev.strata.adapters.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.application.port.out.ExternalIdentity;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.access.Password;
import dev.strata.domain.access.RoleMap;
import dev.strata.domain.access.RoleName;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Binds against a real LDAP server over a socket. */
class LdapDirectoryTest {

    private static TestDirectory directory;

    @BeforeAll
    static void start() {
        directory = TestDirectory.plain();
    }

    @AfterAll
    static void stop() {
        directory.close();
    }

    private static LdapDirectory withTemplate() {
        return new LdapDirectory(LdapConfig.of(directory.url(), false, Optional.empty(),
                Optional.of(TestDirectory.USER_DN_TEMPLATE), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(TestDirectory.GROUPS), Optional.empty(),
                RoleMap.parse(TestDirectory.ROLE_MAP)));
    }

    private static LdapDirectory withSearch(String bindPassword) {
        return new LdapDirectory(LdapConfig.of(directory.url(), false, Optional.empty(), Optional.empty(),
                Optional.of(TestDirectory.PEOPLE), Optional.of("(&(objectClass=inetOrgPerson)(uid={0}))"),
                Optional.of(TestDirectory.SERVICE_DN), Optional.of(bindPassword), Optional.of(TestDirectory.GROUPS),
                Optional.of("(member={dn})"), RoleMap.parse(TestDirectory.ROLE_MAP)));
    }

    private static Optional<ExternalIdentity> check(LdapDirectory ldap, String user, String password) {
        return ldap.check(user, Password.offered(password));
    }

    @Test
    void bindsAsTheUserFromATemplateAndMapsTheirGroups() {
        ExternalIdentity dora = check(withTemplate(), "dora", "dora-password").orElseThrow();

        assertThat(dora.name()).isEqualTo("dora");
        assertThat(dora.roles()).containsExactlyInAnyOrder(new RoleName("storage"), new RoleName("monitor"));
        assertThat(check(withTemplate(), "sam", "sam-password").orElseThrow().roles())
                .containsExactly(new RoleName("monitor"));
        assertThat(check(withTemplate(), "nora", "nora-password").orElseThrow().roles()).isEmpty();
    }

    @Test
    void findsTheUserBySearchingAsTheServiceAccount() {
        assertThat(check(withSearch(TestDirectory.SERVICE_PASSWORD), "dora", "dora-password").orElseThrow().roles())
                .containsExactlyInAnyOrder(new RoleName("storage"), new RoleName("monitor"));
        assertThat(check(withSearch(TestDirectory.SERVICE_PASSWORD), "dora", "wrong")).isEmpty();
        assertThat(check(withSearch(TestDirectory.SERVICE_PASSWORD), "nobody", "dora-password")).isEmpty();
        assertThat(check(withSearch(TestDirectory.SERVICE_PASSWORD), "*", "dora-password"))
                .as("a wildcard is a literal name, not a search").isEmpty();
    }

    @Test
    void refusesAWrongPasswordAnUnknownUserAndAnEmptyPassword() {
        assertThat(check(withTemplate(), "dora", "sam-password")).isEmpty();
        assertThat(check(withTemplate(), "nobody", "whatever")).isEmpty();
        assertThat(check(withTemplate(), "dora", "")).as("no anonymous bind").isEmpty();
    }

    @Test
    void aNameCannotReachAnotherEntryThroughTheTemplate() {
        assertThat(check(withTemplate(), "strata,ou=services", TestDirectory.SERVICE_PASSWORD)).isEmpty();
        assertThat(LdapDirectory.dnValue("a,b=c+d")).isEqualTo("a\\,b=c\\+d");
    }

    @Test
    void aServiceAccountTheDirectoryRefusesMakesItUnavailable() {
        assertThatThrownBy(() -> check(withSearch("not-the-service-password"), "dora", "dora-password"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_UNAVAILABLE));
    }

    @Test
    void aStoppedDirectoryIsUnavailableNotARefusal() {
        TestDirectory doomed = TestDirectory.plain();
        LdapDirectory ldap = new LdapDirectory(LdapConfig.of(doomed.url(), false, Optional.empty(),
                Optional.of(TestDirectory.USER_DN_TEMPLATE), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), RoleMap.empty()));
        assertThat(check(ldap, "dora", "dora-password")).isPresent();

        doomed.stop();

        assertThatThrownBy(() -> check(ldap, "dora", "dora-password")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_UNAVAILABLE));
    }

    @Test
    void refusesSettingsThatCannotWorkWithOneLineThatNamesTheFlag() {
        assertThatThrownBy(() -> LdapConfig.of("", false, Optional.empty(), Optional.of(TestDirectory.USER_DN_TEMPLATE),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), RoleMap.empty())).hasMessageContaining("--ldap-url");
        assertThatThrownBy(() -> LdapConfig.of("http://x", false, Optional.empty(),
                Optional.of(TestDirectory.USER_DN_TEMPLATE), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), RoleMap.empty())).hasMessageContaining("ldap://");
        assertThatThrownBy(() -> LdapConfig.of("ldap://x", false, Optional.empty(),
                Optional.of(TestDirectory.USER_DN_TEMPLATE), Optional.of(TestDirectory.PEOPLE), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), RoleMap.empty()))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> LdapConfig.of("ldaps://x", true, Optional.empty(),
                Optional.of(TestDirectory.USER_DN_TEMPLATE), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), RoleMap.empty()))
                .hasMessageContaining("--ldap-starttls");
        assertThatThrownBy(() -> LdapConfig.of("ldap://x", false, Optional.empty(), Optional.of("uid=x"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), RoleMap.empty())).hasMessageContaining("{0}");
        assertThatThrownBy(() -> LdapConfig.of("ldap://x", false, Optional.empty(),
                Optional.of(TestDirectory.USER_DN_TEMPLATE), Optional.empty(), Optional.empty(),
                Optional.of(TestDirectory.SERVICE_DN), Optional.empty(), Optional.empty(), Optional.empty(),
                RoleMap.empty())).hasMessageContaining("--ldap-bind-password");
        assertThatThrownBy(() -> LdapConfig.of("ldap://x", false, Optional.empty(),
                Optional.of(TestDirectory.USER_DN_TEMPLATE), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(TestDirectory.GROUPS), Optional.of("(member={dn}"), RoleMap.empty()))
                .hasMessageContaining("--ldap-group-filter");
        LdapConfig fine = LdapConfig.of("ldap://x", false, Optional.empty(), Optional.empty(),
                Optional.of(TestDirectory.PEOPLE), Optional.empty(), Optional.of(TestDirectory.SERVICE_DN),
                Optional.of(TestDirectory.SERVICE_PASSWORD), Optional.empty(), Optional.empty(), RoleMap.empty());
        assertThat(fine.port()).isEqualTo(389);
        assertThat(fine.toString()).doesNotContain(TestDirectory.SERVICE_PASSWORD);
    }
}
