package dev.strata.adapters.rest.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strata.application.Page;
import dev.strata.domain.DomainException;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** {@code ?after=&limit=} in, {@code "paging": {"next": …}} out, as the {@code /v1} lists page. */
public final class Paging {

    private Paging() {
    }

    /** The {@code paging} object: the path and query of the next page, or "" at the end. */
    public record Next(@JsonProperty("next") String next) {
    }

    /** One page of a {@code /v1} list: {@code {"entries": […], "paging": {"next": …}}}. */
    public record Listing<T>(List<T> entries, Next paging) {

        public static <I, T> Listing<T> of(UriInfo uri, Page<I> page, int limit, Function<I, T> entry) {
            return new Listing<>(page.items().stream().map(entry).toList(), next(uri, page, limit));
        }
    }

    public static int limit(String text) {
        if (text == null || text.isBlank()) {
            return Page.limit(Optional.empty());
        }
        try {
            return Page.limit(Optional.of(Integer.parseInt(text.strip())));
        } catch (NumberFormatException e) {
            throw DomainException.invalidInput("limit must be a number");
        }
    }

    public static long afterNumber(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalidInput("after must be a number");
        }
    }

    public static Next next(UriInfo uri, Page<?> page, int limit) {
        return new Next(page.nextAfter()
                .map(after -> uri.getRequestUriBuilder().replaceQueryParam("after", after)
                        .replaceQueryParam("limit", limit).build().toString())
                .map(Paging::pathAndQuery)
                .orElse(""));
    }

    private static String pathAndQuery(String absolute) {
        java.net.URI uri = java.net.URI.create(absolute);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
