package dev.strata.application.port.out;

import java.util.function.Supplier;

/**
 * Units of work. A write is serializable: it reads and changes the database as if no other write
 * ran beside it, in this process or in any other instance on the same database, so a
 * read-check-write (a node's or a tenant's free room, then the change that takes it) holds. It is
 * durable when it returns; if the work throws, nothing it did is kept. A read sees one consistent
 * state. Inside a write, reads see the write's own changes.
 *
 * <p>An adapter keeps the promise its own way: SQLite runs one writer at a time; PostgreSQL queues
 * the writes of every instance on one advisory lock and runs them at SERIALIZABLE isolation, and
 * when one still loses a race it <em>runs the work again from the start</em>. So the work of a write must touch nothing but the ports until it returns:
 * no side effect outside the database that a second run would repeat.
 */
public interface Transactions {

    <T> T write(Supplier<T> work);

    <T> T read(Supplier<T> work);

    /**
     * A number that grows with every write committed to this database, through this process or any
     * other instance on it. What was read while it had one value may have changed once it has
     * another: a cache keyed on it never serves data older than the last commit, wherever it was
     * made. Cheap, but on a shared database it is one round trip: read it once per request.
     */
    long committedWrites();

    /**
     * Like {@link #committedWrites}, but moved only by the writes that may change who a credential
     * is: users, roles, sessions, access tokens, login lockouts. A cache of resolved callers keyed
     * on it survives the writes of ordinary requests (every create) and never one of those.
     */
    default long committedAccessWrites() {
        return committedWrites();
    }

    default void write(Runnable work) {
        write(() -> {
            work.run();
            return null;
        });
    }
}
