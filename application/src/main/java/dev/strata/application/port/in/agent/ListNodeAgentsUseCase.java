package dev.strata.application.port.in.agent;

import dev.strata.domain.access.Principal;
import dev.strata.domain.node.NodeId;
import java.util.Map;

/** Each storage node's agent status, for operators (with {@code PRIVILEGE_BACKEND_READ}). */
public interface ListNodeAgentsUseCase {

    Map<NodeId, NodeAgentStatus> agents(Principal caller);
}
