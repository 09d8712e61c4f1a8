package dev.strata.domain.node;

import dev.strata.domain.DomainException;
import java.util.UUID;

/** A storage node's persistent id (KumoScale's {@code persistentID}): a UUID string. */
public record NodeId(String value) {

    public NodeId {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw DomainException.invalidInput("backend id must be 1 to 64 characters");
        }
    }

    public static NodeId generate() {
        return new NodeId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
