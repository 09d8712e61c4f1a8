package dev.strata.application.service;

import dev.strata.application.port.out.PasswordHasher;
import dev.strata.application.port.out.Roles;
import dev.strata.application.port.out.TokenSecrets;
import dev.strata.application.port.out.Transactions;
import dev.strata.application.port.out.Users;
import dev.strata.domain.DomainException;
import dev.strata.domain.access.AuthMethod;
import dev.strata.domain.access.BuiltInRoles;
import dev.strata.domain.access.Password;
import dev.strata.domain.access.PasswordHash;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.RequestOrigin;
import dev.strata.domain.access.Role;
import dev.strata.domain.access.User;
import dev.strata.domain.access.UserId;
import dev.strata.domain.access.UserName;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;

/**
 * What access needs before the first request: the built-in roles, and on an empty database the
 * user {@code admin} (id 500). Also the offline password reset, for recovery.
 */
public final class AccessBootstrap {

    public static final UserName ADMIN = new UserName("admin");
    private static final Principal SYSTEM = Principal.administrator("system", AuthMethod.LOCAL_CLI,
            RequestOrigin.INTERNAL);

    private final Users users;
    private final Roles roles;
    private final dev.strata.application.port.out.Sessions sessions;
    private final PasswordHasher hasher;
    private final TokenSecrets secrets;
    private final Transactions transactions;
    private final Mutations mutations;
    private final InstantSource clock;

    public AccessBootstrap(Users users, Roles roles, dev.strata.application.port.out.Sessions sessions,
                           PasswordHasher hasher, TokenSecrets secrets, Transactions transactions, Mutations mutations,
                           InstantSource clock) {
        this.users = users;
        this.roles = roles;
        this.sessions = sessions;
        this.hasher = hasher;
        this.secrets = secrets;
        this.transactions = transactions;
        this.mutations = mutations;
        this.clock = clock;
    }

    /**
     * Creates what is missing. Returns the password it made up for {@code admin}, if it made one:
     * the caller shows it once, and it is stored nowhere else.
     */
    public Optional<String> prepare(Optional<Password> adminPassword) {
        transactions.write(() -> {
            for (Role role : BuiltInRoles.all()) {
                if (roles.find(role.name()).isEmpty()) {
                    roles.add(role);
                }
            }
        });
        if (!transactions.read(users::isEmpty)) {
            return Optional.empty();
        }
        Optional<String> generated = adminPassword.isPresent() ? Optional.empty()
                : Optional.of(secrets.generatePassword());
        PasswordHash hash = hasher.hash(adminPassword.orElseGet(() -> Password.offered(generated.get())));
        mutations.performForAnyCaller(SYSTEM, "user.create", ADMIN.value(), () -> {
            if (users.isEmpty()) {
                users.add(User.create(UserId.FIRST, ADMIN, hash, Set.of(BuiltInRoles.ADMIN), Optional.empty(),
                        clock.instant()));
            }
        });
        return generated;
    }

    /** Sets a user's password without the old one and ends their sessions: offline recovery. */
    public void resetPassword(UserName name, Password password) {
        PasswordHash hash = hasher.hash(password);
        mutations.performForAnyCaller(SYSTEM, "user.reset_password", name.value(), () -> {
            User user = users.findByName(name)
                    .orElseThrow(() -> DomainException.notExists("user " + name + " does not exist"));
            user.changePassword(hash);
            if (!user.enabled()) {
                user.enable();
            }
            users.update(user);
            sessions.removeAllOf(user.id());
        });
    }
}
