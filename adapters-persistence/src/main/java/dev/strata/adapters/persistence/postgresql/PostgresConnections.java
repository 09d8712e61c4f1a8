package dev.strata.adapters.persistence.postgresql;

import com.zaxxer.hikari.HikariDataSource;
import dev.strata.adapters.persistence.Connections;
import dev.strata.adapters.persistence.PooledHandle;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Jdbi;

/**
 * PostgreSQL connections from a HikariCP pool. A handle lives as long as its borrowing: it takes a
 * connection from the pool and gives it back when closed, so the pool alone decides how many are
 * open, and a connection the server dropped is replaced by the pool rather than kept.
 *
 * <p>Writes run SERIALIZABLE, and the connection of each first takes one session-level advisory
 * lock ({@link #WRITERS_LOCK}) before its transaction begins and gives it back after the commit,
 * so writes from every instance queue for the database one at a time, as SQLite's do in one
 * process. Taken inside the transaction, the wait would come after the transaction's snapshot
 * and the write would still lose to every commit made meanwhile. Without the queue nearly every pair of concurrent creates
 * conflicted (each reads every node row to place its replicas and updates its tenant's row):
 * measured with three instances, PostgreSQL aborted 9.5 writes per committed create and three
 * instances made a third of one's creates. SERIALIZABLE stays as the guarantee: a write that still
 * loses a race fails with SQLSTATE 40001 (serialization failure) or 40P01 (deadlock) and
 * {@link dev.strata.adapters.persistence.JdbiTransactions} runs it again. The lock is given back
 * with the writer, or ends with the connection if an instance dies. Reads run REPEATABLE READ, READ ONLY:
 * one consistent snapshot, never blocked and never blocking, on every instance at once.
 */
final class PostgresConnections implements Connections {

    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK = "40P01";
    /** The advisory lock every write takes first: "STRATA" and a 1, as one 64-bit key. */
    static final long WRITERS_LOCK = 0x5354_5241_5441_0001L;

    private final HikariDataSource pool;
    private final Jdbi jdbi;

    PostgresConnections(HikariDataSource pool, UnaryOperator<Jdbi> configure) {
        this.pool = pool;
        this.jdbi = configure.apply(Jdbi.create(new ConnectionFactory() {
            @Override
            public Connection openConnection() throws SQLException {
                return pool.getConnection();
            }

            @Override
            public void closeConnection(Connection toClose) throws SQLException {
                toClose.close();
            }
        }));
    }

    private PooledHandle borrow() {
        return new PooledHandle(jdbi.open());
    }

    @Override
    public PooledHandle borrowWriter() {
        PooledHandle writer = borrow();
        try {
            writer.handle().execute("SELECT pg_advisory_lock(?)", WRITERS_LOCK);
            return writer;
        } catch (RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    @Override
    public void giveBackWriter(PooledHandle writer) {
        try {
            writer.handle().execute("SELECT pg_advisory_unlock(?)", WRITERS_LOCK);
        } catch (RuntimeException e) {
            // never back to the pool holding the lock: closing the connection ends the session and the lock
            pool.evictConnection(writer.handle().getConnection());
        } finally {
            writer.close();
        }
    }

    @Override
    public PooledHandle borrowReader() {
        return borrow();
    }

    @Override
    public void giveBackReader(PooledHandle reader) {
        reader.close();
    }

    @Override
    public boolean singleWriter() {
        return false;
    }

    @Override
    public void begin(PooledHandle handle, boolean write) {
        handle.handle().execute(write ? "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE"
                : "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    }

    @Override
    public Predicate<Throwable> retryable() {
        return PostgresConnections::lostRace;
    }

    @Override
    public Predicate<Throwable> unreachable() {
        return PostgresConnections::cannotReach;
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P01–57P03 (the server shutting down or starting),
     * or the pool's own "no connection became available" (a {@link SQLTransientConnectionException}).
     */
    static boolean cannotReach(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    static boolean lostRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (SERIALIZATION_FAILURE.equals(next.getSQLState()) || DEADLOCK.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * Takes the next number after the commit, never inside the transaction: a process that reads the
     * new number then reads what was committed, so memory kept under the old number is never taken
     * for current. (A process that dies between its commit and this leaves other instances' memory
     * stale until the next write anywhere, or until it expires.)
     */
    @Override
    public void committed(PooledHandle writer) {
        advance(writer, "strata_changes");
    }

    @Override
    public OptionalLong sharedCommits(PooledHandle handle) {
        return valueOf(handle, "strata_changes");
    }

    /** The same, for the writes that changed who a credential is. */
    @Override
    public void accessCommitted(PooledHandle writer) {
        advance(writer, "strata_access_changes");
    }

    @Override
    public OptionalLong sharedAccessCommits(PooledHandle handle) {
        return valueOf(handle, "strata_access_changes");
    }

    private static void advance(PooledHandle writer, String sequence) {
        writer.handle().createQuery("SELECT nextval('" + sequence + "')").mapTo(Long.class).one();
    }

    /** A sequence's value is read outside any snapshot: it is the newest, whatever the transaction. */
    private static OptionalLong valueOf(PooledHandle handle, String sequence) {
        return OptionalLong.of(handle.handle().createQuery("SELECT last_value + CASE WHEN is_called THEN 0 ELSE -1 END"
                + " FROM " + sequence).mapTo(Long.class).one());
    }

    /** None: writes run side by side here, so rows kept in memory for a writer could be stale. */
    @Override
    public OptionalLong changesSeenBy(PooledHandle writer) {
        return OptionalLong.empty();
    }

    @Override
    public void close() {
        pool.close();
    }
}
