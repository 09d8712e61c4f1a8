package dev.strata.application.port.in.audit;

import dev.strata.application.Page;
import dev.strata.domain.access.Principal;
import dev.strata.domain.audit.AuditEvent;

/** The audit log, oldest first, in pages. Needs AUDIT_READ. */
public interface ReadAuditLogUseCase {

    Page<AuditEvent> read(Principal caller, long afterId, int limit);
}
