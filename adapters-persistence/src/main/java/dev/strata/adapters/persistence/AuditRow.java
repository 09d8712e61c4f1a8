package dev.strata.adapters.persistence;

/** A row of {@code audit_log}. Public only because JDBI binds the accessors of public types alone. */
public record AuditRow(long id, long time, String requestId, String userName, String authMethod, String sourceIp,
                String action, String target, String outcome) {
}
