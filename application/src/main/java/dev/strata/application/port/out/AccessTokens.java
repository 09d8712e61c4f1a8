package dev.strata.application.port.out;

import dev.strata.domain.access.AccessToken;
import dev.strata.domain.access.UserId;
import java.util.List;
import java.util.Optional;

/** Access tokens' metadata and secret hashes. */
public interface AccessTokens {

    void add(AccessToken token);

    /** Stores expiry and enabled. */
    void update(AccessToken token);

    void remove(String id);

    Optional<AccessToken> find(String id);

    Optional<AccessToken> findBySecretHash(String secretHash);

    int countOf(UserId user);

    /** Revokes every token of {@code user}. */
    void removeAllOf(UserId user);

    /** Up to {@code limit} tokens with an id after {@code afterId} (of {@code user} if given), by id. */
    List<AccessToken> page(Optional<UserId> user, String afterId, int limit);
}
