package dev.strata.agent.ports;

import dev.strata.agent.model.Desired;
import dev.strata.agent.model.Observed;
import java.util.OptionalLong;

/** Strata, as the agent sees it: the two endpoints of API.md §8. */
public interface ControlPlane {

    /**
     * The node's whole desired state. Without {@code after} the answer comes at once; with it, Strata
     * holds the request until the generation moves past it or {@code waitSeconds} (0–60) pass.
     */
    Desired desired(OptionalLong after, int waitSeconds) throws ControlPlaneException;

    /** Reports what the agent observed; also the node's heartbeat. */
    void observed(Observed report) throws ControlPlaneException;

    /** Why a call to Strata did not succeed. */
    final class ControlPlaneException extends Exception {

        public enum Kind {
            /** No address answered (network, TLS, 5xx): keep what is configured and retry later. */
            UNREACHABLE,
            /** 401 or 403: the token is revoked or bound to another node. Stop applying. */
            REFUSED,
            /** Any other answer Strata should not have given (a 4xx on our own request, bad JSON). */
            REJECTED
        }

        private final Kind kind;

        public ControlPlaneException(Kind kind, String message, Throwable cause) {
            super(message, cause);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }
}
