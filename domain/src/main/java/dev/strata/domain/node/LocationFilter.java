package dev.strata.domain.node;

import dev.strata.domain.DomainException;
import dev.strata.domain.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Which nodes a replica may go to, by their labels. An empty list does not filter; otherwise a
 * node matches when its label is in the list. Lists are kept sorted and free of duplicates, so
 * two filters that mean the same compare equal.
 */
public record LocationFilter(List<String> racks, List<String> zones, List<String> regions) {

    public static final int MAX_ENTRIES = 64;
    public static final LocationFilter ANY = new LocationFilter(List.of(), List.of(), List.of());

    public LocationFilter {
        racks = labels("racks", racks);
        zones = labels("zones", zones);
        regions = labels("regions", regions);
    }

    private static List<String> labels(String field, List<String> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        if (values.size() > MAX_ENTRIES) {
            throw DomainException.invalidInput(field + " may list at most " + MAX_ENTRIES + " labels");
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (String value : values) {
            if (value == null) {
                throw DomainException.invalidInput(field + " must not contain null");
            }
            sorted.add(Text.optional(field, value, Location.MAX_LABEL));
        }
        return List.copyOf(new ArrayList<>(sorted));
    }

    public boolean matches(Location location) {
        return (racks.isEmpty() || racks.contains(location.rack()))
                && (zones.isEmpty() || zones.contains(location.zone()))
                && (regions.isEmpty() || regions.contains(location.region()));
    }

    /** Why a node at {@code location} does not match, or "" when it does. */
    public String mismatch(Location location) {
        if (!racks.isEmpty() && !racks.contains(location.rack())) {
            return "is in rack '" + location.rack() + "', not one of " + racks;
        }
        if (!zones.isEmpty() && !zones.contains(location.zone())) {
            return "is in zone '" + location.zone() + "', not one of " + zones;
        }
        if (!regions.isEmpty() && !regions.contains(location.region())) {
            return "is in region '" + location.region() + "', not one of " + regions;
        }
        return "";
    }
}
