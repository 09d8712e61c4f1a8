package dev.strata.bootstrap;

import dev.strata.adapters.persistence.DatabaseUrl;
import dev.strata.application.Settings;
import dev.strata.domain.access.AuthMode;
import dev.strata.domain.access.Password;
import dev.strata.domain.node.OvercommitLimit;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything {@code strata serve} is told: flags, then {@code STRATA_*} environment variables, then
 * the config file, then these defaults.
 */
public record ServerSettings(
        String bind,
        int port,
        Path dataDir,
        boolean plainHttp,
        Optional<Path> tlsCert,
        Optional<Path> tlsKey,
        Optional<Path> tlsClientCa,
        AuthMode authMode,
        double thinOvercommit,
        Optional<Password> adminPassword,
        DirectorySettings directory,
        Optional<DatabaseUrl> databaseUrl,
        Optional<String> databasePassword) {

    public static final int DEFAULT_PORT = 8090;
    public static final String DEFAULT_BIND = "127.0.0.1";

    /** With the database in {@code dataDir} ({@code sqlite:<data-dir>/strata.db}). */
    public ServerSettings(String bind, int port, Path dataDir, boolean plainHttp, Optional<Path> tlsCert,
                          Optional<Path> tlsKey, Optional<Path> tlsClientCa, AuthMode authMode, double thinOvercommit,
                          Optional<Password> adminPassword, DirectorySettings directory) {
        this(bind, port, dataDir, plainHttp, tlsCert, tlsKey, tlsClientCa, authMode, thinOvercommit, adminPassword,
                directory, Optional.empty(), Optional.empty());
    }

    public ServerSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535");
        }
        if (tlsCert.isPresent() != tlsKey.isPresent()) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together");
        }
        if (plainHttp && (tlsCert.isPresent() || tlsClientCa.isPresent())) {
            throw new IllegalArgumentException("--http serves plain HTTP; it takes no TLS settings");
        }
        if (authMode == AuthMode.LDAP && directory.ldap().isEmpty()) {
            throw new IllegalArgumentException("--auth-mode LDAP needs --ldap-url and how to find users"
                    + " (--ldap-user-dn-template or --ldap-user-search-base)");
        }
        if (authMode == AuthMode.OPEN_IDC && directory.oidc().isEmpty()) {
            throw new IllegalArgumentException("--auth-mode OPEN_IDC needs --oidc-issuer, --oidc-jwks-url and"
                    + " --oidc-audience");
        }
        if (authMode == AuthMode.NONE && !isLoopback(bind)) {
            throw new IllegalArgumentException("--auth-mode NONE makes every caller an administrator; it is allowed"
                    + " only with a loopback --bind address such as 127.0.0.1");
        }
    }

    private static boolean isLoopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The defaults, with the data in {@code dataDir}. */
    public static ServerSettings defaults(Path dataDir) {
        return new ServerSettings(DEFAULT_BIND, DEFAULT_PORT, dataDir, false, Optional.empty(), Optional.empty(),
                Optional.empty(), AuthMode.LOCAL, Settings.DEFAULT_THIN_OVERCOMMIT, Optional.empty(),
                DirectorySettings.none());
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(bind, newPort, dataDir, plainHttp, tlsCert, tlsKey, tlsClientCa, authMode,
                thinOvercommit, adminPassword, directory,
                databaseUrl, databasePassword);
    }

    public ServerSettings withPlainHttp(boolean plain) {
        return new ServerSettings(bind, port, dataDir, plain, tlsCert, tlsKey, tlsClientCa, authMode,
                thinOvercommit, adminPassword, directory,
                databaseUrl, databasePassword);
    }

    public ServerSettings withTls(Optional<Path> cert, Optional<Path> key, Optional<Path> clientCa) {
        return new ServerSettings(bind, port, dataDir, plainHttp, cert, key, clientCa, authMode, thinOvercommit,
                adminPassword, directory,
                databaseUrl, databasePassword);
    }

    public ServerSettings withAuthMode(AuthMode mode) {
        return new ServerSettings(bind, port, dataDir, plainHttp, tlsCert, tlsKey, tlsClientCa, mode,
                thinOvercommit, adminPassword, directory,
                databaseUrl, databasePassword);
    }

    /** The password {@code admin} gets when the database is empty. */
    public ServerSettings withAdminPassword(String password) {
        return new ServerSettings(bind, port, dataDir, plainHttp, tlsCert, tlsKey, tlsClientCa, authMode,
                thinOvercommit, Optional.of(Password.newPassword("STRATA_ADMIN_PASSWORD", password)), directory,
                databaseUrl, databasePassword);
    }

    public ServerSettings withBind(String address) {
        return new ServerSettings(address, port, dataDir, plainHttp, tlsCert, tlsKey, tlsClientCa, authMode,
                thinOvercommit, adminPassword, directory,
                databaseUrl, databasePassword);
    }

    /** Mode {@code LDAP} against this directory. */
    public ServerSettings withLdap(dev.strata.adapters.auth.LdapConfig ldap) {
        return new ServerSettings(bind, port, dataDir, plainHttp, tlsCert, tlsKey, tlsClientCa, AuthMode.LDAP,
                thinOvercommit, adminPassword, DirectorySettings.of(ldap),
                databaseUrl, databasePassword);
    }

    /** Mode {@code OPEN_IDC} with this issuer. */
    public ServerSettings withOidc(dev.strata.adapters.auth.OidcConfig oidc) {
        return new ServerSettings(bind, port, dataDir, plainHttp, tlsCert, tlsKey, tlsClientCa, AuthMode.OPEN_IDC,
                thinOvercommit, adminPassword, DirectorySettings.of(oidc),
                databaseUrl, databasePassword);
    }

    public ServerSettings withDataDir(Path dir) {
        return new ServerSettings(bind, port, dir, plainHttp, tlsCert, tlsKey, tlsClientCa, authMode,
                thinOvercommit, adminPassword, directory,
                databaseUrl, databasePassword);
    }

    public Settings applicationSettings() {
        return new Settings(authMode, new OvercommitLimit(thinOvercommit));
    }

    /** Where the database is: as given, else {@code sqlite:<data-dir>/strata.db}. */
    public DatabaseUrl database() {
        return databaseUrl.orElseGet(() -> new DatabaseUrl.Sqlite(dataDir.resolve("strata.db")));
    }

    /** The database at {@code url}, with {@code password} if it takes one (never from a flag). */
    public ServerSettings withDatabase(DatabaseUrl url, Optional<String> password) {
        return new ServerSettings(bind, port, dataDir, plainHttp, tlsCert, tlsKey, tlsClientCa, authMode,
                thinOvercommit, adminPassword, directory, Optional.of(url), password);
    }

    /** Never shows the database password. */
    @Override
    public String toString() {
        return "ServerSettings[bind=" + bind + ", port=" + port + ", dataDir=" + dataDir + ", database=" + database()
                + ", authMode=" + authMode + "]";
    }
}
