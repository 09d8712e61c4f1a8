package dev.strata.domain.node;

import dev.strata.domain.DomainException;

/** An NVMe-oF listener of a node: where hosts connect. */
public record Portal(String ip, int port, Transport transport) {

    public static final int NVME_OF_PORT = 4420;

    public Portal {
        ip = IpAddress.canonical("portal ip", ip);
        if (port < 1 || port > 65535) {
            throw DomainException.invalidInput("portal port must be between 1 and 65535");
        }
        if (transport == null) {
            throw DomainException.invalidInput("portal transport is required");
        }
    }
}
