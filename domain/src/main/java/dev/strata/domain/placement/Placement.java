package dev.strata.domain.placement;

import dev.strata.domain.Bytes;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.node.NodeId;
import java.util.List;
import java.util.Map;

/**
 * The outcome of placement: the chosen nodes, in the order they were chosen, or, when too few
 * qualified, why each node was passed over.
 *
 * @param passedOver every node not chosen with the reason, in node order
 */
public record Placement(PlacementRequest request, List<NodeId> chosen, Map<NodeId, String> passedOver) {

    /** How many reasons a refusal spells out; the rest are counted. */
    static final int MAX_REASONS = 50;

    public Placement {
        chosen = List.copyOf(chosen);
        passedOver = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(passedOver));
    }

    public boolean succeeded() {
        return chosen.size() == request.replicas();
    }

    /** The chosen nodes; when too few qualified, 507 {@code InsufficientCapacity} saying why, node by node. */
    public List<NodeId> nodesOrThrow() {
        if (!succeeded()) {
            throw new DomainException(ErrorCode.INSUFFICIENT_CAPACITY, explanation());
        }
        return chosen;
    }

    public String explanation() {
        StringBuilder out = new StringBuilder();
        out.append("no placement for ").append(request.replicas())
                .append(request.replicas() == 1 ? " replica" : " replicas")
                .append(" needing ").append(Bytes.toGiB(Bytes.ceilToGiB(request.allocation().capacity())))
                .append(" GiB each");
        if (chosen.size() + passedOver.size() == 0) {
            return out.append(": no backend is registered").toString();
        }
        out.append(": ").append(chosen.size()).append(" of ").append(chosen.size() + passedOver.size())
                .append(" backends qualify");
        int shown = 0;
        for (Map.Entry<NodeId, String> entry : passedOver.entrySet()) {
            if (shown == MAX_REASONS) {
                out.append("; and ").append(passedOver.size() - shown).append(" more backends passed over");
                break;
            }
            out.append(shown == 0 ? ". " : "; ").append("backend ").append(entry.getKey()).append(' ')
                    .append(entry.getValue());
            shown++;
        }
        return out.toString();
    }
}
