package dev.strata.application.port.out;

import dev.strata.domain.access.RoleName;
import dev.strata.domain.access.User;
import dev.strata.domain.access.UserId;
import dev.strata.domain.access.UserName;
import java.util.List;
import java.util.Optional;

/** Local users and their role memberships. Mutations run inside a write transaction. */
public interface Users {

    void add(User user);

    /** Stores name, password, state, tenant and roles. */
    void update(User user);

    void remove(UserId id);

    Optional<User> find(UserId id);

    /** Without regard to case. */
    Optional<User> findByName(UserName name);

    /** Up to {@code limit} users with an id above {@code afterId}, by id. */
    List<User> page(long afterId, int limit);

    /** Up to {@code limit} members of {@code role} with an id above {@code afterId}, by id. */
    List<User> withRole(RoleName role, long afterId, int limit);

    /** How many enabled users hold {@code role}. */
    int countEnabledWithRole(RoleName role);

    boolean isEmpty();

    /** The id the next user gets: one more than the highest ever given, from 500. */
    UserId nextId();
}
