package dev.strata.adapters.persistence;

import dev.strata.adapters.persistence.AccessRows.SessionRow;
import dev.strata.application.port.out.Sessions;
import dev.strata.domain.access.RoleName;
import dev.strata.domain.access.Session;
import dev.strata.domain.access.UserId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@link Sessions} in one table, found by the SHA-256 of the bearer token. A directory user's
 * session keeps their name and roles, joined by ',' (role names cannot hold one).
 */
final class JdbiSessions implements Sessions {

    private final JdbiTransactions transactions;

    JdbiSessions(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Session session) {
        SessionRow row;
        if (session.holder() instanceof Session.DirectoryUser directory) {
            row = new SessionRow(session.id(), null, directory.name(), directory.roles().stream()
                    .map(RoleName::value).sorted().collect(Collectors.joining(",")),
                    session.createdAt().toEpochMilli(), session.expiresAt().toEpochMilli(), session.secretHash());
        } else {
            row = new SessionRow(session.id(), session.localUser().orElseThrow().number(), null, null,
                    session.createdAt().toEpochMilli(), session.expiresAt().toEpochMilli(), session.secretHash());
        }
        transactions.accessWriteHandle().dao(AccessDao.class).insertSession(row);
    }

    @Override
    public Optional<Session> findBySecretHash(String secretHash) {
        return transactions.withHandle(h -> h.dao(AccessDao.class).findSession(secretHash)
                .map(row -> new Session(row.id(), holder(row), Instant.ofEpochMilli(row.createdAt()),
                        Instant.ofEpochMilli(row.expiresAt()), row.secretHash())));
    }

    private static Session.Holder holder(SessionRow row) {
        if (row.userId() != null) {
            return new Session.LocalUser(UserId.of(row.userId()));
        }
        return new Session.DirectoryUser(row.directoryName(), Arrays.stream(row.directoryRoles().split(","))
                .filter(role -> !role.isEmpty()).map(RoleName::new).collect(Collectors.toSet()));
    }

    @Override
    public void remove(String id) {
        transactions.accessWriteHandle().dao(AccessDao.class).deleteSession(id);
    }

    @Override
    public void removeAllOf(UserId user) {
        transactions.accessWriteHandle().dao(AccessDao.class).deleteSessionsOf(user.number());
    }

    @Override
    public int removeExpired(Instant now) {
        return transactions.accessWriteHandle().dao(AccessDao.class).deleteExpiredSessions(now.toEpochMilli());
    }
}
