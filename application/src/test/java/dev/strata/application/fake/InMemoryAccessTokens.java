package dev.strata.application.fake;

import dev.strata.application.port.out.AccessTokens;
import dev.strata.domain.access.AccessToken;
import dev.strata.domain.access.UserId;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

public final class InMemoryAccessTokens implements AccessTokens, InMemoryTransactions.Participant {

    private final TreeMap<String, AccessToken> byId = new TreeMap<>();

    @Override
    public synchronized void add(AccessToken token) {
        byId.put(token.id(), copy(token));
    }

    @Override
    public synchronized void update(AccessToken token) {
        if (!byId.containsKey(token.id())) {
            throw new IllegalStateException("token " + token.id() + " does not exist");
        }
        byId.put(token.id(), copy(token));
    }

    @Override
    public synchronized void remove(String id) {
        byId.remove(id);
    }

    @Override
    public synchronized Optional<AccessToken> find(String id) {
        return Optional.ofNullable(byId.get(id)).map(InMemoryAccessTokens::copy);
    }

    @Override
    public synchronized Optional<AccessToken> findBySecretHash(String secretHash) {
        return byId.values().stream().filter(t -> t.secretHash().equals(secretHash)).findFirst()
                .map(InMemoryAccessTokens::copy);
    }

    @Override
    public synchronized int countOf(UserId user) {
        return (int) byId.values().stream().filter(t -> t.user().equals(user)).count();
    }

    @Override
    public synchronized void removeAllOf(UserId user) {
        byId.values().removeIf(t -> t.user().equals(user));
    }

    @Override
    public synchronized List<AccessToken> page(Optional<UserId> user, String afterId, int limit) {
        return byId.tailMap(afterId, false).values().stream()
                .filter(t -> user.isEmpty() || t.user().equals(user.get()))
                .limit(limit).map(InMemoryAccessTokens::copy).toList();
    }

    @Override
    public synchronized Object snapshot() {
        return new TreeMap<>(byId);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        byId.clear();
        byId.putAll((TreeMap<String, AccessToken>) snapshot);
    }

    private static AccessToken copy(AccessToken t) {
        return AccessToken.restore(t.id(), t.user(), t.creator(), t.createdAt(), t.expiresAt(), t.enabled(),
                t.secretHash());
    }
}
