package dev.strata.bootstrap.support;

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

    @Override
    public String toString() {
        return "HTTP " + status + " " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
    }
}
