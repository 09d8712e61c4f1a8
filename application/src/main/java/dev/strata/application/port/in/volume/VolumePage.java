package dev.strata.application.port.in.volume;

import dev.strata.domain.volume.Volume;
import java.util.List;

/** A page of volumes, and whether more follow the last one. */
public record VolumePage(List<Volume> volumes, boolean more) {

    public VolumePage {
        volumes = List.copyOf(volumes);
    }
}
