package dev.strata.adapters.persistence.postgresql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.strata.adapters.persistence.DatabaseUrl;
import dev.strata.adapters.persistence.JdbiDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Strata's PostgreSQL database (15 or newer), shared by any number of Strata instances: migrated to
 * the newest schema when opened (Flyway takes a lock in the database, so instances starting at once
 * migrate one after the other), and the out-ports over it.
 */
public final class PostgresDatabase extends JdbiDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresDatabase.class);
    /** Connections per instance: the workers' requests, and a few for background work. */
    static final int POOL_SIZE = 16;
    /** How long a request waits for a connection before it is told the database is unavailable. */
    static final long CONNECTION_TIMEOUT_MS = 3_000;
    static final String MIGRATIONS = "classpath:db/migration/postgresql";

    private final DatabaseUrl.Postgresql url;
    private final Optional<String> password;
    private final HikariDataSource pool;

    private PostgresDatabase(DatabaseUrl.Postgresql url, Optional<String> password, HikariDataSource pool) {
        super(new PostgresConnections(pool, jdbi -> jdbi.installPlugin(new SqlObjectPlugin())));
        this.url = url;
        this.password = password;
        this.pool = pool;
    }

    /** The database at {@code url}, not yet connected. */
    public static PostgresDatabase at(DatabaseUrl.Postgresql url, Optional<String> password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        config.setUsername(url.user());
        password.ifPresent(config::setPassword);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        config.setValidationTimeout(1_000);
        config.setPoolName("strata-postgresql");
        // Connecting happens in open(), where a failure is one line; not while wiring.
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("connectTimeout", "3");
        config.addDataSourceProperty("socketTimeout", "30");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("ApplicationName", "strata");
        return new PostgresDatabase(url, password, new HikariDataSource(config));
    }

    @Override
    public void open() {
        try {
            connectOnce();
            migrate();
            warm();
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("cannot open the database " + url + ": " + reason(e), e);
        }
    }

    /**
     * One connection made directly, so that a server that is not there or a wrong password is told
     * at once in the server's words, not after the pool's wait for a connection.
     */
    private void connectOnce() {
        Properties properties = new Properties();
        properties.setProperty("user", url.user());
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("ApplicationName", "strata");
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), properties)) {
            int major = connection.getMetaData().getDatabaseMajorVersion();
            if (major < 15) {
                throw new IllegalStateException("PostgreSQL " + major + " is too old: Strata needs 15 or newer");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void migrate() {
        var result = Flyway.configure(PostgresDatabase.class.getClassLoader())
                .dataSource(pool)
                .locations(MIGRATIONS)
                .failOnMissingLocations(true)
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("Database {} migrated to schema version {}", url, result.targetSchemaVersion);
        }
    }

    /** The server's own words (wrong password, no such database, connection refused), one line. */
    static String reason(Throwable failure) {
        Throwable chosen = failure;
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException || chosen == failure) {
                chosen = cause;
            }
        }
        String message = chosen.getMessage() == null ? chosen.getClass().getSimpleName() : chosen.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}
