package dev.strata.application.port.in.agent;

import dev.strata.domain.DomainException;
import dev.strata.domain.node.NodeId;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Which node's desired state, and how long to wait for one newer than {@code after}.
 *
 * @param waitSeconds 0 to {@value #MAX_WAIT_SECONDS}
 */
public record DesiredStateQuery(NodeId node, OptionalLong after, int waitSeconds) {

    public static final int MAX_WAIT_SECONDS = 60;

    public DesiredStateQuery {
        Objects.requireNonNull(node);
        Objects.requireNonNull(after);
        if (after.isPresent() && after.getAsLong() < 0) {
            throw DomainException.invalidInput("after must be a generation, 0 or more");
        }
        if (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) {
            throw DomainException.invalidInput("wait must be between 0 and " + MAX_WAIT_SECONDS + " seconds");
        }
    }
}
