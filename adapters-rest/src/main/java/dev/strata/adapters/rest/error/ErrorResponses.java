package dev.strata.adapters.rest.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.strata.adapters.rest.http.Json;
import dev.strata.adapters.rest.http.RequestIds;
import dev.strata.domain.ErrorCode;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/**
 * Builds every error response: one table from code to HTTP status, one from HTTP status to code
 * for what the HTTP layer refuses itself, one body, JSON whatever the client asked for. The few
 * errors answered below Jersey (Grizzly's own) take their body from {@link #json} too.
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
                    TOO_MANY_REPLICAS, TOO_MANY_NAMESPACES, LAST_REPLICA, BUILT_IN_ROLE, REPLICA_TERMINATING,
                    VOLUME_NOT_PUBLISHED, TASK_ENDED, TASK_ALREADY_RUNNING -> 409;
            case PRECONDITION_FAILED -> 412;
            case TOO_MANY_ATTEMPTS -> 429;
            case INTERNAL_ERROR -> 500;
            case AUTHENTICATION_UNAVAILABLE, UNAVAILABLE -> 503;
            case INSUFFICIENT_CAPACITY, TENANT_BUDGET_EXCEEDED -> 507;
        };
    }

    /**
     * The code of an error the HTTP layer finds itself, by its HTTP status: the domain's code where
     * one fits (400 is {@code InvalidInput}, 404 {@code NotExists}, every 5xx {@code InternalError}),
     * otherwise the status's name in PascalCase.
     */
    public static String httpCode(int httpStatus) {
        if (httpStatus >= 500) {
            return ErrorCode.INTERNAL_ERROR.code();
        }
        return switch (httpStatus) {
            case 400 -> ErrorCode.INVALID_INPUT.code();
            case 401 -> ErrorCode.UNAUTHORIZED.code();
            case 403 -> ErrorCode.FORBIDDEN.code();
            case 404 -> ErrorCode.NOT_EXISTS.code();
            case 405 -> "MethodNotAllowed";
            case 406 -> "NotAcceptable";
            case 408 -> "RequestTimeout";
            case 411 -> "LengthRequired";
            case 412 -> ErrorCode.PRECONDITION_FAILED.code();
            case 413 -> "PayloadTooLarge";
            case 414 -> "UriTooLong";
            case 415 -> "UnsupportedMediaType";
            case 417 -> "ExpectationFailed";
            case 429 -> ErrorCode.TOO_MANY_ATTEMPTS.code();
            case 431 -> "RequestHeaderFieldsTooLarge";
            default -> "HttpError" + httpStatus;
        };
    }

    /** The error body of an HTTP-level refusal, for an answer made without Jersey. */
    public static ErrorBody body(int httpStatus, String description, String requestId) {
        String code = httpCode(httpStatus);
        return new ErrorBody(code, ErrorCode.snakeCase(code) + "_error", description, requestId);
    }

    /** {@link #body} as JSON text, escaped by the API's own JSON mapper. */
    public static String json(int httpStatus, String description, String requestId) {
        try {
            return Json.mapper().writeValueAsString(body(httpStatus, description, requestId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body always serializes", e);
        }
    }

    public static Response of(ErrorCode code, String description) {
        return builder(httpStatus(code), code.code(), code.errorClass(), description).build();
    }

    /** An error the HTTP layer itself finds, such as an unknown path: {@code status} in PascalCase. */
    public static Response of(int httpStatus, String status, String description) {
        return builder(httpStatus, status, ErrorCode.snakeCase(status) + "_error", description).build();
    }

    /** An error the HTTP layer itself finds, coded by {@link #httpCode}. */
    public static Response of(int httpStatus, String description) {
        return of(httpStatus, httpCode(httpStatus), description);
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
