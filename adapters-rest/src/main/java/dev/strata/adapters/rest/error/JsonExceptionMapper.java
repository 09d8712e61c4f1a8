package dev.strata.adapters.rest.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.strata.adapters.rest.http.Json;
import dev.strata.domain.ErrorCode;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A body that is not the JSON we expect: malformed, or a value of the wrong type. The description
 * names the field and the expected type; it never echoes the input back.
 */
public final class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException exception) {
        return ErrorResponses.of(ErrorCode.INVALID_INPUT, describe(exception));
    }

    static String describe(JsonProcessingException exception) {
        if (exception instanceof StreamConstraintsException) {
            return "the request body is too deeply nested or too large";
        }
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            Throwable cause = mapping.getCause();
            if (mapping instanceof Json.InvalidText) {
                return "field '" + field + "' contains invalid Unicode (a lone surrogate)";
            }
            if (cause instanceof InputCoercionException) {
                return "field '" + field + "' is out of range";
            }
            if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                return "field '" + field + "' must be " + expected(mismatch.getTargetType());
            }
            return "field '" + field + "' has an invalid value";
        }
        if (exception instanceof Json.InvalidText) {
            return "a string in the request body contains invalid Unicode (a lone surrogate)";
        }
        if (exception instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "the request body must be " + expected(mismatch.getTargetType());
        }
        if (exception instanceof InputCoercionException) {
            return "a number in the request body is out of range";
        }
        if (exception instanceof JsonParseException || exception.getLocation() != null) {
            var location = exception.getLocation();
            return location == null ? "the request body is not valid JSON"
                    : "the request body is not valid JSON (line " + location.getLineNr() + ", column "
                            + location.getColumnNr() + ")";
        }
        return "the request body is not valid JSON";
    }

    private static String path(JsonMappingException mapping) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(reference.getFieldName());
            }
        }
        return out.toString();
    }

    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "a JSON object";
    }
}
