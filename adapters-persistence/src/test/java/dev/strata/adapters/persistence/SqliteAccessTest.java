package dev.strata.adapters.persistence;

import dev.strata.application.contract.AccessContract;
import dev.strata.application.port.out.AccessTokens;
import dev.strata.application.port.out.Roles;
import dev.strata.application.port.out.Sessions;
import dev.strata.application.port.out.Transactions;
import dev.strata.application.port.out.Users;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteAccessTest extends AccessContract {

    private final SqliteDatabase database;

    // Opened here because the contract's own set-up runs before a subclass's @BeforeEach.
    SqliteAccessTest(@TempDir Path dir) {
        database = SqliteDatabase.open(dir.resolve("strata.db"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Override
    protected Users users() {
        return database.users();
    }

    @Override
    protected Roles roles() {
        return database.roles();
    }

    @Override
    protected Sessions sessions() {
        return database.sessions();
    }

    @Override
    protected AccessTokens accessTokens() {
        return database.accessTokens();
    }

    @Override
    protected Transactions transactions() {
        return database.transactions();
    }
}
