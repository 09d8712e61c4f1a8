package dev.strata.adapters.persistence;

import dev.strata.application.port.out.Transactions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Transactions over the writer and the reader pool. The handle of the running transaction is kept
 * per thread, so repositories called from inside a unit of work join it.
 */
final class JdbiTransactions implements Transactions {

    private record Current(PooledHandle handle, boolean writable, Map<Object, Object> attachments,
                           List<Runnable> afterCommit) {
        Current(PooledHandle handle, boolean writable) {
            this(handle, writable, new HashMap<>(), new ArrayList<>());
        }
    }

    private final HandlePool pool;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ThreadLocal<Current> current = new ThreadLocal<>();
    private final AtomicLong committed = new AtomicLong();

    JdbiTransactions(HandlePool pool) {
        this.pool = pool;
    }

    @Override
    public <T> T write(Supplier<T> work) {
        Current running = current.get();
        if (running != null) {
            if (!running.writable()) {
                throw new IllegalStateException("a write cannot start inside a read transaction");
            }
            return work.get();
        }
        writeLock.lock();
        try {
            Current started = new Current(pool.writer(), true);
            current.set(started);
            T result = started.handle().handle().inTransaction(h -> work.get());
            // still under the write lock: what was committed is published in commit order
            started.afterCommit().forEach(Runnable::run);
            committed.incrementAndGet();
            return result;
        } finally {
            current.remove();
            writeLock.unlock();
        }
    }

    @Override
    public <T> T read(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        PooledHandle reader = pool.borrowReader();
        try {
            current.set(new Current(reader, false));
            return reader.handle().inTransaction(h -> work.get());
        } finally {
            current.remove();
            pool.giveBack(reader);
        }
    }

    @Override
    public long committedWrites() {
        return committed.get();
    }

    /** Runs one statement (or a few) in the running transaction, or on a reader of its own. */
    <T> T withHandle(Function<PooledHandle, T> statement) {
        Current running = current.get();
        if (running != null) {
            return statement.apply(running.handle());
        }
        PooledHandle reader = pool.borrowReader();
        try {
            return statement.apply(reader);
        } finally {
            pool.giveBack(reader);
        }
    }

    /**
     * A stream read through a cursor. Outside a transaction it holds a reader of its own until the
     * stream is closed, so a long result never sits in memory and never blocks the writer (WAL
     * readers see the state of when the statement began).
     */
    <T> Stream<T> stream(Function<PooledHandle, Stream<T>> query) {
        Current running = current.get();
        if (running != null) {
            return query.apply(running.handle());
        }
        PooledHandle reader = pool.borrowReader();
        try {
            return query.apply(reader).onClose(() -> pool.giveBack(reader));
        } catch (RuntimeException | Error e) {
            pool.giveBack(reader);
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

    /** The handle of the running write transaction; mutations outside one are a bug. */
    PooledHandle writeHandle() {
        Current running = current.get();
        if (running == null || !running.writable()) {
            throw new IllegalStateException("a mutation must run inside a write transaction");
        }
        return running.handle();
    }
}
