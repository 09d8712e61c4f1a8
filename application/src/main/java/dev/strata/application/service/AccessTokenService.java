package dev.strata.application.service;

import dev.strata.application.Page;
import dev.strata.application.port.in.access.AccessTokenView;
import dev.strata.application.port.in.access.CreateAccessTokenUseCase;
import dev.strata.application.port.in.access.DeleteAccessTokenUseCase;
import dev.strata.application.port.in.access.GetAccessTokenUseCase;
import dev.strata.application.port.in.access.IdentityRef;
import dev.strata.application.port.in.access.IssuedAccessToken;
import dev.strata.application.port.in.access.ListAccessTokensUseCase;
import dev.strata.application.port.in.access.ModifyAccessTokenUseCase;
import dev.strata.application.port.out.AccessTokens;
import dev.strata.application.port.out.TokenSecrets;
import dev.strata.application.port.out.Transactions;
import dev.strata.application.port.out.Users;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.access.AccessToken;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.access.TokenKind;
import dev.strata.domain.access.User;
import dev.strata.domain.access.UserId;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Access tokens: long-lived bearer tokens for scripts and services. Anyone may manage their own;
 * other users' need the ACCESS_TOKENS privileges.
 */
public final class AccessTokenService implements CreateAccessTokenUseCase, ListAccessTokensUseCase,
        GetAccessTokenUseCase, ModifyAccessTokenUseCase, DeleteAccessTokenUseCase {

    private final AccessTokens tokens;
    private final Users users;
    private final TokenSecrets secrets;
    private final Transactions transactions;
    private final Mutations mutations;
    private final InstantSource clock;

    public AccessTokenService(AccessTokens tokens, Users users, TokenSecrets secrets, Transactions transactions,
                              Mutations mutations, InstantSource clock) {
        this.tokens = tokens;
        this.users = users;
        this.secrets = secrets;
        this.transactions = transactions;
        this.mutations = mutations;
        this.clock = clock;
    }

    @Override
    public IssuedAccessToken createToken(Principal caller, IdentityRef userRef, Optional<Instant> expiresAt) {
        caller.requireAuthenticated();
        Instant now = clock.instant();
        if (expiresAt.isPresent() && !expiresAt.get().isAfter(now)) {
            throw DomainException.invalidInput("expiration_time must be in the future");
        }
        String bearer = secrets.generate(TokenKind.ACCESS);
        return mutations.performForAnyCaller(caller, "access_token.create", userRef.toString(), () -> {
            User user = Identities.resolve(users, userRef);
            requireOwnOr(caller, user.id(), Privilege.PRIVILEGE_ACCESS_TOKENS_WRITE);
            if (tokens.countOf(user.id()) >= AccessToken.MAX_PER_USER) {
                throw new DomainException(ErrorCode.TOO_MANY_ACCESS_TOKENS, "user " + user.name() + " already has "
                        + AccessToken.MAX_PER_USER + " access tokens");
            }
            AccessToken token = AccessToken.issue(secrets.newId(), user.id(), callerId(caller), now, expiresAt,
                    secrets.hash(bearer));
            tokens.add(token);
            return new IssuedAccessToken(view(token), bearer);
        });
    }

    @Override
    public Page<AccessTokenView> listTokens(Principal caller, Optional<IdentityRef> userRef, String afterId, int limit) {
        caller.requireAuthenticated();
        return transactions.read(() -> {
            Optional<UserId> user = userRef.map(ref -> Identities.resolve(users, ref).id());
            if (!caller.has(Privilege.PRIVILEGE_ACCESS_TOKENS_READ)) {
                Optional<UserId> own = callerId(caller);
                if (own.isEmpty() || user.isPresent() && !user.equals(own)) {
                    throw DomainException.forbidden("listing other users' tokens requires "
                            + Privilege.PRIVILEGE_ACCESS_TOKENS_READ);
                }
                user = own;
            }
            Page<AccessToken> page = Page.of(tokens.page(user, afterId, limit + 1), limit, AccessToken::id);
            return new Page<>(page.items().stream().map(this::view).toList(), page.nextAfter());
        });
    }

    @Override
    public AccessTokenView getToken(Principal caller, String id) {
        caller.requireAuthenticated();
        return transactions.read(() -> {
            AccessToken token = existing(id);
            requireOwnOr(caller, token.user(), Privilege.PRIVILEGE_ACCESS_TOKENS_READ);
            return view(token);
        });
    }

    @Override
    public AccessTokenView modifyToken(Principal caller, String id, Optional<Optional<Instant>> expiresAt,
                                  Optional<Boolean> enabled) {
        caller.requireAuthenticated();
        Instant now = clock.instant();
        expiresAt.flatMap(e -> e).filter(e -> !e.isAfter(now)).ifPresent(past -> {
            throw DomainException.invalidInput("expiration_time must be in the future");
        });
        return mutations.performForAnyCaller(caller, "access_token.modify", id, () -> {
            AccessToken token = existing(id);
            requireOwnOr(caller, token.user(), Privilege.PRIVILEGE_ACCESS_TOKENS_WRITE);
            expiresAt.ifPresent(token::expireAt);
            enabled.ifPresent(token::enable);
            tokens.update(token);
            return view(token);
        });
    }

    @Override
    public void deleteToken(Principal caller, String id) {
        mutations.performForAnyCaller(caller, "access_token.delete", id, () -> {
            AccessToken token = existing(id);
            requireOwnOr(caller, token.user(), Privilege.PRIVILEGE_ACCESS_TOKENS_WRITE);
            tokens.remove(id);
        });
    }

    private AccessToken existing(String id) {
        return tokens.find(id).orElseThrow(() -> DomainException.notExists("access token " + id + " does not exist"));
    }

    private AccessTokenView view(AccessToken token) {
        User user = users.find(token.user()).orElseThrow(() -> new IllegalStateException(
                "access token " + token.id() + " outlived its user"));
        return new AccessTokenView(token, user, token.creator().flatMap(users::find));
    }

    private static Optional<UserId> callerId(Principal caller) {
        return caller.userId().isEmpty() ? Optional.empty() : Optional.of(new UserId(caller.userId()));
    }

    private static void requireOwnOr(Principal caller, UserId owner, Privilege privilege) {
        if (!caller.userId().equals(owner.value())) {
            caller.require(privilege);
        }
    }
}
