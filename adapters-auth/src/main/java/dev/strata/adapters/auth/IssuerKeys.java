package dev.strata.adapters.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issuer's signing keys (its JWKS), fetched on first use and kept. They are fetched again when
 * older than {@link #MAX_AGE}, and when a token names a key ({@code kid}) they do not hold, which is
 * how a key rotation at the issuer is picked up; such fetches come at most once per
 * {@link #MIN_REFETCH_INTERVAL}, so tokens with made-up key ids cannot flood the issuer.
 *
 * <p>If a fetch fails, the keys held are used on. With no keys at all, or when a token's key could
 * not be looked for, the source fails, and authentication is unavailable.
 */
final class IssuerKeys implements JWKSource<SecurityContext> {

    private static final Logger LOG = LoggerFactory.getLogger(IssuerKeys.class);
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(10);
    private static final int TIMEOUT_MILLIS = 5_000;
    private static final int SIZE_LIMIT = 512 * 1024;

    private final URI url;
    private final InstantSource clock;
    private final ResourceRetriever retriever = new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS,
            SIZE_LIMIT);
    private JWKSet keys;
    private Instant fetchedAt;
    private Instant lastAttempt;
    private int fetches;

    IssuerKeys(URI url, InstantSource clock) {
        this.url = url;
        this.clock = clock;
    }

    @Override
    public synchronized List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        Instant now = clock.instant();
        if (keys == null) {
            fetch(now);
        } else if (!now.isBefore(fetchedAt.plus(MAX_AGE)) && mayFetch(now)) {
            try {
                fetch(now);
            } catch (KeySourceException unreachable) {
                LOG.warn("Using the issuer's keys fetched at {}: {}", fetchedAt, unreachable.getMessage());
            }
        }
        List<JWK> matches = selector.select(keys);
        if (matches.isEmpty() && mayFetch(now)) {
            LOG.info("A token names a key the issuer's key set does not hold; fetching {} again", url);
            fetch(now);
            matches = selector.select(keys);
        }
        return matches;
    }

    private boolean mayFetch(Instant now) {
        return lastAttempt == null || !now.isBefore(lastAttempt.plus(MIN_REFETCH_INTERVAL));
    }

    /** How often the keys were fetched. */
    synchronized int fetches() {
        return fetches;
    }

    private void fetch(Instant now) throws KeySourceException {
        if (!mayFetch(now)) {
            throw new KeySourceException("the issuer's keys could not be fetched at " + lastAttempt
                    + "; not trying again before " + lastAttempt.plus(MIN_REFETCH_INTERVAL));
        }
        lastAttempt = now;
        try {
            JWKSet fetched = JWKSet.parse(retriever.retrieveResource(url.toURL()).getContent());
            fetches++;
            keys = fetched;
            fetchedAt = now;
            LOG.debug("Fetched {} signing keys from {}", fetched.getKeys().size(), url);
        } catch (IOException | ParseException | IllegalArgumentException e) {
            throw new KeySourceException("cannot fetch the issuer's keys from " + url + ": " + e, e);
        }
    }
}
