package dev.strata.adapters.persistence;

import dev.strata.application.contract.AccessContract;
import dev.strata.application.port.out.AccessTokens;
import dev.strata.application.port.out.Roles;
import dev.strata.application.port.out.Sessions;
import dev.strata.application.port.out.Transactions;
import dev.strata.application.port.out.Users;
import org.junit.jupiter.api.extension.RegisterExtension;

public class SqliteAccessTest extends AccessContract {

    @RegisterExtension
    final TemporaryDatabase sqlite = temporary();

    /** The kind of database the contract runs on; a subclass runs it on another. */
    protected TemporaryDatabase temporary() {
        return TemporaryDatabase.sqlite();
    }

    @Override
    protected Users users() {
        return sqlite.database().users();
    }

    @Override
    protected Roles roles() {
        return sqlite.database().roles();
    }

    @Override
    protected Sessions sessions() {
        return sqlite.database().sessions();
    }

    @Override
    protected AccessTokens accessTokens() {
        return sqlite.database().accessTokens();
    }

    @Override
    protected Transactions transactions() {
        return sqlite.database().transactions();
    }
}
