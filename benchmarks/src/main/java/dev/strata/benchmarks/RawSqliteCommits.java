package dev.strata.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The disk's reference for a durable write: single-row inserts into a SQLite database in WAL mode
 * with {@code synchronous=FULL}, each its own commit, from several threads that take turns on one
 * connection, as a process with one SQLite writer does (with a connection each they would wait for
 * each other in SQLite's busy handler, which sleeps, and measure that instead). What one fsync per
 * commit allows on this disk, for the create benchmarks to be divided by.
 *
 * <p>{@code java -cp benchmarks.jar dev.strata.benchmarks.RawSqliteCommits FILE THREADS SECONDS}
 */
public final class RawSqliteCommits {

    private RawSqliteCommits() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        try (Connection setup = open(url); Statement statement = setup.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
        }
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong commits = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        Connection connection = open(url);
        PreparedStatement insert = connection.prepareStatement("INSERT INTO t (v) VALUES (?)");
        Object turn = new Object();
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread worker = new Thread(() -> {
                long n = 0;
                while (running.get()) {
                    try {
                        synchronized (turn) {
                            insert.setString(1, "row " + index + " " + n++);
                            insert.executeUpdate(); // autocommit: one commit, one fsync
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    if (measuring.get()) {
                        commits.incrementAndGet();
                    }
                }
            }, "raw-" + t);
            worker.start();
            workers.add(worker);
        }
        Thread.sleep(1_000); // warm-up
        measuring.set(true);
        long started = System.nanoTime();
        Thread.sleep(seconds * 1_000L);
        measuring.set(false);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long counted = commits.get();
        running.set(false);
        for (Thread worker : workers) {
            worker.join();
        }
        insert.close();
        connection.close();
        System.out.printf("raw SQLite: %d single-row commits in %.1f s with %d threads = %.0f commits/s"
                + " (WAL, synchronous=FULL)%n", counted, elapsed, threads, counted / elapsed);
    }

    private static Connection open(String url) throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA synchronous=FULL");
            statement.execute("PRAGMA busy_timeout=60000");
        }
        return connection;
    }
}
