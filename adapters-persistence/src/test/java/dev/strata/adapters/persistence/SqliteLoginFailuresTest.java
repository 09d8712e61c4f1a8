package dev.strata.adapters.persistence;

import dev.strata.application.contract.LoginFailuresContract;
import dev.strata.application.port.out.LoginFailures;
import dev.strata.application.port.out.Transactions;
import org.junit.jupiter.api.extension.RegisterExtension;

public class SqliteLoginFailuresTest extends LoginFailuresContract {

    @RegisterExtension
    final TemporaryDatabase database = temporary();

    /** The kind of database the contract runs on; a subclass runs it on another. */
    protected TemporaryDatabase temporary() {
        return TemporaryDatabase.sqlite();
    }

    @Override
    protected LoginFailures failures() {
        return database.database().loginFailures();
    }

    @Override
    protected Transactions transactions() {
        return database.database().transactions();
    }
}
