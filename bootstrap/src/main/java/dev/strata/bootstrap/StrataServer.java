package dev.strata.bootstrap;

import dev.strata.bootstrap.tls.ServerTls;
import java.io.IOException;
import java.net.URI;
import dev.strata.domain.access.AuthMode;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import dev.strata.application.port.in.task.RepairReport;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Strata serving HTTPS (or, for development, HTTP): the wiring behind a Grizzly listener. */
public final class StrataServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StrataServer.class);
    private static final int WORKERS = 64;

    private final Wiring wiring;
    private final HttpServer http;
    private final URI baseUri;
    private final Optional<String> generatedAdminPassword;
    private final ScheduledExecutorService housekeeping;

    private StrataServer(Wiring wiring, HttpServer http, URI baseUri, Optional<String> generatedAdminPassword) {
        this.wiring = wiring;
        this.http = http;
        this.baseUri = baseUri;
        this.generatedAdminPassword = generatedAdminPassword;
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "strata-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        housekeeping.scheduleWithFixedDelay(this::keepHouse, 10, 10, TimeUnit.MINUTES);
        housekeeping.scheduleWithFixedDelay(this::healQuietly, HEAL_SECONDS, HEAL_SECONDS, TimeUnit.SECONDS);
    }

    /** How often self-healing looks for replicas Missing too long (API.md: at least every 15 s). */
    static final int HEAL_SECONDS = 10;

    private void healQuietly() {
        try {
            healVolumes();
        } catch (RuntimeException e) {
            LOG.warn("Self-healing pass failed, tried again in {} s: {}", HEAL_SECONDS, e.toString());
        }
    }

    /**
     * One self-healing pass now, as the background runs every {@value #HEAL_SECONDS} s: replicas
     * Missing longer than their volume allows get a replacement. Logs what it started and what it
     * could not (retried on the next pass).
     */
    public RepairReport healVolumes() {
        RepairReport report = wiring.services().tasks().heal();
        report.migrating().forEach(v -> LOG.info("Self-healing: volume {} migrates its Missing replica", v));
        report.replaced().forEach(v -> LOG.info("Self-healing: unpublished volume {} had its Missing replica"
                + " replaced", v));
        report.failed().forEach(f -> LOG.warn("Self-healing: volume {} needs a new replica and cannot have one yet"
                + " (retried in {} s): {}", f.volume(), HEAL_SECONDS, f.reason()));
        return report;
    }

    private void keepHouse() {
        try {
            wiring.housekeeping();
        } catch (RuntimeException e) {
            LOG.warn("Housekeeping failed: {}", e.toString());
        }
    }

    /**
     * The password made up for {@code admin} when this start created the first user without one
     * given: for the operator's eyes once, never logged.
     */
    public Optional<String> generatedAdminPassword() {
        return generatedAdminPassword;
    }

    /**
     * Starts serving. The slow parts of a start (the database's native library and migrations, the
     * TLS material, Jersey's model) do not depend on each other, so they run side by side.
     */
    public static StrataServer start(ServerSettings settings, InstantSource clock) throws IOException {
        long begun = System.nanoTime();
        String scheme = settings.plainHttp() ? "http" : "https";
        URI bindUri = URI.create(scheme + "://" + hostForUri(settings.bind()) + ":" + settings.port() + "/");
        ExecutorService startup = Executors.newFixedThreadPool(2, runnable -> new Thread(runnable, "strata-startup"));
        Wiring wiring = Wiring.create(settings, clock);
        try {
            Future<ServerTls.Config> tls = settings.plainHttp() ? null : startup.submit(() ->
                    ServerTls.load(settings.tlsCert(), settings.tlsKey(), settings.tlsClientCa(), settings.dataDir()));
            Future<Optional<String>> database = startup.submit(() -> wiring.openDatabase(settings.adminPassword()));

            HttpServer http = GrizzlyHttpServerFactory.createHttpServer(bindUri, wiring.restApi(), false);
            checkRequestUris(http.getServerConfiguration());
            NetworkListener listener = http.getListeners().iterator().next();
            listener.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                    .setPoolName("strata-worker").setCorePoolSize(WORKERS).setMaxPoolSize(WORKERS));
            listener.registerAddOn(new KeepAliveAfterErrors());
            http.getServerConfiguration().setDefaultErrorPageGenerator(new JsonErrorPages());
            http.getServerConfiguration().setAllowPayloadForUndefinedHttpMethods(true);

            ServerTls.Config tlsConfig = tls == null ? null : await(tls);
            if (tlsConfig != null) {
                listener.setSecure(true);
                listener.setSSLEngineConfig(engineConfigurator(tlsConfig));
            }
            Optional<String> generatedAdminPassword = await(database);
            wiring.startNodeAgents();
            http.start();
            URI baseUri = URI.create(scheme + "://" + hostForUri(settings.bind()) + ":" + listener.getPort() + "/");
            if (tlsConfig == null) {
                LOG.warn("Serving plain HTTP on {}: for local development only, credentials travel in clear",
                        baseUri);
            } else {
                LOG.info("Serving HTTPS on {} (certificate SHA-256 {}{})", baseUri, tlsConfig.fingerprint(),
                        tlsConfig.requireClientCertificate() ? ", client certificates required" : "");
            }
            if (settings.authMode() == AuthMode.NONE) {
                LOG.warn("AUTHENTICATION IS OFF (--auth-mode NONE): every caller is an administrator");
            }
            LOG.info("Started in {} ms", millis(begun, System.nanoTime()));
            return new StrataServer(wiring, http, baseUri, generatedAdminPassword);
        } catch (IOException | RuntimeException e) {
            wiring.close();
            throw e;
        } finally {
            startup.shutdownNow();
        }
    }

    /** Puts {@link CheckedRequestUris} in front of Jersey's container and the console, on the paths Jersey served. */
    private static void checkRequestUris(ServerConfiguration configuration) {
        Map<HttpHandler, HttpHandlerRegistration[]> handlers = Map.copyOf(configuration.getHttpHandlersWithMapping());
        handlers.forEach((handler, registrations) -> {
            configuration.removeHttpHandler(handler);
            configuration.addHttpHandler(new CheckedRequestUris(handler, new ConsoleHandler()), registrations);
        });
    }

    /** The result of a startup task, with its own exception rather than a wrapper. */
    private static <T> T await(Future<T> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static SSLEngineConfigurator engineConfigurator(ServerTls.Config tls) {
        SSLEngineConfigurator configurator = new SSLEngineConfigurator(tls.context(), false,
                tls.requireClientCertificate(), !tls.requireClientCertificate());
        configurator.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        return configurator;
    }

    private static String hostForUri(String bind) {
        return bind.indexOf(':') >= 0 && !bind.startsWith("[") ? "[" + bind + "]" : bind;
    }

    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return baseUri.getPort();
    }

    /** Makes every storage node whose agent went silent Unavailable now, as the background sweep does each second. */
    public void sweepSilentNodes() {
        wiring.sweepSilentNodes();
    }

    /** Stops taking connections, lets requests in flight finish (up to 10 s), then closes the database. */
    @Override
    public void close() {
        housekeeping.shutdownNow();
        try {
            http.shutdown(10, TimeUnit.SECONDS).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("The HTTP server did not stop cleanly: {}", e.toString());
            http.shutdownNow();
        } finally {
            wiring.close();
        }
        LOG.info("Stopped");
    }
}
