package dev.strata.application.port.out;

import dev.strata.domain.host.HostEvent;
import java.util.List;

/** The events hosts forward, oldest first. {@link #append} must run inside a write transaction. */
public interface HostEvents {

    /** Stores the event; returns it with its id. */
    HostEvent append(HostEvent event);

    /** Up to {@code limit} events with an id above {@code afterId}, oldest first. */
    List<HostEvent> page(long afterId, int limit);
}
