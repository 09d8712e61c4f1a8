package dev.strata.adapters.persistence.postgresql;

import dev.strata.adapters.persistence.SqliteAccountingTest;
import dev.strata.adapters.persistence.TemporaryDatabase;

/** The same contract as {@link SqliteAccountingTest}, on a real PostgreSQL server. */
class PostgresAccountingTest extends SqliteAccountingTest {

    @Override
    protected TemporaryDatabase temporary() {
        return TemporaryDatabase.postgresql();
    }
}
