package dev.strata.adapters.persistence.sqlite;

import dev.strata.adapters.persistence.PooledHandle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteConnectionsTest {

    @TempDir
    Path dir;

    private SqliteConnections pool;

    @BeforeEach
    void open() throws Exception {
        pool = new SqliteConnections(dir.resolve("strata.db"), 2, jdbi -> jdbi.installPlugin(new SqlObjectPlugin()));
        pool.open();
        pool.writer().handle().execute("CREATE TABLE t (x INTEGER)");
    }

    @AfterEach
    void close() {
        pool.close();
    }

    /** A SQL object of the test's own. */
    public interface One {
        @org.jdbi.v3.sqlobject.statement.SqlQuery("SELECT 1")
        int one();
    }

    @Test
    void givesBackTheSameReaderAndItsSqlObjects() {
        PooledHandle first = pool.borrowReader();
        One dao = first.dao(One.class);
        pool.giveBackReader(first);

        PooledHandle again = pool.borrowReader();
        assertThat(again).isSameAs(first);
        assertThat(again.dao(One.class)).as("attached once per handle").isSameAs(dao);
        pool.giveBackReader(again);
    }

    @Test
    void readersCannotWrite() {
        PooledHandle reader = pool.borrowReader();
        try {
            assertThatThrownBy(() -> reader.handle().execute("INSERT INTO t VALUES (1)"))
                    .isInstanceOf(UnableToExecuteStatementException.class);
            assertThat(reader.handle().createQuery("SELECT count(*) FROM t").mapTo(Integer.class).one())
                    .as("a failed statement leaves the reader usable").isZero();
        } finally {
            pool.giveBackReader(reader);
        }
    }

    @Test
    void aBorrowerBeyondTheLimitWaitsForAReaderGivenBack() throws Exception {
        PooledHandle one = pool.borrowReader();
        PooledHandle two = pool.borrowReader();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch asking = new CountDownLatch(1);
            Future<PooledHandle> third = executor.submit(() -> {
                asking.countDown();
                return pool.borrowReader();
            });
            asking.await();
            assertThat(third).isNotDone();
            pool.giveBackReader(two);
            assertThat(third.get(10, TimeUnit.SECONDS)).isSameAs(two);
            pool.giveBackReader(two);
            pool.giveBackReader(one);
        } finally {
            executor.shutdownNow();
        }
    }
}
