package dev.strata.application.port.in.node;

import dev.strata.domain.DomainException;
import dev.strata.domain.Text;
import dev.strata.domain.node.Location;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.NodeState;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes a node's location labels and, by an operator's hand, its state. An absent field stays as
 * it is; an empty label clears it. Only Available and Maintenance may be set.
 */
public record UpdateNodeCommand(
        NodeId id,
        Optional<String> rack,
        Optional<String> zone,
        Optional<String> region,
        Optional<NodeState> state) {

    public UpdateNodeCommand {
        Objects.requireNonNull(id);
        rack.ifPresent(value -> Text.optional("rack", value, Location.MAX_LABEL));
        zone.ifPresent(value -> Text.optional("zone", value, Location.MAX_LABEL));
        region.ifPresent(value -> Text.optional("region", value, Location.MAX_LABEL));
        if (state.filter(s -> s == NodeState.UNAVAILABLE).isPresent()) {
            throw DomainException.invalidInput("state may be set to Available or Maintenance only");
        }
    }

    public Location applyTo(Location location) {
        return new Location(rack.orElse(location.rack()), zone.orElse(location.zone()),
                region.orElse(location.region()));
    }
}
