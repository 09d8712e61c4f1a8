package dev.strata.adapters.persistence;

import dev.strata.application.port.out.AccessTokens;
import dev.strata.application.port.out.AuditLog;
import dev.strata.application.port.out.Hosts;
import dev.strata.application.port.out.Nodes;
import dev.strata.application.port.out.NodeAgents;
import dev.strata.application.port.out.Publications;
import dev.strata.application.port.out.Readiness;
import dev.strata.application.port.out.Roles;
import dev.strata.application.port.out.Sessions;
import dev.strata.application.port.out.Users;
import dev.strata.application.port.out.Snapshots;
import dev.strata.application.port.out.Tenants;
import dev.strata.application.port.out.Transactions;
import dev.strata.application.port.out.Volumes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Strata's SQLite database: one file, migrated to the newest schema when opened, and the out-ports
 * over it. Open it once per process.
 */
public final class SqliteDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);
    private static final int READERS = 8;
    /**
     * The newest migration in {@code db/migration} (a test holds the two together). A database
     * already at it opens without Flyway, whose start alone costs about half a second.
     */
    static final int SCHEMA_VERSION = 7;

    private final Path file;
    private final HandlePool pool;
    private final JdbiTransactions transactions;
    private final SqliteNodes nodes;
    private final SqliteAuditLog auditLog;
    private final SqliteUsers users;
    private final SqliteRoles roles;
    private final SqliteSessions sessions;
    private final SqliteAccessTokens accessTokens;
    private final SqliteTenants tenants;
    private final SqliteVolumes volumes;
    private final SqliteSnapshots snapshots;
    private final SqliteHosts hosts;
    private final SqlitePublications publications;
    private final SqliteNodeAgents nodeAgents;

    private SqliteDatabase(Path file) {
        this.file = file;
        CachedStatements statements = new CachedStatements();
        this.pool = new HandlePool(file, READERS, jdbi -> jdbi.installPlugin(new SqlObjectPlugin())
                .setStatementBuilderFactory(statements));
        this.transactions = new JdbiTransactions(pool);
        this.nodes = new SqliteNodes(transactions);
        this.auditLog = new SqliteAuditLog(transactions);
        this.users = new SqliteUsers(transactions);
        this.roles = new SqliteRoles(transactions);
        this.sessions = new SqliteSessions(transactions);
        this.accessTokens = new SqliteAccessTokens(transactions);
        this.tenants = new SqliteTenants(transactions);
        this.volumes = new SqliteVolumes(transactions);
        this.snapshots = new SqliteSnapshots(transactions);
        this.hosts = new SqliteHosts(transactions);
        this.publications = new SqlitePublications(transactions);
        this.nodeAgents = new SqliteNodeAgents(transactions);
    }

    /**
     * The database in {@code file}, not yet opened: its ports exist but answer only after
     * {@link #open()}. Lets a server wire itself while the database opens beside it.
     */
    public static SqliteDatabase at(Path file) {
        return new SqliteDatabase(file);
    }

    /** Opens (creating if needed) and migrates the database in {@code file}. */
    public static SqliteDatabase open(Path file) {
        SqliteDatabase database = at(file);
        database.open();
        return database;
    }

    /** Creates the file if needed, migrates it to the newest schema, and warms the query path. */
    public void open() {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // The writer opens first: it turns on WAL, which the migration then runs under.
            pool.open();
            if (!atSchemaVersion()) {
                migrate(file);
            }
            nodes.all();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot create the directory of " + file, e);
        } catch (SQLException e) {
            close();
            throw new IllegalStateException("cannot open the database " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Whether every migration up to {@link #SCHEMA_VERSION}, and none beyond, has been applied. */
    private boolean atSchemaVersion() {
        Handle writer = pool.writer().handle();
        if (writer.createQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                + " AND name = 'flyway_schema_history'").mapTo(Integer.class).one() == 0) {
            return false;
        }
        return writer.createQuery("SELECT coalesce(sum(success = 0), 0) = 0 AND coalesce(max(CASE WHEN success = 1"
                        + " THEN CAST(version AS INTEGER) END), 0) = :version"
                        + " FROM flyway_schema_history WHERE version IS NOT NULL")
                .bind("version", SCHEMA_VERSION).mapTo(Boolean.class).one();
    }

    private static void migrate(Path file) {
        var result = Flyway.configure(SqliteDatabase.class.getClassLoader())
                .dataSource(HandlePool.url(file), null, null)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("Database {} migrated to schema version {}", file, result.targetSchemaVersion);
        }
    }

    public Transactions transactions() {
        return transactions;
    }

    public Nodes nodes() {
        return nodes;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    public Users users() {
        return users;
    }

    public Roles roles() {
        return roles;
    }

    public Sessions sessions() {
        return sessions;
    }

    public AccessTokens accessTokens() {
        return accessTokens;
    }

    public Tenants tenants() {
        return tenants;
    }

    public Volumes volumes() {
        return volumes;
    }

    public Snapshots snapshots() {
        return snapshots;
    }

    public Hosts hosts() {
        return hosts;
    }

    public Publications publications() {
        return publications;
    }

    public NodeAgents nodeAgents() {
        return nodeAgents;
    }

    public Readiness readiness() {
        return () -> {
            try {
                return transactions.withHandle(h -> h.handle().createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
            } catch (RuntimeException e) {
                LOG.warn("The database does not answer: {}", e.toString());
                return false;
            }
        };
    }

    @Override
    public void close() {
        try {
            pool.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the database failed: {}", e.toString());
        }
    }
}
