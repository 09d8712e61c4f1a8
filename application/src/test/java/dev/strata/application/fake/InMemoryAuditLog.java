package dev.strata.application.fake;

import dev.strata.application.port.out.AuditLog;
import dev.strata.domain.audit.AuditEvent;
import java.util.ArrayList;
import java.util.List;

/** The audit log in a list. */
public final class InMemoryAuditLog implements AuditLog, InMemoryTransactions.Participant {

    private final List<AuditEvent> events = new ArrayList<>();

    @Override
    public synchronized AuditEvent append(AuditEvent event) {
        AuditEvent stored = event.withId(events.size() + 1L);
        events.add(stored);
        return stored;
    }

    @Override
    public synchronized List<AuditEvent> page(long afterId, int limit) {
        return events.stream().filter(e -> e.id() > afterId).limit(limit).toList();
    }

    public synchronized List<AuditEvent> all() {
        return List.copyOf(events);
    }

    @Override
    public synchronized Object snapshot() {
        return new ArrayList<>(events);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        events.clear();
        events.addAll((List<AuditEvent>) snapshot);
    }
}
