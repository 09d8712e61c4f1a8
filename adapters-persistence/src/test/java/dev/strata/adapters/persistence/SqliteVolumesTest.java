package dev.strata.adapters.persistence;

import dev.strata.application.contract.VolumesContract;
import dev.strata.application.contract.Ports;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteVolumesTest extends VolumesContract {

    @RegisterExtension
    final TemporaryDatabase sqlite = new TemporaryDatabase();

    @Override
    protected Ports ports() {
        return sqlite.ports();
    }
}
