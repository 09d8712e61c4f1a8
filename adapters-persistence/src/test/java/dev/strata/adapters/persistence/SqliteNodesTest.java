package dev.strata.adapters.persistence;

import dev.strata.application.contract.NodesContract;
import dev.strata.application.port.out.AuditLog;
import dev.strata.application.port.out.Nodes;
import dev.strata.application.port.out.Transactions;
import org.junit.jupiter.api.extension.RegisterExtension;

public class SqliteNodesTest extends NodesContract {

    @RegisterExtension
    final TemporaryDatabase sqlite = temporary();

    /** The kind of database the contract runs on; a subclass runs it on another. */
    protected TemporaryDatabase temporary() {
        return TemporaryDatabase.sqlite();
    }

    @Override
    protected Nodes nodes() {
        return sqlite.database().nodes();
    }

    @Override
    protected AuditLog auditLog() {
        return sqlite.database().auditLog();
    }

    @Override
    protected Transactions transactions() {
        return sqlite.database().transactions();
    }
}
