package dev.strata.adapters.persistence;

import dev.strata.application.port.out.Transactions;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.MDC;

/**
 * Transactions over a database's {@link Connections}. The handle of the running transaction is kept
 * per thread, so repositories called from inside a unit of work join it.
 *
 * <p>How writes stay apart depends on the database. SQLite takes one writer at a time: writes of this
 * process queue here, and {@code BEGIN IMMEDIATE} keeps out other processes. PostgreSQL
 * runs every write SERIALIZABLE: a write whose reads another committed write has since changed
 * (two creates that both read a node's free room) fails with a serialization failure or deadlock,
 * and the whole unit of work runs again from the start, on a fresh transaction, up to
 * {@link #ATTEMPTS} times. Either way a unit of work sees and changes the database as if it ran
 * alone, which is what the services' read-check-write on node and tenant capacity needs.
 *
 * <p>On SQLite, concurrent writes share a commit (group commit, see {@code groupWrite}): the fsync
 * that makes a commit durable costs more than the work of most units, so the units that queue for
 * the writer while one batch runs are the next batch: one thread runs them one after another, each
 * in a savepoint of its own, and all are answered after the one commit.
 */
public final class JdbiTransactions implements Transactions {

    /** How often a write that lost a race runs again before its failure is the caller's. */
    static final int ATTEMPTS = 50;

    /** What a repository keeps for one unit of work: its state, and what to do with it once committed. */
    private record Attached(Object state, Consumer<Object> afterCommit) {
    }

    /**
     * The unit of work running on this thread. {@code batch} is the shared commit it runs in (SQLite),
     * or null when it commits alone (PostgreSQL).
     */
    private record Current(PooledHandle handle, boolean writable, Map<Object, Attached> attachments, Batch batch) {
        Current(PooledHandle handle, boolean writable, Batch batch) {
            this(handle, writable, new LinkedHashMap<>(), batch);
        }
    }

