package dev.strata.adapters.rest.error;

import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.access.TooManyAttempts;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Domain errors become their status and the error body. */
public final class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException exception) {
        if (exception.code() == ErrorCode.UNAUTHORIZED) {
            return ErrorResponses.unauthorized(exception.description());
        }
        if (exception instanceof TooManyAttempts locked) {
            return ErrorResponses.tooManyAttempts(locked.description(), locked.retryAfter());
        }
        return ErrorResponses.of(exception.code(), exception.description());
    }
}
