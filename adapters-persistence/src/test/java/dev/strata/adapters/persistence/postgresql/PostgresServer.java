package dev.strata.adapters.persistence.postgresql;

import dev.strata.adapters.persistence.DatabaseUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests: one per test run (JVM), started on first use from the
 * server binaries of this machine (Debian's {@code postgresql-15}, or {@code STRATA_PG_BIN}) in a
 * temporary directory, and stopped at JVM exit. Each test gets a database of its own. If no server
 * can be started, the test that asked for one fails: nothing is skipped.
 */
public final class PostgresServer {

    private static final List<Path> CANDIDATE_BINS = List.of(Path.of("/usr/lib/postgresql/17/bin"),
            Path.of("/usr/lib/postgresql/16/bin"), Path.of("/usr/lib/postgresql/15/bin"));
    /** The superuser's password: connections over TCP must give one, as in production. */
    public static final String PASSWORD = "strata-test-superuser";
    private static PostgresServer shared;

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
    }

    /** The server of this test run, started if it is not yet. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
            PostgresServer started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "postgres-test-server-stop"));
        }
        return shared;
    }

    /**
     * A server of the caller's own, for a test that stops and starts it (an outage); stopped at JVM
     * exit like the shared one.
     */
    public static PostgresServer dedicated() {
        PostgresServer server = start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "postgres-test-server-stop"));
        return server;
    }

    /** Stops the server (fast shutdown: connections are cut), keeping its data. */
    public void stopServer() {
        run(bin.resolve("pg_ctl") + " -D " + data + " -m fast -w stop");
    }

    /** Starts the server again on the same port, after {@link #stopServer()}. */
    public void startServer() {
        run(bin.resolve("pg_ctl") + " -D " + data + " -l " + dir.resolve("log") + " -w -t 60"
                + " -o '" + options() + "' start");
    }

    private String options() {
        return "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                + " -c max_connections=300 -c shared_buffers=64MB";
    }

    private static PostgresServer start() {
        Path bin = binaries();
        try {
            Path dir = Files.createTempDirectory("strata-pg-");
            if (runningAsRoot()) {
                // initdb refuses root: the cluster belongs to the postgres user
                UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName("postgres");
                Files.setOwner(dir, postgres);
            }
            PostgresServer server = new PostgresServer(bin, dir, freePort());
            Path passwordFile = dir.resolve("pwfile");
            Files.writeString(passwordFile, PASSWORD + "\n");
            if (runningAsRoot()) {
                Files.setOwner(passwordFile, dir.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName("postgres"));
            }
            server.run(bin.resolve("initdb") + " -D " + server.data + " --auth-local=trust"
                    + " --auth-host=scram-sha-256 --pwfile=" + passwordFile + " -U postgres -E UTF8 --no-sync"
                    + " --locale=C.UTF-8");
            server.startServer();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start PostgreSQL for the tests: " + e.getMessage(), e);
        }
    }

    private static Path binaries() {
        Optional<Path> given = Optional.ofNullable(System.getenv("STRATA_PG_BIN")).map(Path::of);
        List<Path> candidates = new ArrayList<>();
        given.ifPresent(candidates::add);
        candidates.addAll(CANDIDATE_BINS);
        return candidates.stream().filter(p -> Files.isExecutable(p.resolve("pg_ctl"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("PostgreSQL 15+ server binaries not found in "
                        + candidates + ": install postgresql-15 (apt-get install -y postgresql-15) or set"
                        + " STRATA_PG_BIN"));
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Runs a command as the server's user, failing with its output if it fails. */
    private void run(String command) {
        List<String> line = runningAsRoot() ? List.of("su", "postgres", "-s", "/bin/sh", "-c", command)
                : List.of("/bin/sh", "-c", command);
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("PostgreSQL for the tests: `" + command + "` failed: " + output
                        + logTail());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String logTail() {
        try {
            Path log = dir.resolve("log");
            return Files.exists(log) ? "\n" + Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    public int port() {
        return port;
    }

    /** A fresh, empty database of its own, owned by the superuser {@code postgres}. */
    public DatabaseUrl.Postgresql newDatabase() {
        String name = "strata_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        admin("CREATE DATABASE " + name);
        return url(name);
    }

    public DatabaseUrl.Postgresql url(String database) {
        return new DatabaseUrl.Postgresql("postgres", "127.0.0.1", port, database, Optional.empty());
    }

    /** Drops a database made by {@link #newDatabase()}, closing what is still connected to it. */
    public void dropDatabase(DatabaseUrl.Postgresql url) {
        admin("DROP DATABASE IF EXISTS " + url.database() + " WITH (FORCE)");
    }

    /** Runs statements as the superuser on the {@code postgres} database. */
    public void admin(String... statements) {
        try (Connection connection = DriverManager.getConnection(url("postgres").jdbcUrl(), "postgres", PASSWORD);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for the tests: " + e.getMessage(), e);
        }
    }

    /** Stops the server at once and removes its directory. */
    private void stop() {
        try {
            run(bin.resolve("pg_ctl") + " -D " + data + " -m immediate -w stop");
        } catch (RuntimeException ignored) {
            // stopping at JVM exit: nothing more to do about a failure
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a temporary directory left behind
        }
    }
}
