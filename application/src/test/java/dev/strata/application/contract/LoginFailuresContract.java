package dev.strata.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.application.port.out.LoginFailures;
import dev.strata.application.port.out.Transactions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every implementation of {@link LoginFailures} must do; runs against the fake, SQLite and PostgreSQL. */
public abstract class LoginFailuresContract {

    private static final Instant NOW = Instant.parse("2026-05-05T05:05:05.555Z");

    protected abstract LoginFailures failures();

    protected abstract Transactions transactions();

    private void fail(String account, Instant at) {
        transactions().write(() -> failures().add(account, at));
    }

    private int count(String account, Instant since) {
        return transactions().read(() -> failures().countSince(account, since));
    }

    @Test
    void countsTheFailuresOfOneAccountSinceAGivenTimeIncludingThatTime() {
        fail("alice", NOW.minusSeconds(60));
        fail("alice", NOW.minusSeconds(30));
        fail("alice", NOW.minusSeconds(30));
        fail("alice", NOW);
        fail("bob", NOW);

        assertThat(count("alice", NOW.minusSeconds(3600))).isEqualTo(4);
        assertThat(count("alice", NOW.minusSeconds(30))).as("the same instant counts, twice").isEqualTo(3);
        assertThat(count("alice", NOW.plusMillis(1))).isZero();
        assertThat(count("bob", NOW.minusSeconds(3600))).isEqualTo(1);
        assertThat(count("carol", NOW.minusSeconds(3600))).isZero();
    }

    @Test
    void clearingForgetsOneAccountsFailuresAndKeepsItsLock() {
        fail("alice", NOW);
        fail("bob", NOW);
        transactions().write(() -> {
            failures().lock("alice", NOW.plusSeconds(900));
            failures().clear("alice");
        });

        assertThat(count("alice", NOW.minusSeconds(1))).isZero();
        assertThat(count("bob", NOW.minusSeconds(1))).isEqualTo(1);
        assertThat(transactions().read(() -> failures().lockedUntil("alice"))).contains(NOW.plusSeconds(900));
    }

    @Test
    void aLockReplacesTheEarlierOneAndIsKeptToTheMillisecond() {
        assertThat(transactions().read(() -> failures().lockedUntil("alice"))).isEmpty();
        transactions().write(() -> failures().lock("alice", NOW));
        transactions().write(() -> failures().lock("alice", NOW.plus(Duration.ofMinutes(15)).plusMillis(7)));

        assertThat(transactions().read(() -> failures().lockedUntil("alice")))
                .contains(NOW.plus(Duration.ofMinutes(15)).plusMillis(7));
        assertThat(transactions().read(() -> failures().lockedUntil("bob"))).isEmpty();
    }

    @Test
    void purgingForgetsOldFailuresAndEndedLocksOnly() {
        fail("alice", NOW.minusSeconds(1000));
        fail("alice", NOW.minusSeconds(10));
        fail("bob", NOW.minusSeconds(2000));
        transactions().write(() -> {
            failures().lock("carol", NOW.minusSeconds(1));
            failures().lock("dave", NOW.plusSeconds(1));
        });

        int purged = transactions().write(() -> failures().purge(NOW.minusSeconds(900), NOW));

        assertThat(purged).as("two failures and one lock").isEqualTo(3);
        assertThat(count("alice", NOW.minusSeconds(5000))).isEqualTo(1);
        assertThat(count("bob", NOW.minusSeconds(5000))).isZero();
        assertThat(transactions().read(() -> failures().lockedUntil("carol"))).isEmpty();
        assertThat(transactions().read(() -> failures().lockedUntil("dave"))).contains(NOW.plusSeconds(1));
        assertThat(transactions().write(() -> failures().purge(NOW.minusSeconds(900), NOW)))
                .as("purging again finds nothing").isZero();
    }

    @Test
    void aWriteThatFailsRecordsNothing() {
        assertThatThrownBy(() -> transactions().write(() -> {
            failures().add("alice", NOW);
            failures().lock("alice", NOW.plusSeconds(900));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(count("alice", NOW.minusSeconds(1))).isZero();
        assertThat(transactions().read(() -> failures().lockedUntil("alice"))).isEmpty();
    }

    @Test
    void accountNamesAreKeptAsGiven() {
        fail("élodie", NOW);
        fail("a'b", NOW);

        assertThat(count("élodie", NOW)).isEqualTo(1);
        assertThat(count("a'b", NOW)).isEqualTo(1);
        assertThat(count("Élodie", NOW)).as("the throttle lower-cases; the store does not").isZero();
    }
}
