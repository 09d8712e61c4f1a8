package dev.strata.bootstrap;

import dev.strata.adapters.rest.error.ErrorResponses;
import dev.strata.adapters.rest.http.RequestIds;
import dev.strata.adapters.rest.http.Utf8;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Stands in front of Jersey's Grizzly container and refuses a request URI it would fail on (a
 * malformed percent-escape such as {@code %zz}, a character RFC 3986 does not allow, an escape
 * that decodes to something other than strict UTF-8) with 400 and the error body, where Jersey
 * would throw out of its container and Grizzly answer 500. The one check of a request's URI.
 */
final class CheckedRequestUris extends HttpHandler {

    private final HttpHandler jersey;
    /**
     * Serves {@code /ui}. It sits behind this one handler rather than beside it: with two handlers
     * Grizzly's mapper decodes the URI itself and answers a malformed one with a bare 500.
     */
    private final HttpHandler console;

    CheckedRequestUris(HttpHandler jersey, HttpHandler console) {
        super(jersey.getName());
        this.jersey = jersey;
        this.console = console;
    }

    @Override
    public void start() {
        jersey.start();
    }

    @Override
    public void destroy() {
        jersey.destroy();
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        String problem = problem(request.getRequestURI(), false);
        if (problem == null && request.getQueryString() != null) {
            problem = problem(request.getQueryString(), true);
        }
        if (problem == null) {
            String uri = request.getRequestURI();
            boolean forConsole = uri.equals(ConsoleHandler.CONTEXT) || uri.startsWith(ConsoleHandler.CONTEXT + "/");
            (forConsole ? console : jersey).service(request, response);
            return;
        }
        String id = RequestIds.accept(request.getHeader(RequestIds.HEADER));
        byte[] body = ErrorResponses.json(400, problem, id).getBytes(StandardCharsets.UTF_8);
        response.setStatus(400);
        response.setContentType("application/json");
        response.setHeader(RequestIds.HEADER, id);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** What is wrong with a raw path or query, or {@code null}. */
    static String problem(String raw, boolean query) {
        String part = query ? "query" : "path";
        ByteArrayOutputStream decoded = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    return "the request " + part + " holds a malformed percent-escape";
                }
                decoded.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else if (allowed(c, query)) {
                decoded.write(c);
            } else {
                return "the request " + part + " holds a character that must be percent-encoded";
            }
        }
        byte[] bytes = decoded.toByteArray();
        if (!Utf8.valid(bytes, 0, bytes.length)) {
            return "the request " + part + " does not decode to UTF-8";
        }
        return null;
    }

    /**
     * In a path, RFC 3986 {@code pchar} and '/'. In a query, any visible ASCII character: Jersey
     * escapes the ones RFC 3986 leaves out ({@code [ ] | { }}, which clients send unescaped) itself.
     */
    private static boolean allowed(char c, boolean query) {
        if (query) {
            return c > 0x20 && c < 0x7F;
        }
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
    }

    private static int hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128 ? Character.digit(c, 16) : -1;
    }
}
