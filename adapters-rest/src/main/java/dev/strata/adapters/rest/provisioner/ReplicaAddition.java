package dev.strata.adapters.rest.provisioner;

import dev.strata.adapters.rest.http.Bodies;
import dev.strata.application.port.in.volume.AddReplicaCommand;
import dev.strata.application.port.in.volume.VolumeRef;
import dev.strata.domain.node.LocationFilter;
import java.util.List;
import java.util.Optional;

/** {@code POST [t]/replica/{volUuid}}: where the new replica may go; absent fields follow the volume's class. */
public record ReplicaAddition(Boolean sameRackAllowed, List<String> racks, List<String> regions, List<String> zones) {

    static final ReplicaAddition NONE = new ReplicaAddition(null, null, null, null);

    AddReplicaCommand toCommand(VolumeRef volume) {
        Optional<LocationFilter> filter = racks == null && regions == null && zones == null ? Optional.empty()
                : Optional.of(new LocationFilter(Bodies.noNulls("racks", racks), Bodies.noNulls("zones", zones),
                        Bodies.noNulls("regions", regions)));
        return new AddReplicaCommand(volume, filter, Optional.ofNullable(sameRackAllowed));
    }
}
