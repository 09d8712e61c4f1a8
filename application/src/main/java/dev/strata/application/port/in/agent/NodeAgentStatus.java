package dev.strata.application.port.in.agent;

import dev.strata.domain.node.AgentReport;
import java.util.Optional;

/** A node's generation and its agent's last report, if it ever reported. */
public record NodeAgentStatus(long desiredGeneration, Optional<AgentReport> report) {
}
