package dev.strata.application.service;

import dev.strata.application.port.out.Users;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.access.BuiltInRoles;
import dev.strata.domain.access.User;

/** Rules that span users and roles. */
final class AccessRules {

    private AccessRules() {
    }

    /** Refuses a change that would leave no enabled user with the admin role. */
    static void keepAnAdministrator(Users users, User before, boolean adminAfter) {
        boolean adminBefore = before.enabled() && before.hasRole(BuiltInRoles.ADMIN);
        if (adminBefore && !adminAfter && users.countEnabledWithRole(BuiltInRoles.ADMIN) <= 1) {
            throw new DomainException(ErrorCode.IN_USE, "user " + before.name() + " is the last administrator");
        }
    }
}
