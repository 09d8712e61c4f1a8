package dev.strata.adapters.rest.http;

import dev.strata.domain.DomainException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** Checks on request bodies that Jackson cannot make. */
public final class Bodies {

    private Bodies() {
    }

    /** An absent body ({@code null}: nothing, or the JSON {@code null}) is bad input. */
    public static <T> T required(T body) {
        if (body == null) {
            throw DomainException.invalidInput("a JSON object request body is required");
        }
        return body;
    }

    /** A list given in a body must not hold {@code null}. */
    public static <T> List<T> noNulls(String field, List<T> list) {
        if (list != null && list.stream().anyMatch(Objects::isNull)) {
            throw DomainException.invalidInput(field + " must not contain null");
        }
        return list;
    }

    /**
     * An optional value given as text, such as an id in a body or a filter in a query: {@code null}
     * or exactly "" is none; anything else is parsed, so that a blank or whitespace-only value
     * (" ", a tab, U+3000) is refused by its value object rather than read as none. A binding or a
     * filter is never dropped because a value looked empty.
     */
    public static <T> Optional<T> optional(String text, Function<String, T> parse) {
        return text == null || text.isEmpty() ? Optional.empty() : Optional.of(parse.apply(text));
    }
}
