package dev.strata.adapters.persistence;

import dev.strata.application.contract.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A SQLite database in a directory of its own, for one test: opened on first use (a contract's own
 * set-up runs before anything of its subclass's), closed and deleted after the test.
 */
final class TemporaryDatabase implements AfterEachCallback {

    private Path dir;
    private SqliteDatabase database;

    SqliteDatabase database() {
        if (database == null) {
            try {
                dir = Files.createTempDirectory("strata-test-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            database = SqliteDatabase.open(dir.resolve("strata.db"));
        }
        return database;
    }

    /** Every port, from this one database. */
    Ports ports() {
        SqliteDatabase db = database();
        return new Ports(db.nodes(), db.tenants(), db.volumes(), db.snapshots(), db.hosts(), db.publications(),
                db.auditLog(), db.transactions(), db.nodeAgents());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (database == null) {
            return;
        }
        database.close();
        database = null;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
