package dev.strata.adapters.rest.http;

import dev.strata.domain.DomainException;
import dev.strata.domain.access.RoleName;
import dev.strata.domain.host.HostId;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.ReplicaId;
import dev.strata.domain.volume.SnapshotId;
import dev.strata.domain.volume.VolumeId;
import java.util.function.Function;

/**
 * Ids read from paths. An id that cannot exist is simply unknown (404), as a client that deletes
 * by id expects; ids read from bodies are bad input (400) instead, naming the field.
 */
public final class PathIds {

    private PathIds() {
    }

    public static VolumeId volume(String text) {
        return parse(text, VolumeId::new, "volume");
    }

    public static ReplicaId replica(String text) {
        return parse(text, ReplicaId::new, "replica");
    }

    public static SnapshotId snapshot(String text) {
        return parse(text, SnapshotId::new, "snapshot");
    }

    public static NodeId node(String text) {
        return parse(text, NodeId::new, "backend");
    }

    public static TenantId tenant(String text) {
        return parse(text, TenantId::new, "tenant");
    }

    public static HostId host(String text) {
        return parse(text, HostId::new, "host");
    }

    public static RoleName role(String text) {
        return parse(text, RoleName::new, "role");
    }

    private static <T> T parse(String text, Function<String, T> parse, String what) {
        try {
            return parse.apply(text);
        } catch (DomainException malformed) {
            throw DomainException.notExists(what + " does not exist");
        }
    }
}
