package dev.strata.adapters.rest.http;

/** The body of a successful delete or action: {@code {"status":"Success","description":"…"}}. */
public record Outcome(String status, String description) {

    public static Outcome success(String description) {
        return new Outcome("Success", description);
    }
}
