package dev.strata.domain.tenant;

import dev.strata.domain.DomainException;
import java.util.Set;
import java.util.UUID;

/**
 * A tenant id: 1 to 64 characters of {@code [A-Za-z0-9._-]}. Ids that are the API's own first path
 * segments are refused, so that {@code /{tenantId}/volumes} can never shadow a real path.
 */
public record TenantId(String value) {

    /** First path segments of the API, lower case. A tenant may not be called any of them. */
    public static final Set<String> RESERVED = Set.of(
            "v1", "info", "backends", "tenants", "hosts", "targets", "host_probe", "healthz", "readyz",
            "metrics", "openapi.json", "openapi", "volumes", "volumes_by_alias", "replica", "snapshots",
            "snapshots_by_vol", "snapshots_by_alias", "snapshot_volumes", "clone_volume", "publish",
            "unpublish", "audit", "session", "users", "auth", "tasks", "connect", "disconnect", "migrate_volume",
            "forward_log", ".", "..");

    /** Tenant "0", the default: what an unprefixed path means. */
    public static final TenantId DEFAULT = new TenantId("0");

    public TenantId {
        if (!wellFormed(value)) {
            throw DomainException.invalidInput("tenantId must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'");
        }
        if (RESERVED.contains(value.toLowerCase(java.util.Locale.ROOT))) {
            throw DomainException.invalidInput("tenantId '" + value + "' is reserved by the API");
        }
    }

    /** 1 to 64 characters of {@code [A-Za-z0-9._-]}, checked by hand: every volume read passes here. */
    private static boolean wellFormed(String value) {
        if (value == null || value.isEmpty() || value.length() > 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '-')) {
                return false;
            }
        }
        return true;
    }

    public static TenantId generate() {
        return new TenantId(UUID.randomUUID().toString());
    }

    public boolean isDefault() {
        return equals(DEFAULT);
    }

    @Override
    public String toString() {
        return value;
    }
}
