package dev.strata.adapters.persistence;

import dev.strata.adapters.persistence.AccessRows.SessionRow;
import dev.strata.application.port.out.Sessions;
import dev.strata.domain.access.Session;
import dev.strata.domain.access.UserId;
import java.time.Instant;
import java.util.Optional;

/** {@link Sessions} in one table, found by the SHA-256 of the bearer token. */
final class SqliteSessions implements Sessions {

    private final JdbiTransactions transactions;

    SqliteSessions(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Session session) {
        transactions.writeHandle().attach(AccessDao.class).insertSession(new SessionRow(session.id(),
                session.user().number(), session.createdAt().toEpochMilli(), session.expiresAt().toEpochMilli(),
                session.secretHash()));
    }

    @Override
    public Optional<Session> findBySecretHash(String secretHash) {
        return transactions.withHandle(h -> h.attach(AccessDao.class).findSession(secretHash)
                .map(row -> new Session(row.id(), UserId.of(row.userId()), Instant.ofEpochMilli(row.createdAt()),
                        Instant.ofEpochMilli(row.expiresAt()), row.secretHash())));
    }

    @Override
    public void remove(String id) {
        transactions.writeHandle().attach(AccessDao.class).deleteSession(id);
    }

    @Override
    public void removeAllOf(UserId user) {
        transactions.writeHandle().attach(AccessDao.class).deleteSessionsOf(user.number());
    }

    @Override
    public int removeExpired(Instant now) {
        return transactions.writeHandle().attach(AccessDao.class).deleteExpiredSessions(now.toEpochMilli());
    }
}
