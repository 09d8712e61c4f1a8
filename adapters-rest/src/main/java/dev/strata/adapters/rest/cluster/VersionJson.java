package dev.strata.adapters.rest.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strata.application.BuildInfo;

/** {@code GET /v1/version}, in Qumulo's shape. */
public record VersionJson(
        @JsonProperty("revision_id") String revisionId,
        @JsonProperty("build_id") String buildId,
        String flavor,
        @JsonProperty("build_date") String buildDate) {

    static VersionJson from(BuildInfo build) {
        return new VersionJson("Strata " + build.version(), build.buildId(), build.flavor(), build.buildDate());
    }
}
