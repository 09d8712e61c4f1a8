package dev.strata.adapters.rest.http;

import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code If-Match} (RFC 9110 §13.1.1) against the versions Strata issues as strong ETags
 * ({@code "7"}). It uses the strong comparison: a weak tag ({@code W/"7"}) never matches, nor does
 * anything Strata never issued; both are 412, as a stale version is.
 */
public final class Preconditions {

    private static final Pattern STRONG_VERSION = Pattern.compile("\"(\\d{1,18})\"");

    private Preconditions() {
    }

    /**
     * The version an {@code If-Match} names: empty for none or {@code *} (any version), otherwise
     * the one strong tag it holds.
     */
    public static Optional<Long> ifMatchVersion(String ifMatch, String what) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return Optional.empty();
        }
        Matcher strong = STRONG_VERSION.matcher(ifMatch.strip());
        if (!strong.matches()) {
            throw new DomainException(ErrorCode.PRECONDITION_FAILED,
                    "If-Match does not name a version of this " + what + " (send the strong ETag, \"7\")");
        }
        return Optional.of(Long.parseLong(strong.group(1)));
    }
}
