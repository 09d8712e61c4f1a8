package dev.strata.adapters.persistence;

import dev.strata.application.port.out.Transactions;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Transactions over a database's {@link Connections}. The handle of the running transaction is kept
 * per thread, so repositories called from inside a unit of work join it.
 *
 * <p>How writes stay apart depends on the database. SQLite takes one writer at a time: writes of this
 * process queue on a lock here, and {@code BEGIN IMMEDIATE} keeps out other processes. PostgreSQL
 * runs every write SERIALIZABLE: a write whose reads another committed write has since changed
 * (two creates that both read a node's free room) fails with a serialization failure or deadlock,
 * and the whole unit of work runs again from the start, on a fresh transaction, up to
 * {@link #ATTEMPTS} times. Either way a unit of work sees and changes the database as if it ran
 * alone, which is what the services' read-check-write on node and tenant capacity needs.
 */
public final class JdbiTransactions implements Transactions {

    /** How often a write that lost a race runs again before its failure is the caller's. */
    static final int ATTEMPTS = 50;

    private record Current(PooledHandle handle, boolean writable, Map<Object, Object> attachments,
                           List<Runnable> afterCommit) {
        Current(PooledHandle handle, boolean writable) {
            this(handle, writable, new HashMap<>(), new ArrayList<>());
        }
    }

    private final Connections pool;
    private final ReentrantLock writeLock = new ReentrantLock();
    /**
     * Where writes run side by side (PostgreSQL), how many of this process's at once. Writes that
     * race for one hot row (a popular node, the default tenant) lose to each other and run again;
     * a few at a time per process keeps that from growing with the number of request threads, and
     * leaves connections in the pool for reads.
     */
    static final int WRITERS_PER_PROCESS = 4;
    private final java.util.concurrent.Semaphore writers = new java.util.concurrent.Semaphore(WRITERS_PER_PROCESS, true);
    private final ThreadLocal<Current> current = new ThreadLocal<>();
    private final AtomicLong committed = new AtomicLong();

    public JdbiTransactions(Connections pool) {
        this.pool = pool;
    }

    @Override
    public <T> T write(Supplier<T> work) {
        return reachable(() -> writeUnit(work));
    }

    /**
     * Runs {@code call}, telling a database that cannot be reached as {@code Unavailable} (503): the
     * pool waits a few seconds for a connection, then gives up, and a later request tries afresh.
     */
    private <T> T reachable(Supplier<T> call) {
        if (current.get() != null) {
            return call.get();
        }
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (pool.unreachable().test(e)) {
                throw new DomainException(ErrorCode.UNAVAILABLE, "the database cannot be reached; try again later");
            }
            throw e;
        }
    }

    private <T> T writeUnit(Supplier<T> work) {
        Current running = current.get();
        if (running != null) {
            if (!running.writable()) {
                throw new IllegalStateException("a write cannot start inside a read transaction");
            }
            return work.get();
        }
        boolean alone = pool.singleWriter();
        if (alone) {
            writeLock.lock();
        } else {
            writers.acquireUninterruptibly();
        }
        try {
            for (int attempt = 1; ; attempt++) {
                PooledHandle writer = pool.borrowWriter();
                Current started = new Current(writer, true);
                current.set(started);
                try {
                    T result = writer.handle().inTransaction(h -> {
                        pool.begin(writer, true);
                        return work.get();
                    });
                    // with one writer, still under the write lock: what was committed is published in commit order
                    started.afterCommit().forEach(Runnable::run);
                    committed.incrementAndGet();
                    pool.committed(writer);
                    return result;
                } catch (RuntimeException e) {
                    if (!pool.retryable().test(e)) {
                        throw e;
                    }
                    if (attempt >= ATTEMPTS) {
                        throw new DomainException(ErrorCode.UNAVAILABLE,
                                "the database is too busy with conflicting changes; try again");
                    }
                } finally {
                    current.remove();
                    pool.giveBackWriter(writer);
                }
                pause(attempt);
            }
        } finally {
            if (alone) {
                writeLock.unlock();
            } else {
                writers.release();
            }
        }
    }

    /** A short random wait before another attempt, longer after each, so that racers spread out. */
    private static void pause(int attempt) {
        long bound = 1L << Math.min(attempt, 6);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(bound));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a write", e);
        }
    }

    @Override
    public <T> T read(Supplier<T> work) {
        return reachable(() -> readUnit(work));
    }

    private <T> T readUnit(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        PooledHandle reader = pool.borrowReader();
        try {
            current.set(new Current(reader, false));
            return reader.handle().inTransaction(h -> {
                pool.begin(reader, false);
                return work.get();
            });
        } finally {
            current.remove();
            pool.giveBackReader(reader);
        }
    }

    @Override
    public long committedWrites() {
        long own = committed.get();
        if (pool.singleWriter()) {
            return own; // only this process writes: no need to ask the database
        }
        return reachable(() -> onHandle(h -> pool.sharedCommits(h).orElse(own)));
    }

    /** Runs one statement (or a few) in the running transaction, or on a reader of its own. */
    <T> T withHandle(Function<PooledHandle, T> statement) {
        return reachable(() -> onHandle(statement));
    }

    private <T> T onHandle(Function<PooledHandle, T> statement) {
        Current running = current.get();
        if (running != null) {
            return statement.apply(running.handle());
        }
        PooledHandle reader = pool.borrowReader();
        try {
            return statement.apply(reader);
        } finally {
            pool.giveBackReader(reader);
        }
    }

    /**
     * A stream read through a cursor. Outside a transaction it holds a reader of its own until the
     * stream is closed, so a long result never sits in memory and never blocks the writer (WAL
     * readers see the state of when the statement began).
     */
    <T> Stream<T> stream(Function<PooledHandle, Stream<T>> query) {
        return reachable(() -> streamOn(query));
    }

    private <T> Stream<T> streamOn(Function<PooledHandle, Stream<T>> query) {
        Current running = current.get();
        if (running != null) {
            return query.apply(running.handle());
        }
        PooledHandle reader = pool.borrowReader();
        try {
            return query.apply(reader).onClose(() -> pool.giveBackReader(reader));
        } catch (RuntimeException | Error e) {
            pool.giveBackReader(reader);
            throw e;
        }
    }

    /**
     * State a repository keeps for the running write transaction, made on first use; empty outside
     * a write transaction.
     */
    @SuppressWarnings("unchecked")
    <T> Optional<T> inWrite(Object key, Supplier<T> create, Consumer<T> afterCommit) {
        Current running = current.get();
        if (running == null || !running.writable()) {
            return Optional.empty();
        }
        Object attached = running.attachments().get(key);
        if (attached == null) {
            T made = create.get();
            running.attachments().put(key, made);
            running.afterCommit().add(() -> afterCommit.accept(made));
            return Optional.of(made);
        }
        return Optional.of((T) attached);
    }

    /** See {@link Connections#changesSeenBy}. */
    java.util.OptionalLong changesSeenBy(PooledHandle writer) {
        return pool.changesSeenBy(writer);
    }

    /** Runs {@code work} on a reader outside any transaction: for checks such as readiness. */
    public <T> T onReader(Function<PooledHandle, T> work) {
        return withHandle(work);
    }

    /** The handle of the running write transaction; mutations outside one are a bug. */
    public PooledHandle writeHandle() {
        Current running = current.get();
        if (running == null || !running.writable()) {
            throw new IllegalStateException("a mutation must run inside a write transaction");
        }
        return running.handle();
    }
}
