package dev.strata.adapters.persistence;

/** A row of {@code node_mgmt_ips}. Public only because JDBI binds the accessors of public types alone. */
public record NodeAddressRow(String nodeId, int position, String ip) {
}
