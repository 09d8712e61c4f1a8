package dev.strata.adapters.persistence;

import dev.strata.application.port.out.AuditLog;
import dev.strata.domain.audit.AuditEvent;
import java.time.Instant;
import java.util.List;

/** The audit log in one append-only table. */
final class JdbiAuditLog implements AuditLog {

    private final JdbiTransactions transactions;

    JdbiAuditLog(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public AuditEvent append(AuditEvent event) {
        long id = transactions.writeHandle().dao(AuditDao.class).insert(new AuditRow(0, event.time().toEpochMilli(),
                event.requestId(), event.user(), event.authMethod(), event.sourceIp(), event.action(),
                event.target(), event.outcome()));
        return event.withId(id);
    }

    @Override
    public List<AuditEvent> page(long afterId, int limit) {
        return transactions.withHandle(h -> h.dao(AuditDao.class).page(afterId, limit).stream()
                .map(r -> new AuditEvent(r.id(), Instant.ofEpochMilli(r.time()), r.requestId(), r.userName(),
                        r.authMethod(), r.sourceIp(), r.action(), r.target(), r.outcome()))
                .toList());
    }
}
