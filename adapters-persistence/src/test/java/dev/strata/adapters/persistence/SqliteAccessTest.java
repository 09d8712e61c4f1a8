package dev.strata.adapters.persistence;

import dev.strata.application.contract.AccessContract;
import dev.strata.application.port.out.AccessTokens;
import dev.strata.application.port.out.Roles;
import dev.strata.application.port.out.Sessions;
import dev.strata.application.port.out.Transactions;
import dev.strata.application.port.out.Users;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteAccessTest extends AccessContract {

    @RegisterExtension
    final TemporaryDatabase sqlite = new TemporaryDatabase();

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
