package dev.strata.bootstrap.cli;

import dev.strata.adapters.auth.LdapConfig;
import dev.strata.adapters.auth.OidcConfig;
import dev.strata.adapters.persistence.DatabaseUrl;
import dev.strata.application.Settings;
import dev.strata.bootstrap.DirectorySettings;
import dev.strata.bootstrap.ServerSettings;
import dev.strata.bootstrap.StrataServer;
import dev.strata.domain.DomainException;
import dev.strata.domain.access.AuthMode;
import dev.strata.domain.access.RoleMap;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Serve the Strata API until stopped (SIGTERM or Ctrl-C).",
        mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8090", description = "Port to listen on (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = ServerSettings.DEFAULT_BIND,
            description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String bind;

    @Option(names = "--data-dir", defaultValue = "./data",
            description = "Directory of the database and the self-signed certificate (default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--database", description = "sqlite:PATH or postgresql://[user@]host[:port]/dbname[?sslmode=…]"
            + " (default sqlite:<data-dir>/strata.db). The password only from STRATA_DATABASE_PASSWORD or the config"
            + " key database.password.")
    String database;

    @Option(names = "--tls-cert", description = "PEM certificate chain of the server.")
    Path tlsCert;

    @Option(names = "--tls-key", description = "PEM private key of the server.")
    Path tlsKey;

    @Option(names = "--tls-client-ca", description = "PEM CA: clients must present a certificate it signed.")
    Path tlsClientCa;

    @Option(names = "--http", description = "Serve plain HTTP. For local development only.")
    boolean plainHttp;

    @Option(names = "--auth-mode", defaultValue = "LOCAL",
            description = "LOCAL, LDAP, OPEN_IDC or NONE (default ${DEFAULT-VALUE}).")
    AuthMode authMode;

    @Option(names = "--thin-overcommit", defaultValue = "" + Settings.DEFAULT_THIN_OVERCOMMIT,
            description = "How far a node's provisioned capacity may exceed its media (default ${DEFAULT-VALUE}).")
    double thinOvercommit;

    @Option(names = "--config", description = "A properties file of settings, keyed like ldap.url for --ldap-url.")
    Path config;

    @Option(names = "--ldap-url", description = "LDAP mode: ldap://host:389 or ldaps://host:636.")
    String ldapUrl;

    @Option(names = "--ldap-starttls", description = "LDAP mode: upgrade the ldap:// connection with StartTLS.")
    boolean ldapStartTls;

    @Option(names = "--ldap-ca-file", description = "LDAP mode: PEM CA that signs the directory's certificate"
            + " (default: the JVM's trusted CAs).")
    Path ldapCaFile;

    @Option(names = "--ldap-user-dn-template", description = "LDAP mode: a user's DN, {0} for the name, e.g."
            + " uid={0},ou=people,dc=example,dc=org.")
    String ldapUserDnTemplate;

    @Option(names = "--ldap-user-search-base", description = "LDAP mode: where to search for users (instead of"
            + " a DN template).")
    String ldapUserSearchBase;

    @Option(names = "--ldap-user-search-filter", description = "LDAP mode: the user search, {0} for the name"
            + " (default " + LdapConfig.DEFAULT_USER_SEARCH_FILTER + ").")
    String ldapUserSearchFilter;

    @Option(names = "--ldap-bind-dn", description = "LDAP mode: service account that searches (default: the"
            + " user).")
    String ldapBindDn;

    @Option(names = "--ldap-bind-password", description = "LDAP mode: its password (better in"
            + " STRATA_LDAP_BIND_PASSWORD or the config file: flags show in ps).")
    String ldapBindPassword;

    @Option(names = "--ldap-group-search-base", description = "LDAP mode: where the groups are.")
    String ldapGroupSearchBase;

    @Option(names = "--ldap-group-filter", description = "LDAP mode: a user's groups, {dn} for their DN, {0} for"
            + " their name (default " + LdapConfig.DEFAULT_GROUP_FILTER + ").")
    String ldapGroupFilter;

    @Option(names = "--ldap-role-map", description = "LDAP mode: group-cn=role,…, e.g."
            + " storage-admins=storage,auditors=monitor.")
    String ldapRoleMap;

    @Option(names = "--oidc-issuer", description = "OPEN_IDC mode: the exact iss of the issuer's tokens.")
    String oidcIssuer;

    @Option(names = "--oidc-jwks-url", description = "OPEN_IDC mode: where the issuer publishes its signing keys.")
    String oidcJwksUrl;

    @Option(names = "--oidc-audience", description = "OPEN_IDC mode: the aud tokens for Strata carry.")
    String oidcAudience;

    @Option(names = "--oidc-roles-claim", defaultValue = OidcConfig.DEFAULT_ROLES_CLAIM,
            description = "OPEN_IDC mode: the claim holding roles or groups (default ${DEFAULT-VALUE}).")
    String oidcRolesClaim;

    @Option(names = "--oidc-role-map", description = "OPEN_IDC mode: claim-value=role,….")
    String oidcRoleMap;

    @Option(names = "--oidc-algorithms", defaultValue = OidcConfig.DEFAULT_ALGORITHMS,
            description = "OPEN_IDC mode: accepted signature algorithms (default ${DEFAULT-VALUE}).")
    String oidcAlgorithms;

    @Option(names = "--oidc-clock-skew", defaultValue = "" + OidcConfig.DEFAULT_CLOCK_SKEW_SECONDS,
            description = "OPEN_IDC mode: seconds exp and nbf may be off, at most 60 (default ${DEFAULT-VALUE}).")
    int oidcClockSkew;

    /** The settings as given, checked; only the chosen mode's directory settings are read. */
    ServerSettings settings() {
        DirectorySettings directory = DirectorySettings.none();
        if (authMode == AuthMode.LDAP) {
            directory = DirectorySettings.of(LdapConfig.of(ldapUrl, ldapStartTls, Optional.ofNullable(ldapCaFile),
                    given(ldapUserDnTemplate), given(ldapUserSearchBase), given(ldapUserSearchFilter),
                    given(ldapBindDn), Optional.ofNullable(ldapBindPassword), given(ldapGroupSearchBase),
                    given(ldapGroupFilter), roleMap("--ldap-role-map", ldapRoleMap)));
        } else if (authMode == AuthMode.OPEN_IDC) {
            directory = DirectorySettings.of(OidcConfig.of(given(oidcIssuer), given(oidcJwksUrl),
                    given(oidcAudience), given(oidcRolesClaim), roleMap("--oidc-role-map", oidcRoleMap),
                    given(oidcAlgorithms), oidcClockSkew));
        }
        ServerSettings settings = new ServerSettings(bind, port, dataDir, plainHttp, Optional.ofNullable(tlsCert),
                Optional.ofNullable(tlsKey), Optional.ofNullable(tlsClientCa), authMode, thinOvercommit,
                Optional.empty(), directory);
        if (given(database).isPresent()) {
            settings = settings.withDatabase(DatabaseUrl.parse(database), databasePassword());
        }
        return settings;
    }

    /** From the environment, else the config file; never from a flag, which would show in {@code ps}. */
    private Optional<String> databasePassword() {
        String fromEnvironment = System.getenv("STRATA_DATABASE_PASSWORD");
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return Optional.of(fromEnvironment);
        }
        if (config == null) {
            return Optional.empty();
        }
        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
            file.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the config file " + config + ": " + e.getMessage());
        }
        return Optional.ofNullable(file.getProperty("database.password")).filter(p -> !p.isEmpty());
    }

    private static Optional<String> given(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static RoleMap roleMap(String flag, String text) {
        try {
            return RoleMap.parse(text);
        } catch (DomainException e) {
            throw new IllegalArgumentException(flag + ": " + e.description());
        }
    }

    @Override
    public Integer call() throws Exception {
        ServerSettings settings = settings();
        // The first admin's password comes from the environment, never from a flag: flags show in `ps`.
        String adminPassword = System.getenv("STRATA_ADMIN_PASSWORD");
        if (adminPassword != null && !adminPassword.isEmpty()) {
            settings = settings.withAdminPassword(adminPassword);
        }
        StrataServer server = StrataServer.start(settings, Clock.tickMillis(ZoneOffset.UTC));
        server.generatedAdminPassword().ifPresent(password -> {
            System.out.println("Created user admin with the generated password: " + password);
            System.out.println("It is shown only this once. Change it with POST /v1/session/change-password.");
            System.out.flush();
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "strata-shutdown"));
        stopped.await();
        return 0;
    }
}
