package dev.strata.adapters.persistence;

/** A row of {@code audit_log}, as the audit pages read it (JDBI maps it by its constructor). */
public record AuditRow(long id, long time, String requestId, String userName, String authMethod, String sourceIp,
                String action, String target, String outcome) {
}
