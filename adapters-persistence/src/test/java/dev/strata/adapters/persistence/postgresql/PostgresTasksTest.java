package dev.strata.adapters.persistence.postgresql;

import dev.strata.adapters.persistence.SqliteTasksTest;
import dev.strata.adapters.persistence.TemporaryDatabase;

/** The same contract as {@link SqliteTasksTest}, on a real PostgreSQL server. */
class PostgresTasksTest extends SqliteTasksTest {

    @Override
    protected TemporaryDatabase temporary() {
        return TemporaryDatabase.postgresql();
    }
}
