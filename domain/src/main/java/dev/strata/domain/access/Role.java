package dev.strata.domain.access;

import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.Text;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A named set of privileges. The built-in roles cannot be deleted or emptied, and {@code admin}
 * always holds every privilege. Each change raises {@link #version()}, which is the role's ETag.
 */
public final class Role {

    public static final int MAX_DESCRIPTION = 1024;

    private final RoleName name;
    private String description;
    private Set<Privilege> privileges;
    private final boolean builtIn;
    private long version;

    private Role(RoleName name, String description, Set<Privilege> privileges, boolean builtIn, long version) {
        this.name = Objects.requireNonNull(name);
        this.description = Text.optional("description", description, MAX_DESCRIPTION);
        this.privileges = privileges.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(privileges));
        this.builtIn = builtIn;
        this.version = version;
    }

    public static Role create(RoleName name, String description, Set<Privilege> privileges) {
        return new Role(name, description, privileges, false, 1);
    }

    public static Role builtIn(RoleName name, String description, Set<Privilege> privileges) {
        return new Role(name, description, privileges, true, 1);
    }

    /** For the persistence mapper only. */
    public static Role restore(RoleName name, String description, Set<Privilege> privileges, boolean builtIn,
                               long version) {
        return new Role(name, description, privileges, builtIn, version);
    }

    public void describe(String newDescription) {
        description = Text.optional("description", newDescription, MAX_DESCRIPTION);
        version++;
    }

    public void grantOnly(Set<Privilege> newPrivileges) {
        if (builtIn && newPrivileges.isEmpty()) {
            throw new DomainException(ErrorCode.BUILT_IN_ROLE, "the built-in role " + name + " cannot be emptied");
        }
        if (BuiltInRoles.ADMIN.sameAs(name) && !newPrivileges.containsAll(EnumSet.allOf(Privilege.class))) {
            throw new DomainException(ErrorCode.BUILT_IN_ROLE, "the built-in role admin holds every privilege");
        }
        privileges = newPrivileges.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(newPrivileges));
        version++;
    }

    /** Refuses to delete a built-in role. */
    public void checkDeletable() {
        if (builtIn) {
            throw new DomainException(ErrorCode.BUILT_IN_ROLE, "the built-in role " + name + " cannot be deleted");
        }
    }

    public RoleName name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Set<Privilege> privileges() {
        return privileges;
    }

    public boolean isBuiltIn() {
        return builtIn;
    }

    public long version() {
        return version;
    }
}
