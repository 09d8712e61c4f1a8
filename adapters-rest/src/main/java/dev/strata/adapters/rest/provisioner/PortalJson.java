package dev.strata.adapters.rest.provisioner;

import dev.strata.domain.DomainException;
import dev.strata.domain.node.Portal;
import dev.strata.domain.node.Transport;

/** A portal on the wire: {@code {ip, port, transport}}. */
public record PortalJson(String ip, Integer port, String transport) {

    static PortalJson from(Portal portal) {
        return new PortalJson(portal.ip(), portal.port(), portal.transport().name());
    }

    Portal toPortal(int index) {
        String field = "portals[" + index + "]";
        if (port == null) {
            throw DomainException.invalidInput(field + ".port is required");
        }
        return new Portal(ip, port, transport == null ? Transport.TCP : Transport.parse(field + ".transport", transport));
    }
}
