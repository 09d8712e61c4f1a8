package dev.strata.application.port.in.agent;

import dev.strata.domain.access.Principal;
import java.util.concurrent.CompletionStage;

/**
 * A node's agent reads its node's desired state. The answer comes at once without {@code after} or
 * when the generation is past it; otherwise once the generation moves past it or the wait ends. The
 * caller is checked before anything waits: a refusal is thrown, not completed.
 */
public interface ReadDesiredStateUseCase {

    CompletionStage<DesiredState> desired(Principal caller, DesiredStateQuery query);
}
