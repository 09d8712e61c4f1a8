package dev.strata.adapters.persistence;

import dev.strata.adapters.persistence.AccessRows.AccessTokenRow;
import dev.strata.application.port.out.AccessTokens;
import dev.strata.domain.access.AccessToken;
import dev.strata.domain.access.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link AccessTokens} in one table, found by id or by the SHA-256 of the secret. */
final class JdbiAccessTokens implements AccessTokens {

    private final JdbiTransactions transactions;

    JdbiAccessTokens(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(AccessToken token) {
        transactions.accessWriteHandle().dao(AccessDao.class).insertToken(toRow(token));
    }

    @Override
    public void update(AccessToken token) {
        if (transactions.accessWriteHandle().dao(AccessDao.class).updateToken(toRow(token)) != 1) {
            throw new IllegalStateException("access token " + token.id() + " does not exist");
        }
    }

    @Override
    public void remove(String id) {
        transactions.accessWriteHandle().dao(AccessDao.class).deleteToken(id);
    }

    @Override
    public Optional<AccessToken> find(String id) {
        return transactions.withHandle(h -> h.dao(AccessDao.class).findToken(id).map(JdbiAccessTokens::toToken));
    }

    @Override
    public Optional<AccessToken> findBySecretHash(String secretHash) {
        return transactions.withHandle(h -> h.dao(AccessDao.class).findTokenByHash(secretHash)
                .map(JdbiAccessTokens::toToken));
    }

    @Override
    public int countOf(UserId user) {
        return transactions.withHandle(h -> h.dao(AccessDao.class).countTokensOf(user.number()));
    }

    @Override
    public void removeAllOf(UserId user) {
        transactions.accessWriteHandle().dao(AccessDao.class).deleteTokensOf(user.number());
    }

    @Override
    public List<AccessToken> page(Optional<UserId> user, String afterId, int limit) {
        return transactions.withHandle(h -> {
            AccessDao dao = h.dao(AccessDao.class);
            List<AccessTokenRow> rows = user.isPresent() ? dao.tokensOf(user.get().number(), afterId, limit)
                    : dao.tokens(afterId, limit);
            return rows.stream().map(JdbiAccessTokens::toToken).toList();
        });
    }

    private static AccessTokenRow toRow(AccessToken token) {
        return new AccessTokenRow(token.id(), token.user().number(), token.creator().map(UserId::number).orElse(null),
                token.createdAt().toEpochMilli(), token.expiresAt().map(Instant::toEpochMilli).orElse(null),
                token.enabled(), token.secretHash());
    }

    private static AccessToken toToken(AccessTokenRow row) {
        return AccessToken.restore(row.id(), UserId.of(row.userId()), Optional.ofNullable(row.creatorId()).map(UserId::of),
                Instant.ofEpochMilli(row.createdAt()), Optional.ofNullable(row.expiresAt()).map(Instant::ofEpochMilli),
                row.enabled(), row.secretHash());
    }
}
