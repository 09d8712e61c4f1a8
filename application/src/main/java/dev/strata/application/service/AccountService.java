package dev.strata.application.service;

import dev.strata.application.port.in.access.ChangePasswordUseCase;
import dev.strata.application.port.in.access.WhoAmI;
import dev.strata.application.port.in.access.WhoAmIUseCase;
import dev.strata.application.port.out.PasswordHasher;
import dev.strata.application.port.out.Sessions;
import dev.strata.application.port.out.Transactions;
import dev.strata.application.port.out.Users;
import dev.strata.domain.DomainException;
import dev.strata.domain.access.Password;
import dev.strata.domain.access.PasswordHash;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.User;
import dev.strata.domain.access.UserId;
import java.util.Optional;

/** What every authenticated caller may do for themselves. */
public final class AccountService implements WhoAmIUseCase, ChangePasswordUseCase {

    private final Users users;
    private final Sessions sessions;
    private final PasswordHasher hasher;
    private final Transactions transactions;
    private final Mutations mutations;

    public AccountService(Users users, Sessions sessions, PasswordHasher hasher, Transactions transactions,
                          Mutations mutations) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.transactions = transactions;
        this.mutations = mutations;
    }

    @Override
    public WhoAmI whoAmI(Principal caller) {
        caller.requireAuthenticated();
        return new WhoAmI(caller, localUser(caller));
    }

    @Override
    public void changePassword(Principal caller, Password oldPassword, Password newPassword) {
        caller.requireAuthenticated();
        User user = localUser(caller)
                .orElseThrow(() -> DomainException.invalidInput("only local users have a password to change"));
        PasswordHash newHash = hasher.hash(newPassword);
        boolean oldMatches = hasher.verify(oldPassword, user.password());
        mutations.performForAnyCaller(caller, "user.change_password", user.name().value(), () -> {
            if (!oldMatches) {
                throw DomainException.forbidden("the old password is wrong");
            }
            User current = users.find(user.id()).orElseThrow(() -> DomainException.notExists("user is gone"));
            current.changePassword(newHash);
            users.update(current);
            sessions.removeAllOf(current.id());
        });
    }

    private Optional<User> localUser(Principal caller) {
        if (caller.userId().isEmpty()) {
            return Optional.empty();
        }
        return transactions.read(() -> users.find(new UserId(caller.userId())));
    }
}
