package dev.strata.application.port.in;

/**
 * What an idempotent create answers: the resource, and whether this request made it
 * ({@code false} when an equal request had made it before).
 */
public record Created<T>(T value, boolean isNew) {
}
