package dev.strata.adapters.rest.support;

import dev.strata.adapters.rest.RestApi;
import dev.strata.application.mother.Principals;
import dev.strata.application.port.in.access.AuthenticateUseCase;
import dev.strata.domain.access.Principal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;

/**
 * A few resources of the REST adapter served alone, over real HTTP on a free port, with the whole
 * request pipeline of {@link RestApi} (filters, JSON, error mappers) around them. The resources are
 * given stubbed use cases by the test; every caller authenticates as {@link #CALLER} unless the
 * test brings its own {@link AuthenticateUseCase}.
 *
 * <pre>{@code
 * try (RestServer server = RestServer.serving(new IdentityResource((caller, identity) -> user))) {
 *     Reply reply = server.post("/v1/identity/find", "{\"name\": \"alice\"}");
 * }
 * }</pre>
 */
public final class RestServer implements AutoCloseable {

    /** Who every request is, unless a test authenticates for itself. */
    public static final Principal CALLER = Principals.admin();

    private final HttpServer server;
    private final URI base;
    private final HttpClient client;

    private RestServer(HttpServer server) {
        this.server = server;
        this.base = URI.create("http://127.0.0.1:" + server.getListeners().iterator().next().getPort());
        // HTTP/1.1 only: an HTTP/2 upgrade on plain HTTP makes Grizzly stall request bodies.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Serves {@code resources}; every request is made by {@link #CALLER}. */
    public static RestServer serving(Object... resources) {
        return serving((credentials, origin) -> CALLER, resources);
    }

    public static RestServer serving(AuthenticateUseCase authenticate, Object... resources) {
        return new RestServer(GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"),
                RestApi.resourceConfig(authenticate, List.of(resources)), true));
    }

    public int port() {
        return server.getListeners().iterator().next().getPort();
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    public Reply post(String path, String json) {
        return send("POST", path, json);
    }

    public Reply put(String path, String json) {
        return send("PUT", path, json);
    }

    public Reply patch(String path, String json) {
        return send("PATCH", path, json);
    }

    /** One request; a {@code json} body (or none when null) and any extra header name/value pairs. */
    public Reply send(String method, String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
