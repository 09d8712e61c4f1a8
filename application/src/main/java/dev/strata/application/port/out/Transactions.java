package dev.strata.application.port.out;

import java.util.function.Supplier;

/**
 * Units of work. A write runs alone (one writer at a time) and is durable when it returns; if the
 * work throws, nothing it did is kept. A read sees one consistent state. Inside a write, reads see
 * the write's own changes.
 */
public interface Transactions {

    <T> T write(Supplier<T> work);

    <T> T read(Supplier<T> work);

    /**
     * A number that grows with every write committed through this object. What was read while it
     * had one value may have changed once it has another: a cache keyed on it never serves data
     * older than the last commit.
     */
    long committedWrites();

    default void write(Runnable work) {
        write(() -> {
            work.run();
            return null;
        });
    }
}
