package dev.strata.adapters.rest.error;

import dev.strata.adapters.rest.http.RequestIds;
import dev.strata.domain.ErrorCode;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/**
 * Builds every error response: one table from code to HTTP status, one body, JSON whatever the
 * client asked for.
 */
public final class ErrorResponses {

    /** What a 401 asks for. Both schemes work on every endpoint. */
    public static final String CHALLENGE = "Basic realm=\"strata\", Bearer realm=\"strata\"";

    private ErrorResponses() {
    }

    /** The HTTP status of each domain error code. */
    public static int httpStatus(ErrorCode code) {
        return switch (code) {
            case INVALID_INPUT, TOO_MANY_ACCESS_TOKENS -> 400;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case NOT_EXISTS -> 404;
            case ALREADY_EXISTS, ALREADY_PUBLISHED, VOLUME_PUBLISHED, IN_USE, HAS_SNAPSHOTS, HAS_VOLUMES,
                    TOO_MANY_REPLICAS, TOO_MANY_NAMESPACES, LAST_REPLICA, BUILT_IN_ROLE -> 409;
            case PRECONDITION_FAILED -> 412;
            case TOO_MANY_ATTEMPTS -> 429;
            case INTERNAL_ERROR -> 500;
            case AUTHENTICATION_UNAVAILABLE, UNAVAILABLE -> 503;
            case INSUFFICIENT_CAPACITY, TENANT_BUDGET_EXCEEDED -> 507;
        };
    }

    public static Response of(ErrorCode code, String description) {
        return builder(httpStatus(code), code.code(), code.errorClass(), description).build();
    }

    /** An error the HTTP layer itself finds, such as an unknown path: {@code status} in PascalCase. */
    public static Response of(int httpStatus, String status, String description) {
        return builder(httpStatus, status, ErrorCode.snakeCase(status) + "_error", description).build();
    }

    public static Response unauthorized(String description) {
        return builder(401, ErrorCode.UNAUTHORIZED.code(), ErrorCode.UNAUTHORIZED.errorClass(), description)
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .build();
    }

    public static Response tooManyAttempts(String description, Duration retryAfter) {
        return builder(429, ErrorCode.TOO_MANY_ATTEMPTS.code(), ErrorCode.TOO_MANY_ATTEMPTS.errorClass(),
                description)
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, retryAfter.toSeconds()))
                .build();
    }

    private static Response.ResponseBuilder builder(int httpStatus, String status, String errorClass,
                                                     String description) {
        return Response.status(httpStatus)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(status, errorClass, description, RequestIds.current()));
    }
}
