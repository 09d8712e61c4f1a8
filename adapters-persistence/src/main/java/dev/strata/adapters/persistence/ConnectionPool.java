package dev.strata.adapters.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.ConnectionFactory;
import org.sqlite.SQLiteConfig;

/**
 * SQLite connections kept open for the life of the database: closing the last one would
 * checkpoint and delete the WAL, and reopening costs more than the work.
 *
 * <p>One writer connection, used by one write transaction at a time, begins with
 * {@code BEGIN IMMEDIATE} so that even another process cannot interleave a write. Readers come
 * from a small pool; WAL lets them run beside the writer. Every connection runs with
 * {@code synchronous=FULL}: a commit is on disk when it returns.
 */
final class ConnectionPool implements AutoCloseable {

    static final int BUSY_TIMEOUT_MS = 5_000;

    private final String url;
    private volatile Connection writer;
    private final int maxReaders;
    private final BlockingQueue<Connection> idleReaders;
    private final AtomicInteger openReaders = new AtomicInteger();
    private volatile boolean closed;

    ConnectionPool(Path file, int maxReaders) {
        this.url = url(file);
        this.maxReaders = maxReaders;
        this.idleReaders = new ArrayBlockingQueue<>(maxReaders);
    }

    /** Opens the writer, which creates the file and turns on WAL. */
    void open() throws SQLException {
        SQLiteConfig writerConfig = baseConfig();
        writerConfig.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        writer = writerConfig.createConnection(url);
    }

    static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
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

    /** The one connection writes go through. */
    ConnectionFactory writerFactory() {
        return new ConnectionFactory() {
            @Override
            public Connection openConnection() throws SQLException {
                Connection open = writer;
                if (open == null || closed) {
                    throw new SQLException("the database is not open");
                }
                return open;
            }

            @Override
            public void closeConnection(Connection connection) {
                // kept open: see the class comment
            }
        };
    }

    /** Read-only connections, borrowed per statement or read transaction. */
    ConnectionFactory readerFactory() {
        return new ConnectionFactory() {
            @Override
            public Connection openConnection() throws SQLException {
                return borrowReader();
            }

            @Override
            public void closeConnection(Connection connection) throws SQLException {
                if (closed || !idleReaders.offer(connection)) {
                    connection.close();
                    openReaders.decrementAndGet();
                }
            }
        };
    }

    private Connection borrowReader() throws SQLException {
        if (closed || writer == null) {
            throw new SQLException("the database is not open");
        }
        Connection idle = idleReaders.poll();
        if (idle != null) {
            return idle;
        }
        if (openReaders.incrementAndGet() <= maxReaders) {
            try {
                Connection reader = baseConfig().createConnection(url);
                try (Statement statement = reader.createStatement()) {
                    statement.execute("PRAGMA query_only = 1");
                }
                return reader;
            } catch (SQLException e) {
                openReaders.decrementAndGet();
                throw e;
            }
        }
        openReaders.decrementAndGet();
        try {
            Connection waited = idleReaders.poll(30, TimeUnit.SECONDS);
            if (waited == null) {
                throw new SQLException("no database connection became free within 30 s");
            }
            return waited;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a database connection", e);
        }
    }

    @Override
    public void close() throws SQLException {
        closed = true;
        Connection idle;
        while ((idle = idleReaders.poll()) != null) {
            idle.close();
        }
        if (writer != null) {
            writer.close();
        }
    }
}
