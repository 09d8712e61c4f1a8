package dev.strata.application.port.in.host;

import dev.strata.domain.host.Target;

/** A target as a caller may see it, with a name for people: the host's name and the node's. */
public record TargetView(Target target, String alias) {
}
