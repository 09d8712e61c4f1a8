package dev.strata.bootstrap.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * A client of a running Strata over real sockets. Immutable: {@link #withBasic} and friends return
 * a client that sends those credentials.
 */
public final class Api {

    private final URI base;
    private final HttpClient http;
    private final Map<String, String> headers;
    private final Duration timeout;

    public Api(URI base, SSLContext tls) {
        this(base, client(tls), Map.of(), Duration.ofSeconds(60));
    }

    private Api(URI base, HttpClient http, Map<String, String> headers, Duration timeout) {
        this.base = base;
        this.http = http;
        this.headers = Map.copyOf(headers);
        this.timeout = timeout;
    }

    /**
     * A client that gives up on an answer after {@code timeout} (60 s by default): for what must
     * answer soon rather than hang, such as requests while the database is down.
     */
    public Api withTimeout(Duration timeout) {
        return new Api(base, http, headers, timeout);
    }

    /** HTTP/1.1 only: the JDK client's h2c upgrade stalls Grizzly (see STACK.md). */
    private static HttpClient client(SSLContext tls) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10));
        if (tls != null) {
            builder.sslContext(tls);
        }
        return builder.build();
    }

    public URI base() {
        return base;
    }

    public Api withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Api(base, http, more, timeout);
    }

    public Api withBasic(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return withHeader("Authorization", "Basic " + token);
    }

    public Api withBearer(String token) {
        return withHeader("Authorization", "Bearer " + token);
    }

    public Api anonymous() {
        Map<String, String> fewer = new LinkedHashMap<>(headers);
        fewer.remove("Authorization");
        return new Api(base, http, fewer, timeout);
    }

    public Reply get(String path) {
        return send("GET", path, null);
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

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    /** Sends any method, with a JSON body when {@code json} is not null. */
    public Reply send(String method, String path, String json) {
        URI uri = base.resolve(path.startsWith("/") ? path.substring(1) : path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
