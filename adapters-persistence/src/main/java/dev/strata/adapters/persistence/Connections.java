package dev.strata.adapters.persistence;

import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * Where a database's JDBI handles come from, and the rules its write transactions follow: the part
 * of {@link JdbiTransactions} that differs between SQLite and PostgreSQL.
 */
public interface Connections extends AutoCloseable {

    /** A handle for one write transaction; given back with {@link #giveBackWriter}. */
    PooledHandle borrowWriter();

    void giveBackWriter(PooledHandle writer);

    /** A handle for a statement or a read transaction; given back with {@link #giveBackReader}. */
    PooledHandle borrowReader();

    void giveBackReader(PooledHandle reader);

    /**
     * True when the database takes one writer at a time (SQLite): writes of this process then wait
     * for each other here rather than in the database.
     */
    boolean singleWriter();

    /** Starts a transaction on {@code handle}: its isolation and, for a read, whether it is read only. */
    void begin(PooledHandle handle, boolean write);

    /**
     * Whether a write that failed with {@code failure} lost a race with another transaction and may
     * run again from the start (PostgreSQL's serialization failures and deadlocks). Never for SQLite.
     */
    Predicate<Throwable> retryable();

    /**
     * Whether {@code failure} says the database cannot be reached (no connection within the pool's
     * wait, a connection lost): such a request is told {@code Unavailable}, not an internal error.
     */
    Predicate<Throwable> unreachable();

    /**
     * A number that changes whenever another connection (another process) has committed since it
     * was last read on {@code writer}, or empty when the database offers none cheaply: memory kept
     * for the writer is then read again in every write transaction.
     */
    OptionalLong changesSeenBy(PooledHandle writer);

    /**
     * Called after each write committed through this process, on its handle: a database shared by
     * several processes counts it where they all see it. Nothing for SQLite.
     */
    void committed(PooledHandle writer);

    /**
     * The count of writes committed through every process on this database, read on
     * {@code handle}, or empty when only this process writes (SQLite): the count of this process is
     * then the answer.
     */
    OptionalLong sharedCommits(PooledHandle handle);

    /** {@link #committed} for a write that changed who a credential is ({@link JdbiTransactions#accessWriteHandle}). */
    void accessCommitted(PooledHandle writer);

    /** {@link #sharedCommits} of the writes that changed who a credential is. */
    OptionalLong sharedAccessCommits(PooledHandle handle);

    @Override
    void close();
}
