package dev.strata.bootstrap.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** An HTTP answer as a test reads it. */
public record Reply(int status, HttpHeaders headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body as JSON; fails the test if it is not. */
    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON (HTTP " + status + "): " + body, e);
        }
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The {@code status} of an error body. */
    public String errorStatus() {
        return json().path("status").asText();
    }

    /**
     * Asserts the one error body of API.md §2 with this HTTP status: JSON with a {@code status} code,
     * an {@code error_class} ending in {@code _error}, a description, and the X-Request-Id as
     * {@code request_id}. Returns the description, for what a test expects it to name.
     */
    public String assertErrorBody(int expected) {
        assertThat(status).as(toString()).isEqualTo(expected);
        assertThat(header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode json = json();
        assertThat(json.path("status").asText()).as("an error code").isNotEqualTo("Success").isNotBlank();
        assertThat(json.path("error_class").asText()).endsWith("_error");
        assertThat(json.path("description").asText()).isNotBlank();
        assertThat(json.path("request_id").asText()).isEqualTo(header("X-Request-Id").orElseThrow());
        return json.path("description").asText();
    }

    @Override
    public String toString() {
        return "HTTP " + status + " " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
    }
}
