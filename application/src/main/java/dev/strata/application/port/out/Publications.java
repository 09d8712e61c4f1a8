package dev.strata.application.port.out;

import dev.strata.domain.host.HostId;
import dev.strata.domain.host.Publication;
import dev.strata.domain.host.Target;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.volume.VolumeId;
import java.util.List;
import java.util.Optional;

/**
 * Which volumes are published to which hosts, and the targets and namespaces that expose them: the
 * one record of what every node should export to every host. Mutations must run inside a write
 * transaction.
 */
public interface Publications {

    boolean isPublished(VolumeId volume);

    /** The volume's publications, by host id. */
    List<Publication> ofVolume(VolumeId volume);

    boolean anyOfHost(HostId host);

    void add(Publication publication);

    void remove(VolumeId volume, HostId host);

    Optional<Target> target(HostId host, NodeId node);

    /** Stores a new or changed target with its namespaces; an empty target is removed. */
    void save(Target target);

    /**
     * The targets of {@code host} (any host when empty) holding a namespace of {@code volume} (any
     * when empty), each with all its namespaces, by host id and target name.
     */
    List<Target> targets(Optional<HostId> host, Optional<VolumeId> volume);

    /** The targets on the node, each with all its namespaces, by target name. */
    List<Target> targetsOn(NodeId node);

    boolean anyTargetOn(NodeId node);
}
