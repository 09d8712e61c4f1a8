package dev.strata.adapters.persistence.postgresql;

import dev.strata.adapters.persistence.SqliteLoginFailuresTest;
import dev.strata.adapters.persistence.TemporaryDatabase;

/** The same contract as {@link SqliteLoginFailuresTest}, on a real PostgreSQL server. */
class PostgresLoginFailuresTest extends SqliteLoginFailuresTest {

    @Override
    protected TemporaryDatabase temporary() {
        return TemporaryDatabase.postgresql();
    }
}
