package dev.strata.adapters.rest.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;

/** One HTTP response as a test reads it. */
public record Reply(int status, HttpHeaders headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON (" + status + "): " + body, e);
        }
    }

    /** The header's one value, or null when absent. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** Asserts the status, showing the body when it differs; returns the body as JSON. */
    public JsonNode expect(int expected) {
        assertThat(status).as("status of a response with body %s", body).isEqualTo(expected);
        assertThat(header("Content-Type")).startsWith("application/json");
        return json();
    }

    /**
     * Asserts a §2 error body of API.md: the status code, {@code status}, {@code error_class} derived
     * from it, a description and the request id the response carries.
     */
    public JsonNode expectError(int expected, String code) {
        JsonNode error = expect(expected);
        assertThat(error.path("status").asText()).isEqualTo(code);
        assertThat(error.path("error_class").asText())
                .isEqualTo(code.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT) + "_error");
        assertThat(error.path("description").asText()).isNotBlank();
        assertThat(error.path("request_id").asText()).isNotBlank().isEqualTo(header("X-Request-Id"));
        return error;
    }

    /** Asserts {@code {"status":"Success","description":…}}. */
    public JsonNode expectSuccess() {
        JsonNode outcome = expect(200);
        assertThat(outcome.path("status").asText()).isEqualTo("Success");
        assertThat(outcome.path("description").asText()).isNotBlank();
        return outcome;
    }
}
