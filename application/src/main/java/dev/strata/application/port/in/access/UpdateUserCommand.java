package dev.strata.application.port.in.access;

import dev.strata.domain.access.Password;
import dev.strata.domain.access.RoleName;
import dev.strata.domain.access.UserId;
import dev.strata.domain.access.UserName;
import dev.strata.domain.tenant.TenantId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Changes what is given; absent parts stay. {@code tenant} present and empty unbinds the user.
 * A new password, or disabling, ends the user's sessions.
 */
public record UpdateUserCommand(
        UserId id,
        Optional<UserName> name,
        Optional<Password> password,
        Optional<Set<RoleName>> roles,
        Optional<Optional<TenantId>> tenant,
        Optional<Boolean> enabled) {

    public UpdateUserCommand {
        Objects.requireNonNull(id);
        roles = roles.map(Set::copyOf);
    }
}
