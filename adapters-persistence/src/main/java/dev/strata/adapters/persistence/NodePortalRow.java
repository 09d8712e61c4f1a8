package dev.strata.adapters.persistence;

/** A row of {@code node_portals}. Public only because JDBI binds the accessors of public types alone. */
public record NodePortalRow(String nodeId, int position, String ip, int port, String transport) {
}
