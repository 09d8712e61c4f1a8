package dev.strata.bootstrap;

import dev.strata.adapters.auth.Argon2PasswordHasher;
import dev.strata.adapters.auth.SecureTokenSecrets;
import dev.strata.adapters.persistence.SqliteDatabase;
import dev.strata.adapters.rest.UseCases;
import dev.strata.application.BuildInfo;
import dev.strata.application.Settings;
import dev.strata.application.port.out.PasswordHasher;
import dev.strata.application.port.out.TokenSecrets;
import dev.strata.application.service.AccessBootstrap;
import dev.strata.application.service.AccessTokenService;
import dev.strata.application.service.AccountService;
import dev.strata.application.service.AuditService;
import dev.strata.application.service.AuthenticationService;
import dev.strata.application.service.Mutations;
import dev.strata.application.service.NodeService;
import dev.strata.application.service.RoleService;
import dev.strata.application.service.SystemService;
import dev.strata.application.service.UserService;
import dev.strata.domain.access.Password;
import java.time.InstantSource;
import java.util.Optional;

/**
 * The one place that connects ports to adapters and builds the use cases. The server and the CLI's
 * offline commands share it.
 */
public final class Wiring implements AutoCloseable {

    private final SqliteDatabase database;
    private final UseCases useCases;
    private final AccessBootstrap accessBootstrap;
    private final AuthenticationService authentication;

    private Wiring(SqliteDatabase database, UseCases useCases, AccessBootstrap accessBootstrap,
                   AuthenticationService authentication) {
        this.database = database;
        this.useCases = useCases;
        this.accessBootstrap = accessBootstrap;
        this.authentication = authentication;
    }

    /** Builds everything; the database opens with {@link #openDatabase(Optional)}. */
    public static Wiring create(ServerSettings serverSettings, InstantSource clock) {
        return create(serverSettings.databaseFile(), serverSettings.applicationSettings(), clock);
    }

    public static Wiring create(java.nio.file.Path databaseFile, Settings settings, InstantSource clock) {
        SqliteDatabase database = SqliteDatabase.at(databaseFile);
        try {
            BuildInfo build = Builds.current();
            PasswordHasher hasher = new Argon2PasswordHasher();
            TokenSecrets secrets = new SecureTokenSecrets();
            var transactions = database.transactions();
            Mutations mutations = new Mutations(transactions, database.auditLog(), clock);
            NodeService nodes = new NodeService(database.nodes(), transactions, mutations, clock);
            SystemService system = new SystemService(build, settings, database.nodes(), transactions,
                    database.readiness());
            AuthenticationService authentication = new AuthenticationService(settings, database.users(),
                    database.roles(), database.sessions(), database.accessTokens(), hasher, secrets, transactions,
                    mutations, clock);
            AccountService accounts = new AccountService(database.users(), database.sessions(), hasher, transactions,
                    mutations);
            UserService users = new UserService(database.users(), database.roles(), database.sessions(),
                    database.accessTokens(), hasher, transactions, mutations, clock);
            RoleService roles = new RoleService(database.roles(), database.users(), transactions, mutations);
            AccessTokenService tokens = new AccessTokenService(database.accessTokens(), database.users(), secrets,
                    transactions, mutations, clock);
            AuditService audit = new AuditService(database.auditLog(), transactions);
            AccessBootstrap accessBootstrap = new AccessBootstrap(database.users(), database.roles(),
                    database.sessions(), hasher, secrets, transactions, mutations, clock);
            UseCases useCases = new UseCases(
                    new UseCases.System(build, system, system),
                    new UseCases.Sessions(authentication, authentication, authentication, accounts, accounts),
                    new UseCases.Users(users, users, users, users, users, users, users),
                    new UseCases.Roles(roles, roles, roles, roles, roles, roles, roles, roles, roles),
                    new UseCases.Tokens(tokens, tokens, tokens, tokens, tokens),
                    new UseCases.Audit(audit),
                    new UseCases.Nodes(nodes, nodes, nodes, nodes, nodes, nodes, nodes));
            return new Wiring(database, useCases, accessBootstrap, authentication);
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
        return accessBootstrap.prepare(adminPassword);
    }

    /** Offline administration, for the CLI. */
    public AccessBootstrap access() {
        return accessBootstrap;
    }

    /** Work to do now and then: forget expired sessions. */
    public void housekeeping() {
        authentication.purgeExpiredSessions();
    }

    public UseCases useCases() {
        return useCases;
    }

    @Override
    public void close() {
        database.close();
    }
}
