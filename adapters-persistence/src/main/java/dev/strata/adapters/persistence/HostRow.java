package dev.strata.adapters.persistence;

/** A row of {@code hosts}. Public only because JDBI binds the accessors of public types alone. */
public record HostRow(String id, String nqn, String name, String clientType, String version, long durationS,
                      long lastProbe, long registeredAt, boolean multipath, String usedNsids) {
}
