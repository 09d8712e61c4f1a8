package dev.strata.adapters.persistence;

import dev.strata.application.port.out.AuditLog;
import dev.strata.domain.audit.AuditEvent;
import java.time.Instant;
import java.util.List;

/** The audit log in one append-only table. */
final class JdbiAuditLog implements AuditLog {

    /** Every mutation appends one: bound by position, which costs less than binding a record's accessors. */
    private static final String INSERT = "INSERT INTO audit_log (time, request_id, user_name, auth_method, source_ip,"
            + " action, target, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

    private final JdbiTransactions transactions;

    JdbiAuditLog(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public AuditEvent append(AuditEvent event) {
        long id = transactions.writeHandle().handle().createQuery(INSERT)
                .bind(0, event.time().toEpochMilli()).bind(1, event.requestId()).bind(2, event.user())
                .bind(3, event.authMethod()).bind(4, event.sourceIp()).bind(5, event.action())
                .bind(6, event.target()).bind(7, event.outcome()).mapTo(Long.class).one();
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
