package dev.strata.adapters.rest;

import dev.strata.application.service.VolumeService;

/** A REST class that reaches past the use cases into a service, for ArchitectureRulesCanFailTest. */
public final class StrayResource {

    private final VolumeService volumes;

    public StrayResource(VolumeService volumes) {
        this.volumes = volumes;
    }

    public VolumeService volumes() {
        return volumes;
    }
}
