package dev.strata.adapters.rest.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strata.adapters.rest.http.Bodies;
import dev.strata.application.port.in.access.CreateUserCommand;
import dev.strata.application.port.in.access.UpdateUserCommand;
import dev.strata.domain.DomainException;
import dev.strata.domain.access.Password;
import dev.strata.domain.access.RoleName;
import dev.strata.domain.access.UserId;
import dev.strata.domain.access.UserName;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.tenant.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The bodies of {@code /v1/users/}. */
final class UserRequests {

    private UserRequests() {
    }

    /**
     * {@code POST /v1/users/}. Qumulo's {@code primary_group}, {@code uid} and {@code home_directory}
     * are accepted and ignored when null, "" (or, for the group, Qumulo's default "513"); Strata
     * has no POSIX identities to give them meaning, so any other value is refused.
     */
    record Create(
            String name,
            String password,
            List<String> roles,
            @JsonProperty("tenant_id") String tenantId,
            @JsonProperty("primary_group") String primaryGroup,
            String uid,
            @JsonProperty("home_directory") String homeDirectory,
            @JsonProperty("node_id") String nodeId) {

        CreateUserCommand toCommand() {
            unsupported(primaryGroup, uid, homeDirectory);
            if (name == null) {
                throw DomainException.invalidInput("name is required");
            }
            return new CreateUserCommand(new UserName(name), Password.newPassword("password", password),
                    roleNames(roles), tenant(tenantId), node(nodeId));
        }
    }

    /**
     * {@code PUT /v1/users/{id}}: what is given changes, what is absent or null stays; a
     * {@code tenant_id} of "" unbinds the user from their tenant, a {@code node_id} of "" from their
     * storage node.
     */
    record Update(
            String name,
            String password,
            List<String> roles,
            @JsonProperty("tenant_id") String tenantId,
            Boolean enabled,
            @JsonProperty("primary_group") String primaryGroup,
            String uid,
            @JsonProperty("home_directory") String homeDirectory,
            @JsonProperty("node_id") String nodeId) {

        UpdateUserCommand toCommand(UserId id) {
            unsupported(primaryGroup, uid, homeDirectory);
            return new UpdateUserCommand(id,
                    Optional.ofNullable(name).map(UserName::new),
                    Optional.ofNullable(password).map(p -> Password.newPassword("password", p)),
                    Optional.ofNullable(roles).map(UserRequests::roleNames),
                    Optional.ofNullable(tenantId).map(UserRequests::tenant),
                    Optional.ofNullable(enabled),
                    Optional.ofNullable(nodeId).map(n -> n.isEmpty() ? Optional.empty() : node(n)));
        }
    }

    /** {@code POST /v1/users/{id}/setpassword}. */
    record SetPassword(@JsonProperty("new_password") String newPassword) {
    }

    /** A {@code tenant_id}: "" is none (unbound); a blank one is bad input, never none. */
    private static Optional<TenantId> tenant(String tenantId) {
        try {
            return Bodies.optional(tenantId, TenantId::new);
        } catch (DomainException malformed) {
            throw DomainException.invalidInput("field 'tenant_id' must be a tenant id (1 to 64 characters of"
                    + " A-Z, a-z, 0-9, '.', '_' or '-'), or \"\" for none");
        }
    }

    static Set<RoleName> roleNames(List<String> roles) {
        if (roles == null) {
            return Set.of();
        }
        return Bodies.noNulls("roles", roles).stream().map(RoleName::new).collect(Collectors.toSet());
    }

    /**
     * A storage node to bind the user to: absent binds none; a blank one ("" on update unbinds) or
     * one that is not an id is bad input.
     */
    private static Optional<NodeId> node(String nodeId) {
        if (nodeId == null) {
            return Optional.empty();
        }
        if (nodeId.isBlank()) {
            throw DomainException.invalidInput("node_id must name a storage node");
        }
        try {
            return Optional.of(new NodeId(nodeId.strip()));
        } catch (DomainException e) {
            throw DomainException.invalidInput("node_id must be a storage node's persistentID");
        }
    }

    private static void unsupported(String primaryGroup, String uid, String homeDirectory) {
        if (!blank(primaryGroup) && !UserJson.PRIMARY_GROUP.equals(primaryGroup.strip())) {
            throw DomainException.invalidInput("primary_group is not supported; leave it out");
        }
        if (!blank(uid)) {
            throw DomainException.invalidInput("uid is not supported; leave it out");
        }
        if (!blank(homeDirectory)) {
            throw DomainException.invalidInput("home_directory is not supported; leave it out");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
