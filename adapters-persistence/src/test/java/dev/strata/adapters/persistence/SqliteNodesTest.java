package dev.strata.adapters.persistence;

import dev.strata.application.contract.NodesContract;
import dev.strata.application.port.out.AuditLog;
import dev.strata.application.port.out.Nodes;
import dev.strata.application.port.out.Transactions;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteNodesTest extends NodesContract {

    @TempDir
    Path dir;

    private SqliteDatabase database;

    @BeforeEach
    void open() {
        database = SqliteDatabase.open(dir.resolve("strata.db"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Override
    protected Nodes nodes() {
        return database.nodes();
    }

    @Override
    protected AuditLog auditLog() {
        return database.auditLog();
    }

    @Override
    protected Transactions transactions() {
        return database.transactions();
    }
}
