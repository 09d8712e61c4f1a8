package dev.strata.domain.node;

import dev.strata.domain.Text;

/**
 * Where a node stands. Each label is optional ("" when unset) and at most 255 characters.
 * Placement spreads replicas across racks; a node without a rack label counts as a rack of its own.
 */
public record Location(String rack, String zone, String region) {

    public static final int MAX_LABEL = 255;
    public static final Location NOWHERE = new Location("", "", "");

    public Location {
        rack = Text.optional("rack", rack, MAX_LABEL);
        zone = Text.optional("zone", zone, MAX_LABEL);
        region = Text.optional("region", region, MAX_LABEL);
    }

    public Location withRack(String newRack) {
        return new Location(newRack, zone, region);
    }

    public Location withZone(String newZone) {
        return new Location(rack, newZone, region);
    }

    public Location withRegion(String newRegion) {
        return new Location(rack, zone, newRegion);
    }
}
