package dev.strata.domain.placement;

import dev.strata.domain.node.Allocation;
import java.util.Objects;

/**
 * Room wanted on each of some given nodes, for one change: what each node gives, what a node must
 * be to give it, and what a refusal says is refused.
 *
 * @param each    what every node gives; the tenant is charged its media for every node
 * @param held    true when the room is for something the node already holds (a volume growing, a
 *                snapshot's copy beside its replica): a node in maintenance still serves what it
 *                holds, so only room counts. False for new replicas: the node must also be Available.
 * @param heading what a refusal names first, e.g. {@code volume 42 cannot grow to 20 GiB}
 */
public record Reservation(Allocation each, boolean held, String heading) {

    public Reservation {
        Objects.requireNonNull(each);
        Objects.requireNonNull(heading);
    }

    /** Room for new replicas on the given nodes: each must be Available and have room. */
    public static Reservation newReplicas(Allocation each, String heading) {
        return new Reservation(each, false, heading);
    }

    /** Room for more of what the given nodes already hold: each must have room, whatever its state. */
    public static Reservation besideHeld(Allocation each, String heading) {
        return new Reservation(each, true, heading);
    }
}
