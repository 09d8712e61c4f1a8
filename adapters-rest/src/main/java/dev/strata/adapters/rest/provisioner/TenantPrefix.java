package dev.strata.adapters.rest.provisioner;

import dev.strata.domain.tenant.TenantId;
import java.util.Optional;

/**
 * The optional {@code /{tenantId}} prefix of the provisioner's volume paths. Resources capture it
 * with the template {@value #TEMPLATE}, so one method serves both forms; the captured text ends
 * with the slash, or is empty when no tenant is named.
 */
final class TenantPrefix {

    static final String TEMPLATE = "{tenant: (?:[^/]+/)?}";

    private TenantPrefix() {
    }

    /** The named tenant; a malformed or reserved id is bad input (400). */
    static Optional<TenantId> named(String captured) {
        if (captured == null || captured.isEmpty()) {
            return Optional.empty();
        }
        String id = captured.endsWith("/") ? captured.substring(0, captured.length() - 1) : captured;
        return Optional.of(new TenantId(id));
    }

    /** The prefix to write back into links: "" or "{tenantId}/". */
    static String of(String captured) {
        return captured == null ? "" : captured;
    }
}
