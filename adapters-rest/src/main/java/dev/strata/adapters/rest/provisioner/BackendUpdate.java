package dev.strata.adapters.rest.provisioner;

import dev.strata.application.port.in.node.UpdateNodeCommand;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.NodeState;
import java.util.Optional;

/** {@code PUT /backends/{id}}: labels and state; absent fields stay as they are, other fields are ignored. */
public record BackendUpdate(String rack, String region, String zone, String state) {

    UpdateNodeCommand toCommand(NodeId id) {
        return new UpdateNodeCommand(id, Optional.ofNullable(rack), Optional.ofNullable(zone),
                Optional.ofNullable(region), Optional.ofNullable(state).map(s -> NodeState.parse("state", s)));
    }
}
