package dev.strata.adapters.persistence;

/** Rows of the access tables. Public only because JDBI binds the accessors of public types alone. */
public final class AccessRows {

    private AccessRows() {
    }

    public record RoleRow(String nameKey, String name, String description, boolean builtIn, long version) {
    }

    public record RolePrivilegeRow(String roleKey, String privilege) {
    }

    public record UserRow(long id, String name, String nameKey, String passwordHash, boolean enabled,
                          String tenantId, long createdAt, String nodeId) {
    }

    public record UserRoleRow(long userId, String roleKey, String roleName) {
    }

    public record SessionRow(String id, Long userId, String directoryName, String directoryRoles, long createdAt,
                             long expiresAt, String secretHash) {
    }

    public record AccessTokenRow(String id, long userId, Long creatorId, long createdAt, Long expiresAt,
                                 boolean enabled, String secretHash) {
    }
}
