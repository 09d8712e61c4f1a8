package dev.strata.adapters.persistence.postgresql;

import dev.strata.adapters.persistence.SqliteNodesTest;
import dev.strata.adapters.persistence.TemporaryDatabase;

/** The same contract as {@link SqliteNodesTest}, on a real PostgreSQL server. */
class PostgresNodesTest extends SqliteNodesTest {

    @Override
    protected TemporaryDatabase temporary() {
        return TemporaryDatabase.postgresql();
    }
}
