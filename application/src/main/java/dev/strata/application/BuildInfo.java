package dev.strata.application;

/** What build of Strata this is. */
public record BuildInfo(String version, String buildId, String flavor, String buildDate) {
}
