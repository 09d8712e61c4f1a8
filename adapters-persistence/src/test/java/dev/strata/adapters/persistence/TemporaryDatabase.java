package dev.strata.adapters.persistence;

import dev.strata.adapters.persistence.sqlite.SqliteDatabase;
import dev.strata.adapters.persistence.postgresql.PostgresDatabase;
import dev.strata.adapters.persistence.postgresql.PostgresServer;
import dev.strata.application.contract.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A database of its own for one test, SQLite in a directory of its own or PostgreSQL on the test
 * run's server: opened on first use (a contract's own set-up runs before anything of its
 * subclass's), closed and deleted after the test.
 */
public final class TemporaryDatabase implements AfterEachCallback {

    private final boolean postgresql;
    private Path dir;
    private DatabaseUrl.Postgresql url;
    private Database database;

    private TemporaryDatabase(boolean postgresql) {
        this.postgresql = postgresql;
    }

    public static TemporaryDatabase sqlite() {
        return new TemporaryDatabase(false);
    }

    /** On the {@link PostgresServer} of this test run, started if need be. */
    public static TemporaryDatabase postgresql() {
        return new TemporaryDatabase(true);
    }

    public Database database() {
        if (database == null) {
            if (postgresql) {
                url = PostgresServer.shared().newDatabase();
                database = PostgresDatabase.at(url, Optional.of(PostgresServer.PASSWORD));
                database.open();
            } else {
                try {
                    dir = Files.createTempDirectory("strata-test-");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                database = SqliteDatabase.open(dir.resolve("strata.db"));
            }
        }
        return database;
    }

    /** Every port, from this one database. */
    public Ports ports() {
        Database db = database();
        return new Ports(db.nodes(), db.tenants(), db.volumes(), db.snapshots(), db.hosts(), db.publications(),
                db.auditLog(), db.transactions(), db.nodeAgents(), db.tasks(), db.hostEvents());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (database == null) {
            return;
        }
        database.close();
        database = null;
        if (postgresql) {
            PostgresServer.shared().dropDatabase(url);
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
