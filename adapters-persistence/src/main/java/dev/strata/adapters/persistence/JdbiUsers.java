package dev.strata.adapters.persistence;

import dev.strata.adapters.persistence.AccessRows.UserRoleRow;
import dev.strata.adapters.persistence.AccessRows.UserRow;
import dev.strata.application.port.out.Users;
import dev.strata.domain.access.PasswordHash;
import dev.strata.domain.access.RoleName;
import dev.strata.domain.access.User;
import dev.strata.domain.access.UserId;
import dev.strata.domain.access.UserName;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link Users} over {@code users} and {@code user_roles}. */
final class JdbiUsers implements Users {

    private final JdbiTransactions transactions;

    JdbiUsers(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(User user) {
        AccessDao dao = transactions.accessWriteHandle().dao(AccessDao.class);
        dao.insertUser(toRow(user));
        dao.insertUserRoles(roleRows(user));
        dao.recordUserId(user.id().number());
    }

    @Override
    public void update(User user) {
        AccessDao dao = transactions.accessWriteHandle().dao(AccessDao.class);
        if (dao.updateUser(toRow(user)) != 1) {
            throw new IllegalStateException("user " + user.id() + " does not exist");
        }
        dao.deleteUserRoles(user.id().number());
        dao.insertUserRoles(roleRows(user));
    }

    @Override
    public void remove(UserId id) {
        transactions.accessWriteHandle().dao(AccessDao.class).deleteUser(id.number());
    }

    @Override
    public Optional<User> find(UserId id) {
        return transactions.withHandle(h -> h.dao(AccessDao.class).findUser(id.number())
                .map(row -> complete(h, List.of(row)).get(0)));
    }

    @Override
    public Optional<User> findByName(UserName name) {
        return transactions.withHandle(h -> h.dao(AccessDao.class).findUserByName(name.key())
                .map(row -> complete(h, List.of(row)).get(0)));
    }

    @Override
    public List<User> page(long afterId, int limit) {
        return transactions.withHandle(h -> complete(h, h.dao(AccessDao.class).users(afterId, limit)));
    }

    @Override
    public List<User> withRole(RoleName role, long afterId, int limit) {
        return transactions.withHandle(h -> complete(h,
                h.dao(AccessDao.class).usersWithRole(role.key(), afterId, limit)));
    }

    @Override
    public int countEnabledWithRole(RoleName role) {
        return transactions.withHandle(h -> h.dao(AccessDao.class).countEnabledWithRole(role.key()));
    }

    @Override
    public boolean isEmpty() {
        return !transactions.withHandle(h -> h.dao(AccessDao.class).anyUser());
    }

    @Override
    public UserId nextId() {
        return UserId.of(transactions.withHandle(h -> h.dao(AccessDao.class).highestUserId()) + 1);
    }

    private static List<User> complete(PooledHandle handle, List<UserRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Set<RoleName>> roles = handle.dao(AccessDao.class)
                .rolesOf(rows.stream().map(UserRow::id).toList()).stream()
                .collect(Collectors.groupingBy(UserRoleRow::userId,
                        Collectors.mapping(r -> new RoleName(r.roleName()), Collectors.toSet())));
        return rows.stream().map(row -> {
            User user = User.restore(UserId.of(row.id()), new UserName(row.name()),
                    new PasswordHash(row.passwordHash()), row.enabled(),
                    Optional.ofNullable(row.tenantId()).map(TenantId::new), roles.getOrDefault(row.id(), Set.of()),
                    Instant.ofEpochMilli(row.createdAt()));
            user.bindToNode(Optional.ofNullable(row.nodeId()).map(NodeId::new));
            return user;
        }).toList();
    }

    private static UserRow toRow(User user) {
        return new UserRow(user.id().number(), user.name().value(), user.name().key(), user.password().encoded(),
                user.enabled(), user.tenant().map(TenantId::value).orElse(null), user.createdAt().toEpochMilli(),
                user.node().map(NodeId::value).orElse(null));
    }

    private static List<UserRoleRow> roleRows(User user) {
        return user.roles().stream().map(role -> new UserRoleRow(user.id().number(), role.key(), role.value()))
                .toList();
    }
}
