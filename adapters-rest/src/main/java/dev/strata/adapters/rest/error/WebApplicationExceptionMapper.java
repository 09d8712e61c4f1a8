package dev.strata.adapters.rest.error;

import dev.strata.domain.ErrorCode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What Jersey itself refuses (unknown path, wrong method, unacceptable media type) gets the error body too. */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        Response response = switch (status) {
            case 400 -> ErrorResponses.of(ErrorCode.INVALID_INPUT, "the request is malformed");
            case 401 -> ErrorResponses.unauthorized("authentication required");
            case 403 -> ErrorResponses.of(ErrorCode.FORBIDDEN, "forbidden");
            case 404 -> ErrorResponses.of(ErrorCode.NOT_EXISTS, "no such resource");
            case 405 -> ErrorResponses.of(405, "this method is not allowed on this path");
            case 406 -> ErrorResponses.of(406, "the Accept header names no media type this endpoint answers in");
            case 413 -> ErrorResponses.of(413, "the request body is too large");
            case 415 -> ErrorResponses.of(415, "send the request body as application/json");
            default -> null;
        };
        if (response != null) {
            if (status == 405) {
                // keep Allow, which says what is allowed
                String allow = exception.getResponse().getHeaderString("Allow");
                return allow == null ? response : Response.fromResponse(response).header("Allow", allow).build();
            }
            return response;
        }
        if (status >= 500) {
            LOG.error("Request failed with HTTP {}", status, exception);
            return ErrorResponses.of(ErrorCode.INTERNAL_ERROR, "internal error; see the server log");
        }
        return ErrorResponses.of(status, "the request was refused (HTTP " + status + ")");
    }
}
