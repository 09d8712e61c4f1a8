package dev.strata.adapters.persistence.sqlite;

import dev.strata.adapters.persistence.CachedStatements;
import dev.strata.adapters.persistence.JdbiDatabase;
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
public final class SqliteDatabase extends JdbiDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);
    private static final int READERS = 8;
    /**
     * The newest migration in {@link #MIGRATIONS} (a test holds the two together). A database
     * already at it opens without Flyway, whose start alone costs about half a second.
     */
    static final int SCHEMA_VERSION = 12;
    /**
     * SQLite's migrations. Flyway records a script by its name within the location and its
     * checksum, not by the folder, so the files moved from {@code db/migration} stay applied.
     */
    static final String MIGRATIONS = "classpath:db/migration/sqlite";

    private final Path file;
    private final SqliteConnections pool;

    private SqliteDatabase(Path file, SqliteConnections pool) {
        super(pool);
        this.file = file;
        this.pool = pool;
    }

    /**
     * The database in {@code file}, not yet opened: its ports exist but answer only after
     * {@link #open()}. Lets a server wire itself while the database opens beside it.
     */
    public static SqliteDatabase at(Path file) {
        CachedStatements statements = new CachedStatements();
        return new SqliteDatabase(file, new SqliteConnections(file, READERS, jdbi -> jdbi
                .installPlugin(new SqlObjectPlugin()).setStatementBuilderFactory(statements)));
    }

    /** Opens (creating if needed) and migrates the database in {@code file}. */
    public static SqliteDatabase open(Path file) {
        SqliteDatabase database = at(file);
        database.open();
        return database;
    }

    /** Creates the file if needed, migrates it to the newest schema, and warms the query path. */
    @Override
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
            warm();
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
                .dataSource(SqliteConnections.url(file), null, null)
                .locations(MIGRATIONS)
                .failOnMissingLocations(true)
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("Database {} migrated to schema version {}", file, result.targetSchemaVersion);
        }
    }
}
