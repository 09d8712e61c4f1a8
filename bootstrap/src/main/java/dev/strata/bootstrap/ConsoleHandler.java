package dev.strata.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Serves the web console's files at {@code /ui/} from the jar itself: a fixed set of names under
 * {@code dev/strata/console/}, nothing else, with a strict Content-Security-Policy on every answer.
 * The console is a client of the public API; this handler serves files and knows nothing of it.
 */
final class ConsoleHandler extends HttpHandler {

    static final String CONTEXT = "/ui";
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final String ROOT = "dev/strata/console/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|js|css|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    /** Only files that exist are kept: a miss must not grow the map. */
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    @Override
    public void service(Request request, Response response) throws IOException {
        headers(response);
        String uri = Optional.ofNullable(request.getRequestURI()).orElse("");
        String path = uri.startsWith(CONTEXT) ? uri.substring(CONTEXT.length()) : "";
        if (path.isEmpty()) {
            response.setStatus(308);
            response.setHeader("Location", CONTEXT + "/");
            return;
        }
        Method method = request.getMethod();
        if (method != Method.GET && method != Method.HEAD) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(405);
            return;
        }
        String name = path.equals("/") ? "index.html" : path.substring(1);
        Optional<byte[]> body = NAME.matcher(name).matches() ? file(name) : Optional.empty();
        if (body.isEmpty()) {
            response.sendError(404);
            return;
        }
        response.setContentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
        response.setContentLength(body.get().length);
        if (method == Method.GET) {
            try (OutputStream out = response.getOutputStream()) {
                out.write(body.get());
            }
        }
    }

    static void headers(Response response) {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-cache");
    }

    private Optional<byte[]> file(String name) {
        byte[] known = cache.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<byte[]> loaded = load(name);
        loaded.ifPresent(bytes -> cache.put(name, bytes));
        return loaded;
    }

    private static Optional<byte[]> load(String name) {
        try (InputStream in = ConsoleHandler.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
