package dev.strata.adapters.persistence;

import dev.strata.adapters.persistence.AccessRows.RolePrivilegeRow;
import dev.strata.adapters.persistence.AccessRows.RoleRow;
import dev.strata.application.port.out.Roles;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.access.Role;
import dev.strata.domain.access.RoleName;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link Roles} over {@code roles} and {@code role_privileges}. */
final class JdbiRoles implements Roles {

    private final JdbiTransactions transactions;

    JdbiRoles(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Role role) {
        AccessDao dao = transactions.accessWriteHandle().dao(AccessDao.class);
        dao.insertRole(toRow(role));
        dao.insertPrivileges(privilegeRows(role));
    }

    @Override
    public void update(Role role) {
        AccessDao dao = transactions.accessWriteHandle().dao(AccessDao.class);
        if (dao.updateRole(toRow(role)) != 1) {
            throw new IllegalStateException("role " + role.name() + " does not exist");
        }
        dao.deletePrivileges(role.name().key());
        dao.insertPrivileges(privilegeRows(role));
    }

    @Override
    public void remove(RoleName name) {
        transactions.accessWriteHandle().dao(AccessDao.class).deleteRole(name.key());
    }

    @Override
    public Optional<Role> find(RoleName name) {
        return transactions.withHandle(h -> {
            AccessDao dao = h.dao(AccessDao.class);
            return dao.findRole(name.key()).map(row -> toRole(row, privilegesByRole(dao.privileges(List.of(row.nameKey())))));
        });
    }

    @Override
    public List<Role> all() {
        return transactions.withHandle(h -> {
            AccessDao dao = h.dao(AccessDao.class);
            Map<String, Set<Privilege>> privileges = privilegesByRole(dao.allPrivileges());
            return dao.allRoles().stream().map(row -> toRole(row, privileges)).toList();
        });
    }

    @Override
    public Set<Privilege> privilegesOf(Collection<RoleName> names) {
        if (names.isEmpty()) {
            return Set.of();
        }
        return transactions.withHandle(h -> {
            Set<Privilege> union = EnumSet.noneOf(Privilege.class);
            h.dao(AccessDao.class).privileges(names.stream().map(RoleName::key).toList())
                    .forEach(row -> union.add(Privilege.valueOf(row.privilege())));
            return union;
        });
    }

    private static Map<String, Set<Privilege>> privilegesByRole(List<RolePrivilegeRow> rows) {
        return rows.stream().collect(Collectors.groupingBy(RolePrivilegeRow::roleKey,
                Collectors.mapping(r -> Privilege.valueOf(r.privilege()),
                        Collectors.toCollection(() -> EnumSet.noneOf(Privilege.class)))));
    }

    private static Role toRole(RoleRow row, Map<String, Set<Privilege>> privileges) {
        return Role.restore(new RoleName(row.name()), row.description(),
                privileges.getOrDefault(row.nameKey(), Set.of()), row.builtIn(), row.version());
    }

    private static RoleRow toRow(Role role) {
        return new RoleRow(role.name().key(), role.name().value(), role.description(), role.isBuiltIn(),
                role.version());
    }

    private static List<RolePrivilegeRow> privilegeRows(Role role) {
        return role.privileges().stream().map(p -> new RolePrivilegeRow(role.name().key(), p.name())).toList();
    }
}
