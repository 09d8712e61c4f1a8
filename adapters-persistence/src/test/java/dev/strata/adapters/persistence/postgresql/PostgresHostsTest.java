package dev.strata.adapters.persistence.postgresql;

import dev.strata.adapters.persistence.SqliteHostsTest;
import dev.strata.adapters.persistence.TemporaryDatabase;

/** The same contract as {@link SqliteHostsTest}, on a real PostgreSQL server. */
class PostgresHostsTest extends SqliteHostsTest {

    @Override
    protected TemporaryDatabase temporary() {
        return TemporaryDatabase.postgresql();
    }
}
