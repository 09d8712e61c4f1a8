package dev.strata.domain.access;

import dev.strata.domain.DomainException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a directory's groups (LDAP group names, or the values of a JWT claim) become Strata roles:
 * {@code storage-admins=storage,auditors=monitor}. Names match without regard to case; a name may
 * be listed more than once to grant several roles; names not listed grant nothing.
 */
public final class RoleMap {

    private final Map<String, Set<RoleName>> roles;

    private RoleMap(Map<String, Set<RoleName>> roles) {
        this.roles = roles;
    }

    public static RoleMap empty() {
        return new RoleMap(Map.of());
    }

    /** Parses {@code name=role,name=role}; blank means empty. Throws {@code InvalidInput} naming the bad pair. */
    public static RoleMap parse(String text) {
        Map<String, Set<RoleName>> roles = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return empty();
        }
        for (String pair : text.split(",", -1)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? "" : pair.substring(0, equals).strip();
            String role = equals < 0 ? "" : pair.substring(equals + 1).strip();
            if (name.isEmpty() || role.isEmpty()) {
                throw DomainException.invalidInput("'" + pair.strip() + "' is not group=role (e.g. storage-admins=storage)");
            }
            RoleName roleName;
            try {
                roleName = new RoleName(role);
            } catch (DomainException notARole) {
                throw DomainException.invalidInput("'" + role + "' in '" + pair.strip() + "' is not a role name");
            }
            roles.computeIfAbsent(key(name), k -> new LinkedHashSet<>()).add(roleName);
        }
        roles.replaceAll((name, set) -> Collections.unmodifiableSet(set));
        return new RoleMap(Collections.unmodifiableMap(roles));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The roles {@code groups} map to. */
    public Set<RoleName> rolesOf(Collection<String> groups) {
        Set<RoleName> granted = new LinkedHashSet<>();
        for (String group : groups) {
            if (group != null) {
                granted.addAll(roles.getOrDefault(key(group.strip()), Set.of()));
            }
        }
        return Collections.unmodifiableSet(granted);
    }

    /** Every role this map can grant. */
    public Set<RoleName> grantable() {
        Set<RoleName> all = new LinkedHashSet<>();
        roles.values().forEach(all::addAll);
        return Collections.unmodifiableSet(all);
    }

    public boolean isEmpty() {
        return roles.isEmpty();
    }

    @Override
    public String toString() {
        return roles.toString();
    }
}
