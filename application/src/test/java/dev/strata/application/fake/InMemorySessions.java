package dev.strata.application.fake;

import dev.strata.application.port.out.Sessions;
import dev.strata.domain.access.Session;
import dev.strata.domain.access.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

public final class InMemorySessions implements Sessions, InMemoryTransactions.Participant {

    private final Map<String, Session> byId = new LinkedHashMap<>();

    @Override
    public synchronized void add(Session session) {
        byId.put(session.id(), session);
    }

    @Override
    public synchronized Optional<Session> findBySecretHash(String secretHash) {
        return byId.values().stream().filter(s -> s.secretHash().equals(secretHash)).findFirst();
    }

    @Override
    public synchronized void remove(String id) {
        byId.remove(id);
    }

    @Override
    public synchronized void removeAllOf(UserId user) {
        byId.values().removeIf(s -> s.localUser().filter(user::equals).isPresent());
    }

    @Override
    public synchronized int removeExpired(Instant now) {
        int before = byId.size();
        byId.values().removeIf(s -> s.expiredAt(now));
        return before - byId.size();
    }

    public synchronized int count() {
        return byId.size();
    }

    @Override
    public synchronized Object snapshot() {
        return new LinkedHashMap<>(byId);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        byId.clear();
        byId.putAll((Map<String, Session>) snapshot);
    }
}
