package dev.strata.adapters.rest.http;

import dev.strata.domain.DomainException;
import java.util.List;
import java.util.Objects;

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
}
