package dev.strata.application.contract;

import dev.strata.application.fake.InMemoryAuditLog;
import dev.strata.application.fake.InMemoryNodes;
import dev.strata.application.fake.InMemoryTransactions;
import dev.strata.application.port.out.AuditLog;
import dev.strata.application.port.out.Nodes;
import dev.strata.application.port.out.Transactions;

class InMemoryNodesTest extends NodesContract {

    private final InMemoryNodes nodes = new InMemoryNodes();
    private final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    private final InMemoryTransactions transactions = new InMemoryTransactions().enlist(nodes, auditLog);

    @Override
    protected Nodes nodes() {
        return nodes;
    }

    @Override
    protected AuditLog auditLog() {
        return auditLog;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
