package dev.strata.adapters.rest.error;

import dev.strata.adapters.rest.http.RequestIds;
import dev.strata.domain.ErrorCode;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything unexpected: 500, details only in the server log, under the request id. */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        LOG.error("Unexpected failure of request {}", RequestIds.current(), exception);
        return ErrorResponses.of(ErrorCode.INTERNAL_ERROR, "internal error; see the server log");
    }
}
