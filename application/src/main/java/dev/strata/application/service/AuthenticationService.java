package dev.strata.application.service;

import dev.strata.application.Settings;
import dev.strata.application.port.in.access.AuthenticateUseCase;
import dev.strata.application.port.in.access.Credentials;
import dev.strata.application.port.in.access.LoginUseCase;
import dev.strata.application.port.in.access.LogoutUseCase;
import dev.strata.application.port.out.AccessTokens;
import dev.strata.application.port.out.PasswordHasher;
import dev.strata.application.port.out.Roles;
import dev.strata.application.port.out.Sessions;
import dev.strata.application.port.out.TokenSecrets;
import dev.strata.application.port.out.Transactions;
import dev.strata.application.port.out.Users;
import dev.strata.domain.DomainException;
import dev.strata.domain.access.AuthMethod;
import dev.strata.domain.access.AuthMode;
import dev.strata.domain.access.Password;
import dev.strata.domain.access.PasswordHash;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.RequestOrigin;
import dev.strata.domain.access.Session;
import dev.strata.domain.access.TokenKind;
import dev.strata.domain.access.TooManyAttempts;
import dev.strata.domain.access.User;
import dev.strata.domain.access.UserName;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is calling: Basic credentials, a session token, an access token, or nobody; and logging in
 * and out. Every failure is audited and answers only "bad credentials".
 *
 * <p>Two memories keep authentication cheap without delaying a revocation:
 * <ul>
 * <li>The caller a credential resolved to is remembered until the next committed write in this
 *     process (any write may have revoked something) and at most {@link #CALLER_TTL}, which bounds
 *     what another process, such as the offline password reset, may change unseen. Keyed by the
 *     hash of a token or a keyed hash of Basic credentials.</li>
 * <li>Password checks are slow on purpose. A successful one is remembered for
 *     {@link #BASIC_CACHE_TTL}, valid only while the user's stored hash is the one checked against:
 *     a password change or reset drops it at once.</li>
 * </ul>
 */
public final class AuthenticationService implements AuthenticateUseCase, LoginUseCase, LogoutUseCase {

    static final Duration BASIC_CACHE_TTL = Duration.ofSeconds(60);
    static final Duration CALLER_TTL = Duration.ofSeconds(5);
    private static final int CACHE_MAX = 10_000;

    private record Verified(String userId, String passwordHash, Instant until) {
    }

    private record Remembered(Principal caller, long writes, Instant until) {
    }

    private record Resolved(Principal caller, Optional<Instant> expires) {
    }

    private final Settings settings;
    private final Users users;
    private final Roles roles;
    private final Sessions sessions;
    private final AccessTokens accessTokens;
    private final PasswordHasher hasher;
    private final TokenSecrets secrets;
    private final Transactions transactions;
    private final Mutations mutations;
    private final InstantSource clock;
    private final LoginThrottle throttle;
    private final PasswordHash decoy;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Remembered> callers = new ConcurrentHashMap<>();

    public AuthenticationService(Settings settings, Users users, Roles roles, Sessions sessions,
                                 AccessTokens accessTokens, PasswordHasher hasher, TokenSecrets secrets,
                                 Transactions transactions, Mutations mutations, InstantSource clock) {
        this.settings = settings;
        this.users = users;
        this.roles = roles;
        this.sessions = sessions;
        this.accessTokens = accessTokens;
        this.hasher = hasher;
        this.secrets = secrets;
        this.transactions = transactions;
        this.mutations = mutations;
        this.clock = clock;
        this.throttle = new LoginThrottle(clock);
        // Checked against when the user does not exist, so that takes as long as a wrong password.
        this.decoy = hasher.hash(Password.offered(secrets.generatePassword()));
    }

    @Override
    public Principal authenticate(Credentials credentials, RequestOrigin origin) {
        if (settings.authMode() == AuthMode.NONE) {
            return Principal.administrator("admin", AuthMethod.NONE, origin);
        }
        if (credentials instanceof Credentials.None) {
            return Principal.anonymous(origin);
        }
        if (credentials instanceof Credentials.Basic basic) {
            String account = basic.username().toLowerCase(Locale.ROOT);
            String key = "basic:" + secrets.fingerprint(account + '\u0000' + basic.password());
            if (!throttle.isLocked(account)) {
                Optional<Principal> known = remembered(key, origin);
                if (known.isPresent()) {
                    return known.get();
                }
            }
            long writes = transactions.committedWrites();
            User user = checkPassword(basic.username(), Password.offered(basic.password()), AuthMethod.BASIC,
                    "auth.basic", origin);
            Principal caller = Callers.of(user, roles, AuthMethod.BASIC, Optional.empty(), origin);
            remember(key, new Resolved(caller, Optional.empty()), writes);
            return caller;
        }
        if (credentials instanceof Credentials.Bearer bearer) {
            String key = "bearer:" + secrets.hash(bearer.token());
            Optional<Principal> known = remembered(key, origin);
            if (known.isPresent()) {
                return known.get();
            }
            long writes = transactions.committedWrites();
            Resolved resolved = bearer(bearer.token(), origin);
            remember(key, resolved, writes);
            return resolved.caller();
        }
        throw refuse("", AuthMethod.ANONYMOUS, "auth.header", origin);
    }

    @Override
    public String login(String username, Password password, RequestOrigin origin) {
        if (settings.authMode() == AuthMode.NONE) {
            // Every caller is an administrator; the token is a formality and is not kept.
            return secrets.generate(TokenKind.SESSION);
        }
        User user = checkPassword(username, password, AuthMethod.BASIC, "session.login", origin);
        Principal caller = Callers.of(user, roles, AuthMethod.BASIC, Optional.empty(), origin);
        String bearer = secrets.generate(TokenKind.SESSION);
        Instant now = clock.instant();
        mutations.perform(caller, null, "session.login", user.name().value(), () -> sessions.add(
                new Session(secrets.newId(), user.id(), now, now.plus(Session.LIFETIME), secrets.hash(bearer))));
        return bearer;
    }

    @Override
    public void logout(Principal caller) {
        caller.requireAuthenticated();
        if (caller.method() != AuthMethod.SESSION || caller.tokenId().isEmpty()) {
            return;
        }
        mutations.perform(caller, null, "session.logout", caller.name(),
                () -> sessions.remove(caller.tokenId().get()));
    }

    /** The user whose password this is, or an audited refusal. */
    private User checkPassword(String username, Password password, AuthMethod method, String action,
                               RequestOrigin origin) {
        String account = username == null ? "" : username.toLowerCase(Locale.ROOT);
        try {
            throttle.checkAllowed(account);
        } catch (TooManyAttempts locked) {
            mutations.recordAuthenticationFailure(username, method, origin, action, locked.code().code());
            throw locked;
        }
        Optional<User> found = transactions.read(() -> userNamed(username));
        // The slow check runs whether or not the user exists or is enabled, so timing tells nothing.
        boolean matches = found.isPresent() ? passwordMatches(found.get(), password) : decoyCheck(password);
        boolean good = matches && found.get().enabled();
        if (!good) {
            throttle.failed(account);
            throw refuse(username, method, action, origin);
        }
        throttle.succeeded(account);
        User user = found.get();
        if (hasher.needsRehash(user.password())) {
            rehash(user, password);
        }
        return user;
    }

    private boolean decoyCheck(Password password) {
        hasher.verify(password, decoy);
        return false;
    }

    private Optional<User> userNamed(String username) {
        try {
            return users.findByName(new UserName(username));
        } catch (DomainException notAName) {
            return Optional.empty();
        }
    }

    private boolean passwordMatches(User user, Password password) {
        String key = secrets.fingerprint(user.name().key() + '\u0000' + password.reveal());
        Instant now = clock.instant();
        Verified known = verified.get(key);
        if (known != null && known.userId().equals(user.id().value())
                && known.passwordHash().equals(user.password().encoded()) && now.isBefore(known.until())) {
            return true;
        }
        if (!hasher.verify(password, user.password())) {
            return false;
        }
        if (verified.size() >= CACHE_MAX) {
            verified.clear();
        }
        verified.put(key, new Verified(user.id().value(), user.password().encoded(), now.plus(BASIC_CACHE_TTL)));
        return true;
    }

    /** Stores the password again with today's algorithm and parameters. */
    private void rehash(User user, Password password) {
        PasswordHash upgraded = hasher.hash(password);
        transactions.write(() -> users.find(user.id()).ifPresent(current -> {
            if (current.password().equals(user.password())) {
                current.changePassword(upgraded);
                users.update(current);
            }
        }));
    }

    /** The caller a remembered credential resolved to, if still valid. */
    private Optional<Principal> remembered(String key, RequestOrigin origin) {
        Remembered known = callers.get(key);
        if (known == null || known.writes() != transactions.committedWrites()
                || !clock.instant().isBefore(known.until())) {
            return Optional.empty();
        }
        return Optional.of(known.caller().withOrigin(origin));
    }

    /** Remembers a resolved caller as of {@code writes}, the commit count read before resolving it. */
    private void remember(String key, Resolved resolved, long writes) {
        if (callers.size() >= CACHE_MAX) {
            callers.clear();
        }
        Instant until = clock.instant().plus(CALLER_TTL);
        if (resolved.expires().isPresent() && resolved.expires().get().isBefore(until)) {
            until = resolved.expires().get();
        }
        callers.put(key, new Remembered(resolved.caller(), writes, until));
    }

    private Resolved bearer(String token, RequestOrigin origin) {
        Optional<TokenKind> kind = TokenKind.of(token);
        if (kind.isEmpty()) {
            throw refuse("", AuthMethod.ANONYMOUS, "auth.bearer", origin);
        }
        String hash = secrets.hash(token);
        Instant now = clock.instant();
        Optional<Resolved> resolved = transactions.read(() -> kind.get() == TokenKind.SESSION
                ? sessions.findBySecretHash(hash)
                        .filter(session -> secrets.sameHash(session.secretHash(), hash) && !session.expiredAt(now))
                        .flatMap(session -> enabledUser(session.user())
                                .map(user -> new Resolved(Callers.of(user, roles, AuthMethod.SESSION,
                                        Optional.of(session.id()), origin), Optional.of(session.expiresAt()))))
                : accessTokens.findBySecretHash(hash)
                        .filter(access -> secrets.sameHash(access.secretHash(), hash) && access.validAt(now))
                        .flatMap(access -> enabledUser(access.user())
                                .map(user -> new Resolved(Callers.of(user, roles, AuthMethod.ACCESS_TOKEN,
                                        Optional.of(access.id()), origin), access.expiresAt()))));
        return resolved.orElseThrow(() -> refuse("", kind.get() == TokenKind.SESSION ? AuthMethod.SESSION
                : AuthMethod.ACCESS_TOKEN, "auth.bearer", origin));
    }

    private Optional<User> enabledUser(dev.strata.domain.access.UserId id) {
        return users.find(id).filter(User::enabled);
    }

    private DomainException refuse(String claimedUser, AuthMethod method, String action, RequestOrigin origin) {
        mutations.recordAuthenticationFailure(claimedUser == null ? "" : claimedUser, method, origin, action,
                "Unauthorized");
        return DomainException.unauthorized("bad credentials");
    }

    /** Forgets sessions that have expired; run now and then. */
    public int purgeExpiredSessions() {
        return transactions.write(() -> sessions.removeExpired(clock.instant()));
    }
}
