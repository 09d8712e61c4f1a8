package dev.strata.application.port.in.host;

import dev.strata.domain.access.Principal;
import java.util.List;

/**
 * The targets a query asks for, each with its namespaces. A caller bound to a tenant sees only the
 * namespaces of its tenant's volumes, and only the targets holding one. An unknown host or volume
 * (another tenant's volume included) is NotExists. Needs HOST_READ.
 */
public interface ListTargetsUseCase {

    List<TargetView> list(Principal caller, TargetsQuery query);
}
