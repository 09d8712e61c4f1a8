package dev.strata.application.port.in.task;

import dev.strata.domain.volume.VolumeId;
import java.util.List;

/**
 * What one self-healing pass did.
 *
 * @param migrating volumes whose Missing replica now has a replacement syncing through a RemoteMigration
 * @param replaced  unpublished volumes whose Missing replica was replaced and retired at once
 * @param failed    volumes that are due a repair Strata could not start (no placement, …), with why;
 *                  the next pass tries again
 */
public record RepairReport(List<VolumeId> migrating, List<VolumeId> replaced, List<Failure> failed) {

    public record Failure(VolumeId volume, String reason) {
    }

    public RepairReport {
        migrating = List.copyOf(migrating);
        replaced = List.copyOf(replaced);
        failed = List.copyOf(failed);
    }
}
