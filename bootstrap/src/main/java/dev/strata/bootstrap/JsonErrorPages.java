package dev.strata.bootstrap;

import dev.strata.domain.ErrorCode;
import java.util.UUID;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;

/**
 * The rare errors Grizzly answers itself, before Jersey sees the request, get the API's error body
 * too rather than an HTML page.
 */
final class JsonErrorPages implements ErrorPageGenerator {

    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        String code = status >= 500 ? ErrorCode.INTERNAL_ERROR.code() : "HttpError" + status;
        return "{\"status\":\"" + code + "\",\"error_class\":\"" + ErrorCode.snakeCase(code) + "_error\","
                + "\"description\":\"the request could not be served (HTTP " + status + ")\","
                + "\"request_id\":\"" + UUID.randomUUID() + "\"}";
    }
}
