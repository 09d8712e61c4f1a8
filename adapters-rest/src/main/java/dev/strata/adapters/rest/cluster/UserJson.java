package dev.strata.adapters.rest.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strata.domain.access.RoleName;
import dev.strata.domain.access.User;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.tenant.TenantId;
import java.util.List;

/** A local user in Qumulo's shape, with Strata's roles, tenant, storage node (its agent's user) and state. */
public record UserJson(
        String id,
        String name,
        List<String> roles,
        @JsonProperty("tenant_id") String tenantId,
        boolean enabled,
        @JsonProperty("can_change_password") boolean canChangePassword,
        @JsonProperty("primary_group") String primaryGroup,
        String uid,
        @JsonProperty("home_directory") String homeDirectory,
        @JsonProperty("node_id") String nodeId) {

    /** Qumulo's "Users" group; Strata has no groups, so every user shows it. */
    public static final String PRIMARY_GROUP = "513";

    static UserJson from(User user) {
        return new UserJson(user.id().value(), user.name().value(),
                user.roles().stream().map(RoleName::value).sorted(String.CASE_INSENSITIVE_ORDER).toList(),
                user.tenant().map(TenantId::value).orElse(null), user.enabled(), true, PRIMARY_GROUP, "", null,
                user.node().map(NodeId::value).orElse(null));
    }
}
