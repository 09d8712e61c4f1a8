package dev.strata.application.service;

import dev.strata.application.Page;
import dev.strata.application.port.in.audit.ReadAuditLogUseCase;
import dev.strata.application.port.out.AuditLog;
import dev.strata.application.port.out.Transactions;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.audit.AuditEvent;

/** Reads the audit log. */
public final class AuditService implements ReadAuditLogUseCase {

    private final AuditLog auditLog;
    private final Transactions transactions;

    public AuditService(AuditLog auditLog, Transactions transactions) {
        this.auditLog = auditLog;
        this.transactions = transactions;
    }

    @Override
    public Page<AuditEvent> read(Principal caller, long afterId, int limit) {
        caller.require(Privilege.PRIVILEGE_AUDIT_READ);
        return transactions.read(() -> Page.of(auditLog.page(afterId, limit + 1), limit,
                event -> Long.toString(event.id())));
    }
}
