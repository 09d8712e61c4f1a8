package dev.strata.adapters.persistence;

import dev.strata.application.port.out.LoginFailures;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link LoginFailures} in two tables: one row per failed check (by account and time, indexed so a
 * count reads only that account's recent rows) and one row per lock. On PostgreSQL the throttle's
 * count-then-lock runs SERIALIZABLE like every write, so failures racing through several instances
 * lock the account exactly once.
 */
final class JdbiLoginFailures implements LoginFailures {

    private final JdbiTransactions transactions;

    JdbiLoginFailures(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(String account, Instant at) {
        transactions.accessWriteHandle().dao(LoginFailureDao.class).insert(account, at.toEpochMilli());
    }

    @Override
    public int countSince(String account, Instant since) {
        return transactions.withHandle(h -> h.dao(LoginFailureDao.class).countSince(account, since.toEpochMilli()));
    }

    @Override
    public void clear(String account) {
        transactions.accessWriteHandle().dao(LoginFailureDao.class).clear(account);
    }

    @Override
    public void lock(String account, Instant until) {
        transactions.accessWriteHandle().dao(LoginFailureDao.class).lock(account, until.toEpochMilli());
    }

    @Override
    public Optional<Instant> lockedUntil(String account) {
        return transactions.withHandle(h -> h.dao(LoginFailureDao.class).lockedUntil(account))
                .map(Instant::ofEpochMilli);
    }

    @Override
    public int purge(Instant failedBefore, Instant lockEndedBefore) {
        LoginFailureDao dao = transactions.accessWriteHandle().dao(LoginFailureDao.class);
        return dao.purgeFailures(failedBefore.toEpochMilli()) + dao.purgeLocks(lockEndedBefore.toEpochMilli());
    }
}
