package dev.strata.application.fake;

import dev.strata.application.port.out.ExternalIdentity;
import dev.strata.application.port.out.IdentityTokens;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.access.RoleName;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** An issuer's tokens in memory: each known token string stands for one identity. */
public final class FakeIdentityTokens implements IdentityTokens {

    private final Map<String, ExternalIdentity> tokens = new ConcurrentHashMap<>();
    private volatile boolean unreachable;

    public FakeIdentityTokens token(String jwt, String name, String... roles) {
        tokens.put(jwt, new ExternalIdentity(name, Arrays.stream(roles).map(RoleName::new)
                .collect(Collectors.toSet())));
        return this;
    }

    public void unreachable(boolean isUnreachable) {
        this.unreachable = isUnreachable;
    }

    @Override
    public Optional<ExternalIdentity> verify(String jwt) {
        if (unreachable) {
            throw new DomainException(ErrorCode.AUTHENTICATION_UNAVAILABLE, "the issuer's keys cannot be fetched");
        }
        return Optional.ofNullable(tokens.get(jwt));
    }
}
