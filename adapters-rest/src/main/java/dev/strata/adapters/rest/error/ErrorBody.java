package dev.strata.adapters.rest.error;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The one error body of both dialects. */
public record ErrorBody(
        String status,
        @JsonProperty("error_class") String errorClass,
        String description,
        @JsonProperty("request_id") String requestId) {
}
