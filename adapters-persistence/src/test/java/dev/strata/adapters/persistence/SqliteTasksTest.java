package dev.strata.adapters.persistence;

import dev.strata.application.contract.TasksContract;
import dev.strata.application.contract.Ports;
import org.junit.jupiter.api.extension.RegisterExtension;

public class SqliteTasksTest extends TasksContract {

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
