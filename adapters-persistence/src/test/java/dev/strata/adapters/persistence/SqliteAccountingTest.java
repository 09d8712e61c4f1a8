package dev.strata.adapters.persistence;

import dev.strata.application.contract.AccountingContract;
import dev.strata.application.contract.Ports;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteAccountingTest extends AccountingContract {

    @RegisterExtension
    final TemporaryDatabase sqlite = new TemporaryDatabase();

    @Override
    protected Ports ports() {
        return sqlite.ports();
    }
}
