package dev.strata.application.fake;

import dev.strata.application.port.out.HostEvents;
import dev.strata.domain.host.HostEvent;
import java.util.ArrayList;
import java.util.List;

/** Host events in a list; ids from 1. */
public final class InMemoryHostEvents implements HostEvents, InMemoryTransactions.Participant {

    private List<HostEvent> events = new ArrayList<>();

    @Override
    public synchronized HostEvent append(HostEvent event) {
        HostEvent stored = event.withId(events.size() + 1L);
        events.add(stored);
        return stored;
    }

    @Override
    public synchronized List<HostEvent> page(long afterId, int limit) {
        return events.stream().filter(e -> e.id() > afterId).limit(limit).toList();
    }

    @Override
    public synchronized Object snapshot() {
        return new ArrayList<>(events);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        events = new ArrayList<>((List<HostEvent>) snapshot);
    }
}
