package dev.strata.bootstrap;

import dev.strata.adapters.auth.Argon2PasswordHasher;
import dev.strata.adapters.auth.IssuerTokens;
import dev.strata.adapters.auth.LdapDirectory;
import dev.strata.adapters.auth.OidcConfig;
import dev.strata.adapters.auth.SecureTokenSecrets;
import dev.strata.adapters.persistence.Database;
import dev.strata.adapters.persistence.DatabaseUrl;
import dev.strata.adapters.persistence.postgresql.PostgresDatabase;
import dev.strata.adapters.persistence.sqlite.SqliteDatabase;
import dev.strata.adapters.rest.RestApi;
import dev.strata.application.BuildInfo;
import dev.strata.application.Settings;
import dev.strata.application.port.out.DirectoryPasswords;
import dev.strata.application.port.out.IdentityTokens;
import dev.strata.application.port.out.PasswordHasher;
import dev.strata.application.port.out.TokenSecrets;
import dev.strata.application.service.AccessBootstrap;
import dev.strata.application.service.AccessTokenService;
import dev.strata.application.service.AccountService;
import dev.strata.application.service.AuditService;
import dev.strata.application.service.AuthenticationService;
import dev.strata.application.service.ClusterSummaryService;
import dev.strata.application.service.HostEventService;
import dev.strata.application.service.HostService;
import dev.strata.application.service.Mutations;
import dev.strata.application.service.NodeAgentService;
import dev.strata.application.service.NodeService;
import dev.strata.application.service.PublicationService;
import dev.strata.application.service.RoleService;
import dev.strata.application.service.SnapshotService;
import dev.strata.application.service.TaskService;
import dev.strata.application.service.SystemService;
import dev.strata.application.service.TenantService;
import dev.strata.application.service.UserService;
import dev.strata.application.service.VolumeService;
import dev.strata.domain.access.AuthMode;
import dev.strata.domain.access.Password;
import dev.strata.domain.access.RoleMap;
import dev.strata.domain.access.RoleName;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that connects ports to adapters and builds the use cases. The server and the CLI's
 * offline commands share it.
 */