    /**
     * Units of work of this process that share one SQLite transaction and so one commit (one fsync).
     * Each runs in a savepoint of its own, one after another under the write lock, so each sees the
     * changes of those before it; one that fails rolls back to its savepoint alone. Those that
     * succeeded are answered when the commit is on disk. Guarded by the write lock until
     * {@link #done} opens; read by the waiters after.
     */
    private static final class Batch {
        /** The units that succeeded in it. */
        int units;
        /** Per repository key, the state the last successful unit left: the next unit starts from it. */
        final Map<Object, Attached> released = new LinkedHashMap<>();
        /** Why the transaction cannot go on (a savepoint that could not be rolled back): it rolls back whole. */
        RuntimeException broken;
        /** Why the commit failed, for every unit that waited on it. */
        RuntimeException failure;
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
    /** The writes waiting for the SQLite writer, in the order they came; the leader takes them. */
    private final ConcurrentLinkedQueue<Unit> queued = new ConcurrentLinkedQueue<>();
    /** How many units one commit takes at most, so that the first of them does not wait for ever. */
    static final int MAX_BATCH = 64;
    private static final String UNIT = "unit";
    private final AtomicLong commits = new AtomicLong();
    /** Committed writes of this process that changed who a credential is ({@link #accessWriteHandle}). */
    private final AtomicLong accessCommits = new AtomicLong();
    /** The attachment that marks a unit of work as one of those. */
    private static final Object ACCESS = new Object();

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
        if (pool.singleWriter()) {
            return groupWrite(work);
        }
        writers.acquireUninterruptibly();
        try {
            for (int attempt = 1; ; attempt++) {
                PooledHandle writer = pool.borrowWriter();
                Current started = new Current(writer, true, null);
                current.set(started);
                try {
                    T result = writer.handle().inTransaction(h -> {
                        pool.begin(writer, true);
                        return work.get();
                    });
                    started.attachments().values().forEach(a -> a.afterCommit().accept(a.state()));
                    committed.incrementAndGet();
                    commits.incrementAndGet();
                    pool.committed(writer);
                    if (started.attachments().containsKey(ACCESS)) {
                        accessCommits.incrementAndGet();
                        pool.accessCommitted(writer);
                    }
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
            writers.release();
        }
    }

    /**
     * A write on the one SQLite writer. The unit of work joins the queue; whichever thread holds
     * the write lock leads: it takes the queued units in order, up to {@link #MAX_BATCH}, runs each
     * in a savepoint of its own on its own thread, commits them all with one fsync, and answers
     * them. The others wait to be answered, and the first of those still queued when a leader
     * leaves is woken to lead next. A unit that succeeded returns only once its change is on disk,
     * and one that failed has left nothing behind. Running the units on the leader's thread spares
     * a handoff of the lock, and a wake-up, per unit.
     */
    private <T> T groupWrite(Supplier<T> work) {
        Unit unit = new Unit(work, MDC.getCopyOfContextMap());
        queued.add(unit);
        boolean interrupted = false;
        while (!unit.answered) {
            if (writeLock.tryLock()) {
                try {
                    while (!unit.answered) {
                        lead();
                    }
                } catch (RuntimeException | Error e) {
                    // no writer (the database is closing): this unit was not taken, and must never run
                    queued.remove(unit);
                    throw e;
                } finally {
                    writeLock.unlock();
                }
                Unit next = queued.peek();
                if (next != null) {
                    LockSupport.unpark(next.caller);
                }
            } else {
                LockSupport.park(this);
                // the change may be on disk already: wait for the answer, and keep the interrupt
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (unit.failed instanceof RuntimeException e) {
            throw e;
        }
        if (unit.failed instanceof Error e) {
            throw e;
        }
        if (unit.batch.failure != null) {
            throw new IllegalStateException("the commit failed: " + unit.batch.failure.getMessage(),
                    unit.batch.failure);
        }
        @SuppressWarnings("unchecked")
        T result = (T) unit.result;
        return result;
    }

    /** A write waiting for, or given, its turn on the SQLite writer. */
    private static final class Unit {
        final Supplier<?> work;
        /** The caller's logging context, for the lines the unit logs on the leader's thread. */
        final Map<String, String> context;
        final Thread caller = Thread.currentThread();
        Object result;
        Throwable failed;
        Batch batch;
        /** Set last, once result, failed and batch are: reading it true makes them visible. */
        volatile boolean answered;

        Unit(Supplier<?> work, Map<String, String> context) {
            this.work = work;
            this.context = context;
        }
    }

    /** Under the write lock: one batch of the queued units, committed, and its units answered. */
    private void lead() {
        PooledHandle writer = pool.borrowWriter();
        Batch batch = new Batch();
        List<Unit> taken = new ArrayList<>();
        try {
            try {
                writer.handle().begin(); // the writer's connection begins IMMEDIATE
            } catch (RuntimeException e) {
                batch.broken = e;
            }
            Unit next;
            while (taken.size() < MAX_BATCH && (next = queued.poll()) != null) {
                taken.add(next);
                next.batch = batch;
                if (batch.broken != null) {
                    next.failed = batch.broken; // the transaction did not begin: this unit's failure
                    break;
                }
                run(next, writer, batch);
                if (batch.broken != null) {
                    break;
                }
            }
            finish(batch, writer);
        } catch (RuntimeException | Error e) {
            // the batch did not finish: nothing of it stays, and every unit in it is told
            batch.failure = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            try {
                writer.handle().rollback();
            } catch (RuntimeException ignored) {
                // already rolled back by the database
            }
        } finally {
            for (Unit answered : taken) {
                answered.answered = true;
                LockSupport.unpark(answered.caller);
            }
        }
    }

    /** Runs one unit in its own savepoint, with the caller's logging context. */
    private void run(Unit unit, PooledHandle writer, Batch batch) {
        Map<String, String> own = MDC.getCopyOfContextMap();
        setContext(unit.context);
        Current started = new Current(writer, true, batch);
        current.set(started);
        try {
            exec(writer, "SAVEPOINT " + UNIT);
            try {
                unit.result = unit.work.get();
            } catch (RuntimeException | Error e) {
                unit.failed = e;
            }
            if (unit.failed == null) {
                exec(writer, "RELEASE " + UNIT);
                batch.units++;
                batch.released.putAll(started.attachments());
            } else {
                exec(writer, "ROLLBACK TO " + UNIT);
                exec(writer, "RELEASE " + UNIT);
            }
        } catch (RuntimeException e) {
            // the transaction itself is in doubt: it goes back whole, with every unit in it
            batch.broken = e;
            if (unit.failed == null) {
                unit.failed = e;
            }
        } finally {
            current.remove();
            setContext(own);
        }
    }

    private static void setContext(Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }

    /**
     * A savepoint statement as plain SQL (JDBI's own savepoints forget one rolled back to), prepared
     * once per connection like every other statement.
     */
    private static void exec(PooledHandle writer, String sql) {
        writer.handle().execute(sql);
    }

    /** Commits {@code batch} (or rolls it back when broken), publishes what it changed, and answers its units. */
    private void finish(Batch batch, PooledHandle writer) {
        try {
            if (batch.broken != null) {
                batch.failure = batch.broken;
                writer.handle().rollback();
                return;
            }
            writer.handle().commit();
            committed.addAndGet(batch.units);
            commits.incrementAndGet();
            if (batch.released.containsKey(ACCESS)) {
                accessCommits.incrementAndGet();
            }
            // still under the write lock: what was committed is published in commit order
            batch.released.values().forEach(a -> a.afterCommit().accept(a.state()));
        } catch (RuntimeException e) {
            if (batch.failure == null) {
                batch.failure = e;
            }
            try {
                writer.handle().rollback();
            } catch (RuntimeException ignored) {
                // already rolled back by the database
            }
        }
    }

    /** How many commits this process made; with group commit, fewer than the writes it committed. */
    public long commits() {
        return commits.get();
    }

    /** How many writes wait for the writer now (SQLite): the leader takes them into its batch. For tests. */
    int waitingWriters() {
        return queued.size();
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
            current.set(new Current(reader, false, null));
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
        return counted(committed.get(), pool::sharedCommits);
    }

    /** This process's count when only it writes (no need to ask the database), else the shared one. */
    private long counted(long own, Function<PooledHandle, OptionalLong> shared) {
        if (pool.singleWriter()) {
            return own;
        }
        return reachable(() -> onHandle(h -> shared.apply(h).orElse(own)));
    }

    @Override
    public long committedAccessWrites() {
        return counted(accessCommits.get(), pool::sharedAccessCommits);
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
     * State a repository keeps for the running unit of work, made on first use; empty outside a write.
     * {@code create} is given the state the units before it in the same commit left, if any (a unit
     * changes a copy of it, so that one that fails leaves it as it was). Once the commit is on disk,
     * the state of the last unit that succeeded goes to {@code afterCommit}.
     */
    @SuppressWarnings("unchecked")
    <T> Optional<T> inWrite(Object key, Function<Optional<T>, T> create, Consumer<T> afterCommit) {
        Current running = current.get();
        if (running == null || !running.writable()) {
            return Optional.empty();
        }
        Attached attached = running.attachments().get(key);
        if (attached == null) {
            Attached before = running.batch() == null ? null : running.batch().released.get(key);
            T made = create.apply(before == null ? Optional.empty() : Optional.of((T) before.state()));
            running.attachments().put(key, new Attached(made, state -> afterCommit.accept((T) state)));
            return Optional.of(made);
        }
        return Optional.of((T) attached.state());
    }

    /** See {@link Connections#changesSeenBy}. */
    OptionalLong changesSeenBy(PooledHandle writer) {
        return pool.changesSeenBy(writer);
    }

    /** Runs {@code work} on a reader outside any transaction: for checks such as readiness. */
    public <T> T onReader(Function<PooledHandle, T> work) {
        return withHandle(work);
    }

    /**
     * {@link #writeHandle} for the repositories whose changes may change who a credential is
     * (users, roles, sessions, access tokens, login lockouts): once committed, the write moves
     * {@link #committedAccessWrites}, which the cache of resolved callers is keyed on.
     */
    public PooledHandle accessWriteHandle() {
        PooledHandle handle = writeHandle();
        inWrite(ACCESS, before -> Boolean.TRUE, marked -> { });
        return handle;
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
