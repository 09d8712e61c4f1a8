package dev.strata.application.port.in.host;

import dev.strata.domain.host.HostNqn;
import dev.strata.domain.host.Target;

/**
 * A target as a caller may see it, with the NQN it grants (its host's, as of now) and a name for
 * people: the host's name and the node's.
 */
public record TargetView(Target target, HostNqn grantedTo, String alias) {
}