public final class Wiring implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);

    private final Database database;
    private final BuildInfo build;
    private final Services services;
    private final AccessBootstrap accessBootstrap;
    private final AuthMode mode;
    private final DirectorySettings directory;

    private Wiring(Database database, BuildInfo build, Services services, AccessBootstrap accessBootstrap,
                   AuthMode mode, DirectorySettings directory) {
        this.mode = mode;
        this.directory = directory;
        this.database = database;
        this.build = build;
        this.services = services;
        this.accessBootstrap = accessBootstrap;
    }

    /** Builds everything; the database opens with {@link #openDatabase(Optional)}. */
    public static Wiring create(ServerSettings serverSettings, InstantSource clock) {
        return create(database(serverSettings.database(), serverSettings.databasePassword()),
                serverSettings.applicationSettings(), serverSettings.directory(), clock);
    }

    /** Without a directory or issuer: for modes {@code LOCAL} and {@code NONE}, and offline administration. */
    public static Wiring create(java.nio.file.Path databaseFile, Settings settings, InstantSource clock) {
        return create(database(new DatabaseUrl.Sqlite(databaseFile), Optional.empty()), settings,
                DirectorySettings.none(), clock);
    }

    /** The database {@code url} names, not yet opened; {@code password} is for PostgreSQL. */
    public static Database database(DatabaseUrl url, Optional<String> password) {
        if (url instanceof DatabaseUrl.Postgresql postgresql) {
            return PostgresDatabase.at(postgresql, password);
        }
        return SqliteDatabase.at(((DatabaseUrl.Sqlite) url).file());
    }

    /** Over {@code database}, not yet opened; closing the wiring closes it. */
    public static Wiring create(Database database, Settings settings, DirectorySettings directory,
                                InstantSource clock) {
        try {
            BuildInfo build = Builds.current();
            PasswordHasher hasher = new Argon2PasswordHasher();
            TokenSecrets secrets = new SecureTokenSecrets();
            var transactions = database.transactions();
            Mutations mutations = new Mutations(transactions, database.auditLog(), clock);
            NodeService nodes = new NodeService(database.nodes(), database.volumes(), database.snapshots(),
                    database.publications(), transactions, mutations, clock);
            TenantService tenants = new TenantService(database.tenants(), database.nodes(), database.volumes(),
                    database.snapshots(), transactions, mutations, clock);
            VolumeService volumes = new VolumeService(database.nodes(), database.tenants(), database.volumes(),
                    database.snapshots(), database.hosts(), database.publications(), database.tasks(), transactions,
                    mutations, settings.thinOvercommit(), clock);
            TaskService tasks = new TaskService(database.hosts(), database.nodes(), database.tenants(),
                    database.volumes(), database.publications(), database.tasks(), transactions, mutations,
                    settings.thinOvercommit(), clock);
            SnapshotService snapshots = new SnapshotService(database.nodes(), database.tenants(), database.volumes(),
                    database.snapshots(), transactions, mutations, settings.thinOvercommit(), clock);
            HostService hosts = new HostService(database.hosts(), database.publications(), transactions, mutations,
                    clock);
            PublicationService publications = new PublicationService(database.hosts(), database.nodes(),
                    database.tenants(), database.volumes(), database.publications(), transactions, mutations, clock);
            NodeAgentService agents = new NodeAgentService(database.nodes(), database.volumes(), database.hosts(),
                    database.publications(), database.nodeAgents(), transactions, mutations, clock);
            SystemService system = new SystemService(build, settings, database.nodes(), database.volumes(),
                    transactions, database.readiness());
            // Only the chosen mode's directory is built: LOCAL never reaches out to one.
            Optional<DirectoryPasswords> ldap = settings.authMode() == AuthMode.LDAP
                    ? directory.ldap().map(LdapDirectory::new) : Optional.empty();
            Optional<IdentityTokens> oidc = settings.authMode() == AuthMode.OPEN_IDC
                    ? directory.oidc().map(config -> new IssuerTokens(config, clock)) : Optional.empty();
            AuthenticationService authentication = new AuthenticationService(settings, database.users(),
                    database.roles(), database.sessions(), database.accessTokens(), database.loginFailures(), hasher,
                    secrets, transactions, mutations, clock, ldap, oidc);
            AccountService accounts = new AccountService(database.users(), database.sessions(), hasher, transactions,
                    mutations);
            UserService users = new UserService(database.users(), database.roles(), database.tenants(),
                    database.nodes(), database.sessions(), database.accessTokens(), hasher, transactions, mutations, clock);
            RoleService roles = new RoleService(database.roles(), database.users(), transactions, mutations);
            AccessTokenService tokens = new AccessTokenService(database.accessTokens(), database.users(), secrets,
                    transactions, mutations, clock);
            AuditService audit = new AuditService(database.auditLog(), transactions);
            AccessBootstrap accessBootstrap = new AccessBootstrap(database.users(), database.roles(),
                    database.sessions(), hasher, secrets, transactions, mutations, clock);
            Services services = new Services(system, authentication, accounts, users, roles, tokens, audit, nodes,
                    tenants, volumes, snapshots, hosts, publications, agents, new ClusterSummaryService(settings,
                    database.nodes(), database.volumes(), database.hosts(), database.tenants(), database.nodeAgents(),
                    transactions, clock), tasks, new HostEventService(database.hostEvents(), transactions, mutations),
                    clock);
            return new Wiring(database, build, services, accessBootstrap, settings.authMode(), directory);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * Opens and migrates the database and makes sure the built-in roles and {@code admin} exist.
     * Returns the password it made up for {@code admin} on an empty database when none was given.
     */
    public Optional<String> openDatabase(Optional<Password> adminPassword) {
        database.open();
        Optional<String> generated = accessBootstrap.prepare(adminPassword);
        describeDirectory();
        return generated;
    }

    /**
     * Says at start where callers are checked, and warns once about each role a role map grants
     * that Strata does not have: such a mapping grants nothing until someone creates the role.
     */
    private void describeDirectory() {
        RoleMap map = RoleMap.empty();
        if (mode == AuthMode.LDAP && directory.ldap().isPresent()) {
            LOG.info("Authentication: LDAP, {}", directory.ldap().get());
            map = directory.ldap().get().roleMap();
        } else if (mode == AuthMode.OPEN_IDC && directory.oidc().isPresent()) {
            OidcConfig oidc = directory.oidc().get();
            LOG.info("Authentication: OPEN_IDC, issuer {}, keys from {}, audience {}, roles from claim {}",
                    oidc.issuer(), oidc.jwksUrl(), oidc.audience(), oidc.rolesClaim());
            map = oidc.roleMap();
        }
        Set<RoleName> grantable = map.grantable();
        for (RoleName role : grantable) {
            if (database.transactions().read(() -> database.roles().find(role)).isEmpty()) {
                LOG.warn("The role map grants role '{}', which does not exist; it grants nothing until it is"
                        + " created under /v1/auth/roles/", role);
            }
        }
    }

    /** Offline administration, for the CLI. */
    public AccessBootstrap access() {
        return accessBootstrap;
    }

    /**
     * Starts what the server runs in the background for the nodes' agents: waking long polls and
     * sweeping silent nodes (offline commands never start it).
     */
    public void startNodeAgents() {
        services.agents().start();
    }

    /** Makes every storage node whose agent went silent Unavailable now, as the background sweep does. */
    public void sweepSilentNodes() {
        services.agents().sweep();
    }

    /**
     * Work to do now and then: forget expired sessions, and failed logins and locks that no longer
     * count. Every instance on one database runs it; the deletes are idempotent.
     */
    public void housekeeping() {
        services.authentication().purgeExpiredSessions();
        services.authentication().purgeOldLoginFailures();
    }

    /**
     * Runs {@code work} in one write transaction: the use cases it calls join it. For offline bulk
     * tools, such as seeding a benchmark's database, that would otherwise pay a commit per change.
     */
    public void inOneTransaction(Runnable work) {
        database.transactions().write(work);
    }

    /** The application's services: what the REST adapter and the offline tools drive. */
    public Services services() {
        return services;
    }

    /** The REST adapter over these services: every endpoint, each given the use cases it calls. */
    public ResourceConfig restApi() {
        return RestApi.resourceConfig(services.authentication(), RestEndpoints.of(services, build));
    }

    @Override
    public void close() {
        services.agents().close();
        database.close();
    }
}
