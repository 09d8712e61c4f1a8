package dev.strata.adapters.persistence.sqlite;

import dev.strata.adapters.persistence.Connections;
import dev.strata.adapters.persistence.PooledHandle;
import java.util.OptionalLong;
import java.util.function.Predicate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;

/**
 * SQLite connections, each in a JDBI handle, kept open for the life of the database: closing the
 * last connection would checkpoint and delete the WAL, reopening costs more than the work, and a
 * handle kept open keeps the SQL objects attached to it (see {@link PooledHandle}).
 *
 * <p>One writer, used by one write transaction at a time, begins with {@code BEGIN IMMEDIATE} so
 * that even another process cannot interleave a write. Readers come from a small pool, made on
 * demand; WAL lets them run beside the writer. Every connection runs with
 * {@code synchronous=FULL}: a commit is on disk when it returns.
 */
final class SqliteConnections implements Connections {

    static final int BUSY_TIMEOUT_MS = 5_000;
    /** How often the background checkpoint runs. */
    static final int CHECKPOINT_MILLIS = 100;
    /** WAL pages past which the writer checkpoints itself, when the background one has not. */
    static final int WRITER_CHECKPOINT_PAGES = 10_000;

    private final String url;
    private final UnaryOperator<Jdbi> configure;
    private final int maxReaders;
    private final BlockingQueue<PooledHandle> idleReaders;
    private final AtomicInteger openReaders = new AtomicInteger();
    private volatile PooledHandle writer;
    private Connection checkpointer;
    private ScheduledExecutorService checkpoints;
    private volatile boolean closed;

    SqliteConnections(Path file, int maxReaders, UnaryOperator<Jdbi> configure) {
        this.url = url(file);
        this.configure = configure;
        this.maxReaders = maxReaders;
        this.idleReaders = new ArrayBlockingQueue<>(maxReaders);
    }

    static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    /** Opens the writer, which creates the file and turns on WAL. */
    void open() throws SQLException {
        SQLiteConfig config = baseConfig();
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, String.valueOf(WRITER_CHECKPOINT_PAGES));
        writer = handleOn(config.createConnection(url));
        checkpointer = baseConfig().createConnection(url);
        checkpoints = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "strata-checkpoint");
            thread.setDaemon(true);
            return thread;
        });
        checkpoints.scheduleWithFixedDelay(this::checkpoint, CHECKPOINT_MILLIS, CHECKPOINT_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Copies the WAL's committed pages into the database file beside the writer, which never waits
     * for it (PASSIVE): a commit then pays for its own pages only, not now and then for a
     * checkpoint of a thousand (on a database of 100,000 volumes, whose pages lie all over the
     * file, that was a tenth of the create rate). Should it fall behind, the writer checkpoints
     * itself past {@link #WRITER_CHECKPOINT_PAGES}.
     */
    private void checkpoint() {
        if (closed) {
            return;
        }
        try (Statement statement = checkpointer.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
            // busy or closing: the next one, or the writer's own, does it
        }
    }

    private static SQLiteConfig baseConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        return config;
    }

    private PooledHandle handleOn(Connection connection) {
        Jdbi jdbi = configure.apply(Jdbi.create(new ConnectionFactory() {
            @Override
            public Connection openConnection() {
                return connection;
            }

            @Override
            public void closeConnection(Connection toClose) throws SQLException {
                toClose.close();
            }
        }));
        return new PooledHandle(jdbi.open());
    }

    /** The one handle writes go through; its user holds the write lock. */
    @Override
    public PooledHandle borrowWriter() {
        return writer();
    }

    @Override
    public void giveBackWriter(PooledHandle handle) {
        // the writer stays open for the next write
    }

    @Override
    public boolean singleWriter() {
        return true;
    }

    @Override
    public void begin(PooledHandle handle, boolean write) {
        // the writer's connection begins IMMEDIATE; readers see the snapshot of their first statement
    }

    @Override
    public Predicate<Throwable> retryable() {
        return failure -> false;
    }

    @Override
    public void committed(PooledHandle writer) {
        // only this process writes: its own count is the answer
    }

    @Override
    public OptionalLong sharedCommits(PooledHandle handle) {
        return OptionalLong.empty();
    }

    @Override
    public void accessCommitted(PooledHandle writer) {
        // only this process writes: its own count is the answer
    }

    @Override
    public OptionalLong sharedAccessCommits(PooledHandle handle) {
        return OptionalLong.empty();
    }

    /** A file is always there; what fails on it is an error of its own. */
    @Override
    public Predicate<Throwable> unreachable() {
        return failure -> false;
    }

    /** SQLite's {@code data_version}: it changes on this connection when another one has committed. */
    @Override
    public OptionalLong changesSeenBy(PooledHandle handle) {
        return OptionalLong.of(handle.handle().createQuery("PRAGMA data_version").mapTo(Long.class).one());
    }

    PooledHandle writer() {
        PooledHandle open = writer;
        if (open == null || closed) {
            throw new IllegalStateException("the database is not open");
        }
        return open;
    }

    /** A read-only handle for a statement or a read transaction; give it back when done. */
    @Override
    public PooledHandle borrowReader() {
        if (closed || writer == null) {
            throw new IllegalStateException("the database is not open");
        }
        PooledHandle idle = idleReaders.poll();
        if (idle != null) {
            return idle;
        }
        if (openReaders.incrementAndGet() <= maxReaders) {
            try {
                Connection connection = baseConfig().createConnection(url);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA query_only = 1");
                }
                return handleOn(connection);
            } catch (SQLException | RuntimeException e) {
                openReaders.decrementAndGet();
                throw new IllegalStateException("cannot open a database reader: " + e.getMessage(), e);
            }
        }
        openReaders.decrementAndGet();
        try {
            PooledHandle waited = idleReaders.poll(30, TimeUnit.SECONDS);
            if (waited == null) {
                throw new IllegalStateException("no database connection became free within 30 s");
            }
            return waited;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a database connection", e);
        }
    }

    @Override
    public void giveBackReader(PooledHandle reader) {
        idleReaders.add(reader);
        if (closed) {
            closeIdleReaders();
        }
    }

    /** Closes the idle readers now, and the others when they are given back. */
    @Override
    public void close() {
        closed = true;
        if (checkpoints != null) {
            checkpoints.shutdownNow();
            try {
                checkpoints.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeIdleReaders();
        if (checkpointer != null) {
            try {
                checkpointer.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        if (writer != null) {
            writer.close();
        }
    }

    private void closeIdleReaders() {
        PooledHandle idle;
        while ((idle = idleReaders.poll()) != null) {
            idle.close();
        }
    }
}
