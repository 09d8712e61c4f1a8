package dev.strata.application.fake;

import dev.strata.application.port.out.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Transactions over in-memory fakes: one writer at a time, and a failed write restores every
 * participating fake to what it held before.
 */
public final class InMemoryTransactions implements Transactions {

    /** A fake that can save and restore its whole state. */
    public interface Participant {
        Object snapshot();

        void restore(Object snapshot);
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Participant> participants = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong committed = new java.util.concurrent.atomic.AtomicLong();

    public InMemoryTransactions enlist(Participant... fakes) {
        participants.addAll(List.of(fakes));
        return this;
    }

    @Override
    public <T> T write(Supplier<T> work) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return work.get();
            }
            List<Object> saved = participants.stream().map(Participant::snapshot).toList();
            try {
                T result = work.get();
                committed.incrementAndGet();
                return result;
            } catch (RuntimeException | Error failure) {
                for (int i = 0; i < participants.size(); i++) {
                    participants.get(i).restore(saved.get(i));
                }
                throw failure;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long committedWrites() {
        return committed.get();
    }

    @Override
    public <T> T read(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
