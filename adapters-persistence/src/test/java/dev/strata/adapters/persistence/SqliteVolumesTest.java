package dev.strata.adapters.persistence;

import dev.strata.application.contract.VolumesContract;
import dev.strata.application.contract.Ports;
import org.junit.jupiter.api.extension.RegisterExtension;

public class SqliteVolumesTest extends VolumesContract {

    @RegisterExtension
    final TemporaryDatabase sqlite = temporary();

    /** The kind of database the contract runs on; a subclass runs it on another. */
    protected TemporaryDatabase temporary() {
        return TemporaryDatabase.sqlite();
    }

    @Override
    protected Ports ports() {
        return sqlite.ports();
    }
}
