package dev.strata.application.fake;

import dev.strata.application.port.out.Roles;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.access.Role;
import dev.strata.domain.access.RoleName;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Roles in a map keyed by their case-folded name. */
public final class InMemoryRoles implements Roles, InMemoryTransactions.Participant {

    private final TreeMap<String, Role> byKey = new TreeMap<>();

    @Override
    public synchronized void add(Role role) {
        if (byKey.containsKey(role.name().key())) {
            throw new IllegalStateException("role " + role.name() + " exists");
        }
        byKey.put(role.name().key(), copy(role));
    }

    @Override
    public synchronized void update(Role role) {
        if (!byKey.containsKey(role.name().key())) {
            throw new IllegalStateException("role " + role.name() + " does not exist");
        }
        byKey.put(role.name().key(), copy(role));
    }

    @Override
    public synchronized void remove(RoleName name) {
        byKey.remove(name.key());
    }

    @Override
    public synchronized Optional<Role> find(RoleName name) {
        return Optional.ofNullable(byKey.get(name.key())).map(InMemoryRoles::copy);
    }

    @Override
    public synchronized List<Role> all() {
        return byKey.values().stream().map(InMemoryRoles::copy).toList();
    }

    @Override
    public synchronized Set<Privilege> privilegesOf(Collection<RoleName> names) {
        Set<Privilege> privileges = EnumSet.noneOf(Privilege.class);
        for (RoleName name : names) {
            Role role = byKey.get(name.key());
            if (role != null) {
                privileges.addAll(role.privileges());
            }
        }
        return privileges;
    }

    @Override
    public synchronized Object snapshot() {
        return new TreeMap<>(byKey);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        byKey.clear();
        byKey.putAll((TreeMap<String, Role>) snapshot);
    }

    private static Role copy(Role r) {
        return Role.restore(r.name(), r.description(), r.privileges(), r.isBuiltIn(), r.version());
    }
}
