package dev.strata.application.port.in.task;

/**
 * Self-healing: every replica {@code Missing} longer than its volume's {@code maxReplicaDownTime}
 * minutes (0 = never) gets a replacement, through a RemoteMigration for a published volume and at
 * once for an unpublished one; one repair per volume at a time, none at four replicas. Safe when
 * several instances run it: each volume is checked again and repaired in its own serializable
 * write.
 */
public interface HealVolumesUseCase {

    RepairReport heal();

    /** Repairs started, finished and failed by this process since it started. */
    RepairCounts counts();

    record RepairCounts(long started, long finished, long failed) {
    }
}
