package dev.strata.application.fake;

import dev.strata.application.port.out.Users;
import dev.strata.domain.access.RoleName;
import dev.strata.domain.access.User;
import dev.strata.domain.access.UserId;
import dev.strata.domain.access.UserName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Users in a map, by number. Stores and hands out copies. */
public final class InMemoryUsers implements Users, InMemoryTransactions.Participant {

    private final TreeMap<Long, User> byNumber = new TreeMap<>();
    private long highest = 499;

    @Override
    public synchronized void add(User user) {
        if (byNumber.containsKey(user.id().number()) || findByName(user.name()).isPresent()) {
            throw new IllegalStateException("user " + user.name() + " exists");
        }
        byNumber.put(user.id().number(), copy(user));
        highest = Math.max(highest, user.id().number());
    }

    @Override
    public synchronized void update(User user) {
        if (!byNumber.containsKey(user.id().number())) {
            throw new IllegalStateException("user " + user.id() + " does not exist");
        }
        byNumber.put(user.id().number(), copy(user));
    }

    @Override
    public synchronized void remove(UserId id) {
        byNumber.remove(id.number());
    }

    @Override
    public synchronized Optional<User> find(UserId id) {
        return Optional.ofNullable(byNumber.get(id.number())).map(InMemoryUsers::copy);
    }

    @Override
    public synchronized Optional<User> findByName(UserName name) {
        return byNumber.values().stream().filter(u -> u.name().sameAs(name)).findFirst().map(InMemoryUsers::copy);
    }

    @Override
    public synchronized List<User> page(long afterId, int limit) {
        return byNumber.tailMap(afterId, false).values().stream().limit(limit).map(InMemoryUsers::copy).toList();
    }

    @Override
    public synchronized List<User> withRole(RoleName role, long afterId, int limit) {
        return byNumber.tailMap(afterId, false).values().stream().filter(u -> u.hasRole(role)).limit(limit)
                .map(InMemoryUsers::copy).toList();
    }

    @Override
    public synchronized int countEnabledWithRole(RoleName role) {
        return (int) byNumber.values().stream().filter(u -> u.enabled() && u.hasRole(role)).count();
    }

    @Override
    public synchronized boolean isEmpty() {
        return byNumber.isEmpty();
    }

    @Override
    public synchronized UserId nextId() {
        return UserId.of(highest + 1);
    }

    @Override
    public synchronized Object snapshot() {
        return new Object[] {new TreeMap<>(byNumber), highest};
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        Object[] saved = (Object[]) snapshot;
        byNumber.clear();
        byNumber.putAll((TreeMap<Long, User>) saved[0]);
        highest = (long) saved[1];
    }

    private static User copy(User u) {
        return User.restore(u.id(), u.name(), u.password(), u.enabled(), u.tenant(), u.roles(), u.createdAt());
    }
}
