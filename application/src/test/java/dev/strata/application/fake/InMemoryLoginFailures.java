package dev.strata.application.fake;

import dev.strata.application.port.out.LoginFailures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class InMemoryLoginFailures implements LoginFailures, InMemoryTransactions.Participant {

    private final List<Map.Entry<String, Instant>> failures = new ArrayList<>();
    private final Map<String, Instant> locks = new HashMap<>();

    @Override
    public synchronized void add(String account, Instant at) {
        failures.add(Map.entry(account, at));
    }

    @Override
    public synchronized int countSince(String account, Instant since) {
        return (int) failures.stream().filter(f -> f.getKey().equals(account) && !f.getValue().isBefore(since))
                .count();
    }

    @Override
    public synchronized void clear(String account) {
        failures.removeIf(f -> f.getKey().equals(account));
    }

    @Override
    public synchronized void lock(String account, Instant until) {
        locks.put(account, until);
    }

    @Override
    public synchronized Optional<Instant> lockedUntil(String account) {
        return Optional.ofNullable(locks.get(account));
    }

    @Override
    public synchronized int purge(Instant failedBefore, Instant lockEndedBefore) {
        int before = failures.size() + locks.size();
        failures.removeIf(f -> f.getValue().isBefore(failedBefore));
        locks.values().removeIf(until -> until.isBefore(lockEndedBefore));
        return before - failures.size() - locks.size();
    }

    @Override
    public synchronized Object snapshot() {
        return new Object[] {new ArrayList<>(failures), new HashMap<>(locks)};
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        Object[] saved = (Object[]) snapshot;
        failures.clear();
        failures.addAll((List<Map.Entry<String, Instant>>) saved[0]);
        locks.clear();
        locks.putAll((Map<String, Instant>) saved[1]);
    }
}
