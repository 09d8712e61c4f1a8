package dev.strata.adapters.persistence.postgresql;

import dev.strata.adapters.persistence.SqliteAccessTest;
import dev.strata.adapters.persistence.TemporaryDatabase;

/** The same contract as {@link SqliteAccessTest}, on a real PostgreSQL server. */
class PostgresAccessTest extends SqliteAccessTest {

    @Override
    protected TemporaryDatabase temporary() {
        return TemporaryDatabase.postgresql();
    }
}
