package dev.strata.bootstrap.support;

import dev.strata.application.fake.MutableClock;
import dev.strata.bootstrap.ServerSettings;
import dev.strata.bootstrap.StrataServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * The real server, in this JVM, on a free port, over HTTPS with its self-signed certificate, with
 * its database in a temporary directory. Restartable on the same data.
 */
public final class TestServer implements AutoCloseable {

    /** The password of {@code admin}, user 500, on every test server. */
    public static final String ADMIN_PASSWORD = "test123!!";

    private final ServerSettings settings;
    private final MutableClock clock;
    private StrataServer server;

    private TestServer(ServerSettings settings, MutableClock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public static TestServer start(Path dataDir) {
        return start(dataDir, UnaryOperator.identity());
    }

    /** Starts with the defaults as changed by {@code adjust}, on port 0. */
    public static TestServer start(Path dataDir, UnaryOperator<ServerSettings> adjust) {
        ServerSettings settings = adjust.apply(ServerSettings.defaults(dataDir).withAdminPassword(ADMIN_PASSWORD))
                .withPort(0);
        TestServer test = new TestServer(settings, new MutableClock(Instant.parse("2026-06-01T12:00:00Z")));
        test.boot();
        return test;
    }

    private void boot() {
        try {
            server = StrataServer.start(settings, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops and starts again on the same data directory (and a new port). */
    public void restart() {
        server.close();
        boot();
    }

    public MutableClock clock() {
        return clock;
    }

    public ServerSettings settings() {
        return settings;
    }

    public Path serverCertificate() {
        return settings.dataDir().resolve("tls").resolve("server.crt");
    }

    /** A client trusting this server's certificate, calling as {@code admin} with Basic. */
    public Api api() {
        return anonymous().withBasic("admin", ADMIN_PASSWORD);
    }

    /** A client trusting this server's certificate, sending no credentials. */
    public Api anonymous() {
        return new Api(server.baseUri(), settings.plainHttp() ? null : Tls.trusting(serverCertificate()));
    }

    /** The real server, for what a test needs of it beyond HTTP. */
    public StrataServer server() {
        return server;
    }

    public java.net.URI baseUri() {
        return server.baseUri();
    }

    @Override
    public void close() {
        server.close();
    }
}
