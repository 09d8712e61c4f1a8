package dev.strata.adapters.persistence;

/** A row of {@code tenants}. Public only because JDBI binds the accessors of public types alone. */
public record TenantRow(String id, String name, long capacity, long totalIops, long totalBandwidth,
                        long consumedCapacity, long createdAt) {
}
