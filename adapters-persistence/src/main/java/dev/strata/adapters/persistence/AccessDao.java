package dev.strata.adapters.persistence;

import dev.strata.adapters.persistence.AccessRows.AccessTokenRow;
import dev.strata.adapters.persistence.AccessRows.RolePrivilegeRow;
import dev.strata.adapters.persistence.AccessRows.RoleRow;
import dev.strata.adapters.persistence.AccessRows.SessionRow;
import dev.strata.adapters.persistence.AccessRows.UserRoleRow;
import dev.strata.adapters.persistence.AccessRows.UserRow;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(RoleRow.class)
@RegisterConstructorMapper(RolePrivilegeRow.class)
@RegisterConstructorMapper(UserRow.class)
@RegisterConstructorMapper(UserRoleRow.class)
@RegisterConstructorMapper(SessionRow.class)
@RegisterConstructorMapper(AccessTokenRow.class)
interface AccessDao {

    // roles

    @SqlUpdate("INSERT INTO roles (name_key, name, description, built_in, version)"
            + " VALUES (:nameKey, :name, :description, :builtIn, :version)")
    void insertRole(@BindMethods RoleRow row);

    @SqlUpdate("UPDATE roles SET description = :description, version = :version WHERE name_key = :nameKey")
    int updateRole(@BindMethods RoleRow row);

    @SqlUpdate("DELETE FROM roles WHERE name_key = :key")
    void deleteRole(@Bind("key") String key);

    @SqlUpdate("DELETE FROM role_privileges WHERE role_key = :key")
    void deletePrivileges(@Bind("key") String key);

    @SqlBatch("INSERT INTO role_privileges (role_key, privilege) VALUES (:roleKey, :privilege)")
    void insertPrivileges(@BindMethods List<RolePrivilegeRow> rows);

    @SqlQuery("SELECT name_key, name, description, built_in, version FROM roles WHERE name_key = :key")
    Optional<RoleRow> findRole(@Bind("key") String key);

    @SqlQuery("SELECT name_key, name, description, built_in, version FROM roles ORDER BY name_key")
    List<RoleRow> allRoles();

    @SqlQuery("SELECT role_key, privilege FROM role_privileges WHERE role_key IN (<keys>) ORDER BY role_key")
    List<RolePrivilegeRow> privileges(@BindList("keys") Collection<String> keys);

    @SqlQuery("SELECT role_key, privilege FROM role_privileges ORDER BY role_key")
    List<RolePrivilegeRow> allPrivileges();

    // users

    @SqlUpdate("INSERT INTO users (id, name, name_key, password_hash, enabled, tenant_id, created_at, node_id)"
            + " VALUES (:id, :name, :nameKey, :passwordHash, :enabled, :tenantId, :createdAt, :nodeId)")
    void insertUser(@BindMethods UserRow row);

    @SqlUpdate("UPDATE users SET name = :name, name_key = :nameKey, password_hash = :passwordHash,"
            + " enabled = :enabled, tenant_id = :tenantId, node_id = :nodeId WHERE id = :id")
    int updateUser(@BindMethods UserRow row);

    @SqlUpdate("DELETE FROM users WHERE id = :id")
    void deleteUser(@Bind("id") long id);

    @SqlUpdate("DELETE FROM user_roles WHERE user_id = :id")
    void deleteUserRoles(@Bind("id") long id);

    @SqlBatch("INSERT INTO user_roles (user_id, role_key) VALUES (:userId, :roleKey)")
    void insertUserRoles(@BindMethods List<UserRoleRow> rows);

    String USER_COLUMNS = "id, name, name_key, password_hash, enabled, tenant_id, created_at, node_id";

    @SqlQuery("SELECT " + USER_COLUMNS + " FROM users WHERE id = :id")
    Optional<UserRow> findUser(@Bind("id") long id);

    @SqlQuery("SELECT " + USER_COLUMNS + " FROM users WHERE name_key = :key")
    Optional<UserRow> findUserByName(@Bind("key") String key);

    @SqlQuery("SELECT " + USER_COLUMNS + " FROM users WHERE id > :after ORDER BY id LIMIT :limit")
    List<UserRow> users(@Bind("after") long after, @Bind("limit") int limit);

    @SqlQuery("SELECT u.id, u.name, u.name_key, u.password_hash, u.enabled, u.tenant_id, u.created_at, u.node_id"
            + " FROM user_roles ur JOIN users u ON u.id = ur.user_id"
            + " WHERE ur.role_key = :key AND u.id > :after ORDER BY u.id LIMIT :limit")
    List<UserRow> usersWithRole(@Bind("key") String key, @Bind("after") long after, @Bind("limit") int limit);

