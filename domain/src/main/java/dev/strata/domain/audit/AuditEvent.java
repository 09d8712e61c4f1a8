package dev.strata.domain.audit;

import java.time.Instant;

/**
 * One line of the audit log: a mutation or a failed authentication.
 *
 * @param id        position in the log, assigned when stored (0 before)
 * @param outcome   {@code Success}, or the error code of the failure
 */
public record AuditEvent(
        long id,
        Instant time,
        String requestId,
        String user,
        String authMethod,
        String sourceIp,
        String action,
        String target,
        String outcome) {

    public static final String SUCCESS = "Success";

    public AuditEvent withId(long newId) {
        return new AuditEvent(newId, time, requestId, user, authMethod, sourceIp, action, target, outcome);
    }
}
