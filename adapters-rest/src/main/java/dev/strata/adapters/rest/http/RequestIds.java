package dev.strata.adapters.rest.http;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The id of the request being served, from its {@code X-Request-Id} header when that is a sane
 * token, otherwise made up. Kept in the logging context, so every log line of the request names it.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    private RequestIds() {
    }

    /** The given id when it is a sane token, otherwise a new one. */
    public static String accept(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    public static void begin(String id) {
        MDC.put(MDC_KEY, id);
    }

    public static void end() {
        MDC.remove(MDC_KEY);
    }

    /** The current request's id, or a new one outside a request. */
    public static String current() {
        String id = MDC.get(MDC_KEY);
        return id != null ? id : UUID.randomUUID().toString();
    }
}
