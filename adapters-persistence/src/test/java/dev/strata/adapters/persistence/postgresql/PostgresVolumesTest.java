package dev.strata.adapters.persistence.postgresql;

import dev.strata.adapters.persistence.SqliteVolumesTest;
import dev.strata.adapters.persistence.TemporaryDatabase;

/** The same contract as {@link SqliteVolumesTest}, on a real PostgreSQL server. */
class PostgresVolumesTest extends SqliteVolumesTest {

    @Override
    protected TemporaryDatabase temporary() {
        return TemporaryDatabase.postgresql();
    }
}