    @SqlQuery("SELECT count(*) FROM user_roles ur JOIN users u ON u.id = ur.user_id"
            + " WHERE ur.role_key = :key AND u.enabled")
    int countEnabledWithRole(@Bind("key") String key);

    @SqlQuery("SELECT ur.user_id, ur.role_key, r.name AS role_name FROM user_roles ur"
            + " JOIN roles r ON r.name_key = ur.role_key WHERE ur.user_id IN (<ids>) ORDER BY ur.user_id, r.name_key")
    List<UserRoleRow> rolesOf(@BindList("ids") Collection<Long> ids);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM users)")
    boolean anyUser();

    // Written in SQL both SQLite and PostgreSQL take: no two-argument max() or greatest().
    @SqlQuery("SELECT CASE WHEN c > u THEN c ELSE u END FROM (SELECT"
            + " coalesce((SELECT value FROM counters WHERE name = 'user_id'), 499) AS c,"
            + " coalesce((SELECT max(id) FROM users), 499) AS u) AS highest")
    long highestUserId();

    @SqlUpdate("INSERT INTO counters (name, value) VALUES ('user_id', :value)"
            + " ON CONFLICT (name) DO UPDATE SET value"
            + " = CASE WHEN excluded.value > counters.value THEN excluded.value ELSE counters.value END")
    void recordUserId(@Bind("value") long value);

    // sessions

    @SqlUpdate("INSERT INTO sessions (id, user_id, directory_name, directory_roles, created_at, expires_at,"
            + " secret_hash) VALUES (:id, :userId, :directoryName, :directoryRoles, :createdAt, :expiresAt,"
            + " :secretHash)")
    void insertSession(@BindMethods SessionRow row);

    @SqlQuery("SELECT id, user_id, directory_name, directory_roles, created_at, expires_at, secret_hash"
            + " FROM sessions WHERE secret_hash = :hash")
    Optional<SessionRow> findSession(@Bind("hash") String hash);

    @SqlUpdate("DELETE FROM sessions WHERE id = :id")
    void deleteSession(@Bind("id") String id);

    @SqlUpdate("DELETE FROM sessions WHERE user_id = :user")
    void deleteSessionsOf(@Bind("user") long user);

    @SqlUpdate("DELETE FROM sessions WHERE expires_at <= :now")
    int deleteExpiredSessions(@Bind("now") long now);

    // access tokens

    String TOKEN_COLUMNS = "id, user_id, creator_id, created_at, expires_at, enabled, secret_hash";

    @SqlUpdate("INSERT INTO access_tokens (" + TOKEN_COLUMNS + ")"
            + " VALUES (:id, :userId, :creatorId, :createdAt, :expiresAt, :enabled, :secretHash)")
    void insertToken(@BindMethods AccessTokenRow row);

    @SqlUpdate("UPDATE access_tokens SET expires_at = :expiresAt, enabled = :enabled WHERE id = :id")
    int updateToken(@BindMethods AccessTokenRow row);

    @SqlUpdate("DELETE FROM access_tokens WHERE id = :id")
    void deleteToken(@Bind("id") String id);

    @SqlUpdate("DELETE FROM access_tokens WHERE user_id = :user")
    void deleteTokensOf(@Bind("user") long user);

    @SqlQuery("SELECT " + TOKEN_COLUMNS + " FROM access_tokens WHERE id = :id")
    Optional<AccessTokenRow> findToken(@Bind("id") String id);

    @SqlQuery("SELECT " + TOKEN_COLUMNS + " FROM access_tokens WHERE secret_hash = :hash")
    Optional<AccessTokenRow> findTokenByHash(@Bind("hash") String hash);

    @SqlQuery("SELECT count(*) FROM access_tokens WHERE user_id = :user")
    int countTokensOf(@Bind("user") long user);

    @SqlQuery("SELECT " + TOKEN_COLUMNS + " FROM access_tokens WHERE id > :after ORDER BY id LIMIT :limit")
    List<AccessTokenRow> tokens(@Bind("after") String after, @Bind("limit") int limit);

    @SqlQuery("SELECT " + TOKEN_COLUMNS + " FROM access_tokens WHERE user_id = :user AND id > :after"
            + " ORDER BY id LIMIT :limit")
    List<AccessTokenRow> tokensOf(@Bind("user") long user, @Bind("after") String after, @Bind("limit") int limit);
}
