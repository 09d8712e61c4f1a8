package dev.strata.adapters.persistence;

import dev.strata.application.contract.Ports;
import dev.strata.application.contract.HostsContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteHostsTest extends HostsContract {

    @TempDir
    Path dir;

    private SqliteDatabase database;
    private Ports ports;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected Ports ports() {
        // opened on first use: the contract's own set-up runs before a subclass's
        if (ports == null) {
            database = SqliteDatabase.open(dir.resolve("strata.db"));
            ports = SqlitePorts.of(database);
        }
        return ports;
    }
}
