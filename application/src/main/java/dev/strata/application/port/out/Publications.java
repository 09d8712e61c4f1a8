package dev.strata.application.port.out;

import dev.strata.domain.volume.VolumeId;

/**
 * Which volumes are published to hosts. Publishing itself arrives with hosts and targets; volume
 * deletion needs only this question answered.
 */
public interface Publications {

    boolean isPublished(VolumeId volume);
}
