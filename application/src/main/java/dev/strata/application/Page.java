package dev.strata.application;

import java.util.List;
import java.util.Optional;

/** One page of a list, and where the next one starts (the last item's key) if more remain. */
public record Page<T>(List<T> items, Optional<String> nextAfter) {

    public static final int DEFAULT_LIMIT = 1000;
    public static final int MAX_LIMIT = 10_000;

    /** Builds a page from up to {@code limit + 1} fetched items. */
    public static <T> Page<T> of(List<T> fetched, int limit, java.util.function.Function<T, String> key) {
        if (fetched.size() > limit) {
            List<T> items = List.copyOf(fetched.subList(0, limit));
            return new Page<>(items, Optional.of(key.apply(items.get(items.size() - 1))));
        }
        return new Page<>(List.copyOf(fetched), Optional.empty());
    }

    /** A page size as a client asked for it, bounded. */
    public static int limit(Optional<Integer> asked) {
        int limit = asked.orElse(DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw dev.strata.domain.DomainException.invalidInput("limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
