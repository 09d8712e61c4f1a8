package dev.strata.adapters.persistence;

import dev.strata.application.contract.HostsContract;
import dev.strata.application.contract.Ports;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteHostsTest extends HostsContract {

    @RegisterExtension
    final TemporaryDatabase sqlite = new TemporaryDatabase();

    @Override
    protected Ports ports() {
        return sqlite.ports();
    }
}
