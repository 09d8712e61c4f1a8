package dev.strata.adapters.persistence;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The two tables of the lockout; the same statements on every database. */
interface LoginFailureDao {

    @SqlUpdate("INSERT INTO login_failures (account, failed_at) VALUES (:account, :at)")
    void insert(@Bind("account") String account, @Bind("at") long at);

    @SqlQuery("SELECT count(*) FROM login_failures WHERE account = :account AND failed_at >= :since")
    int countSince(@Bind("account") String account, @Bind("since") long since);

    @SqlUpdate("DELETE FROM login_failures WHERE account = :account")
    void clear(@Bind("account") String account);

    @SqlUpdate("INSERT INTO login_locks (account, locked_until) VALUES (:account, :until)"
            + " ON CONFLICT (account) DO UPDATE SET locked_until = excluded.locked_until")
    void lock(@Bind("account") String account, @Bind("until") long until);

    @SqlQuery("SELECT locked_until FROM login_locks WHERE account = :account")
    Optional<Long> lockedUntil(@Bind("account") String account);

    @SqlUpdate("DELETE FROM login_failures WHERE failed_at < :before")
    int purgeFailures(@Bind("before") long before);

    @SqlUpdate("DELETE FROM login_locks WHERE locked_until < :before")
    int purgeLocks(@Bind("before") long before);
}
