package dev.strata.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.bootstrap.ServerSettings;
import dev.strata.domain.access.AuthMode;
import dev.strata.domain.access.RoleName;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The directory modes' settings: from flags, environment or config file, checked with one clear line. */
class DirectorySettingsTest {

    private static ServerSettings settings(Map<String, String> environment, Properties file, String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).setDefaultValueProvider(new SettingsSources(environment, file))
                .setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        return serve.settings();
    }

    private static ServerSettings settings(String... args) {
        return settings(Map.of(), new Properties(), args);
    }

    @Test
    void readsLdapSettingsFromTheEnvironmentAndTheConfigFile() {
        Properties file = new Properties();
        file.setProperty("auth.mode", "LDAP");
        file.setProperty("ldap.url", "ldaps://ldap.example.org");
        file.setProperty("ldap.user.dn.template", "uid={0},ou=people,dc=example,dc=org");
        file.setProperty("ldap.group.search.base", "ou=groups,dc=example,dc=org");
        ServerSettings fromFile = settings(Map.of("STRATA_LDAP_ROLE_MAP", "admins=admin"), file);

        assertThat(fromFile.authMode()).isEqualTo(AuthMode.LDAP);
        var ldap = fromFile.directory().ldap().orElseThrow();
        assertThat(ldap.ldaps()).isTrue();
        assertThat(ldap.port()).isEqualTo(636);
        assertThat(ldap.groupFilter()).isEqualTo("(member={dn})");
        assertThat(ldap.roleMap().rolesOf(java.util.List.of("Admins"))).containsExactly(new RoleName("admin"));
        assertThat(fromFile.applicationSettings().authMode()).isEqualTo(AuthMode.LDAP);
    }

    @Test
    void readsOidcSettingsWithTheirDefaults() {
        ServerSettings oidc = settings(Map.of("STRATA_OIDC_ISSUER", "https://idp.example.org/realms/s"), new Properties(),
                "--auth-mode", "open_idc", "--oidc-jwks-url", "https://idp.example.org/realms/s/certs",
                "--oidc-audience", "strata");

        var config = oidc.directory().oidc().orElseThrow();
        assertThat(config.issuer()).isEqualTo("https://idp.example.org/realms/s");
        assertThat(config.rolesClaim()).isEqualTo("roles");
        assertThat(config.clockSkew()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void readsOnlyTheChosenModesSettings() {
        ServerSettings local = settings("--ldap-url", "not even a url", "--oidc-clock-skew", "600");
        assertThat(local.directory().ldap()).isEmpty();
        assertThat(local.directory().oidc()).isEmpty();
    }

    @Test
    void refusesSettingsThatCannotWorkSayingWhichFlagInOneLine() {
        String template = "--ldap-user-dn-template=uid={0},dc=example,dc=org";
        assertThatThrownBy(() -> settings("--auth-mode", "LDAP", template)).hasMessageContaining("--ldap-url");
        assertThatThrownBy(() -> settings("--auth-mode", "LDAP", "--ldap-url", "ldap://x", template,
                "--ldap-user-search-base", "dc=example,dc=org")).hasMessageContaining("not both");
        assertThatThrownBy(() -> settings("--auth-mode", "LDAP", "--ldap-url", "ldap://x", template,
                "--ldap-group-search-base", "dc=example,dc=org", "--ldap-role-map", "admins:admin"))
                .hasMessageStartingWith("--ldap-role-map: ");
        assertThatThrownBy(() -> settings("--auth-mode", "OPEN_IDC", "--oidc-issuer", "https://i",
                "--oidc-jwks-url", "https://i/keys", "--oidc-audience", "strata", "--oidc-clock-skew", "61"))
                .hasMessageContaining("--oidc-clock-skew");
        assertThatThrownBy(() -> settings("--auth-mode", "OPEN_IDC", "--oidc-issuer", "https://i",
                "--oidc-jwks-url", "https://i/keys", "--oidc-audience", "strata", "--oidc-algorithms", "HS256"))
                .hasMessageContaining("--oidc-algorithms");
        assertThatThrownBy(() -> settings("--auth-mode", "OPEN_IDC", "--oidc-issuer", "https://i"))
                .hasMessageContaining("--oidc-jwks-url");
    }

    @Test
    void strataServeSaysWhatIsWrongInOneLineAndNeverEchoesTheBindPassword() {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Main.run("serve", "--auth-mode", "LDAP", "--ldap-url", "ldap://127.0.0.1:1",
                    "--ldap-user-dn-template", "uid={0},dc=example,dc=org", "--ldap-user-search-base",
                    "dc=example,dc=org", "--ldap-bind-dn", "cn=strata", "--ldap-bind-password", "hunter2-secret");
        } finally {
            System.setErr(original);
        }
        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(1);
        assertThat(printed.strip().lines()).hasSize(1);
        assertThat(printed).startsWith("strata serve: ").contains("not both").doesNotContain("hunter2-secret");
    }
}
