package dev.strata.bootstrap;

import dev.strata.adapters.rest.error.ErrorResponses;
import dev.strata.adapters.rest.http.RequestIds;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The rare errors Grizzly's HTTP server answers itself, before or outside Jersey (a handler that
 * threw), get the API's error body too, as JSON, with an {@code X-Request-Id}. A 5xx is logged once
 * under that id with its exception, so that the body's "see the server log" holds.
 */
final class JsonErrorPages implements ErrorPageGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(JsonErrorPages.class);

    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        String id = RequestIds.accept(request.getHeader(RequestIds.HEADER));
        String text;
        if (status >= 500) {
            MDC.put(RequestIds.MDC_KEY, id);
            try {
                LOG.error("Unexpected failure of request {} (HTTP {})", id, status, exception);
            } finally {
                MDC.remove(RequestIds.MDC_KEY);
            }
            text = "internal error; see the server log";
        } else {
            text = "the request could not be served (HTTP " + status + ")";
        }
        request.getResponse().setContentType("application/json");
        request.getResponse().setHeader(RequestIds.HEADER, id);
        return ErrorResponses.json(status, text, id);
    }
}
