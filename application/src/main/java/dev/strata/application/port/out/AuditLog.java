package dev.strata.application.port.out;

import dev.strata.domain.audit.AuditEvent;
import java.util.List;

/** The append-only record of mutations and failed authentications. */
public interface AuditLog {

    /** Appends inside the current write transaction; returns the event with its id. */
    AuditEvent append(AuditEvent event);

    /** Up to {@code limit} events with an id greater than {@code afterId}, oldest first. */
    List<AuditEvent> page(long afterId, int limit);
}
