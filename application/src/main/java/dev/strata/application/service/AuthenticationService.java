package dev.strata.application.service;

import dev.strata.application.Settings;
import dev.strata.application.port.in.access.AuthenticateUseCase;
import dev.strata.application.port.in.access.Credentials;
import dev.strata.application.port.in.access.LoginUseCase;
import dev.strata.application.port.in.access.LogoutUseCase;
import dev.strata.application.port.out.AccessTokens;
import dev.strata.application.port.out.DirectoryPasswords;
import dev.strata.application.port.out.ExternalIdentity;
import dev.strata.application.port.out.IdentityTokens;
import dev.strata.application.port.out.LoginFailures;
import dev.strata.application.port.out.PasswordHasher;
import dev.strata.application.port.out.Roles;
import dev.strata.application.port.out.Sessions;
import dev.strata.application.port.out.TokenSecrets;
import dev.strata.application.port.out.Transactions;
import dev.strata.application.port.out.Users;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.access.AuthMethod;
import dev.strata.domain.access.AuthMode;
import dev.strata.domain.access.Password;
import dev.strata.domain.access.PasswordHash;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.RequestOrigin;
import dev.strata.domain.access.Role;
import dev.strata.domain.access.RoleName;
import dev.strata.domain.access.Session;
import dev.strata.domain.access.TokenKind;
import dev.strata.domain.access.TooManyAttempts;
import dev.strata.domain.access.User;
import dev.strata.domain.access.UserName;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Who is calling: Basic credentials, a session token, an access token, or nobody; and logging in
 * and out. Every failure is audited and answers only "bad credentials".
 *
 * <p>Two memories keep authentication cheap without delaying a revocation:
 * <ul>
 * <li>The caller a credential resolved to is remembered until the next committed write to users,
 *     roles, sessions, tokens or lockouts ({@link Transactions#committedAccessWrites}, through any
 *     instance on the database) and at most {@link #CALLER_TTL}, which bounds what another process,
 *     such as the offline password reset, may change unseen. Keyed by the hash of a token or a
 *     keyed hash of Basic credentials.</li>
 * <li>Password checks are slow on purpose. A successful one is remembered for
 *     {@link #BASIC_CACHE_TTL}, valid only while the user's stored hash is the one checked against:
 *     a password change or reset drops it at once.</li>
 * </ul>
 *
 * <p>The mode decides who checks a password. {@code LOCAL}: Strata's users. {@code LDAP}: the
 * directory only, binding as the user; a successful Basic bind is also remembered for
 * {@link #BASIC_CACHE_TTL}, so a password or group change in the directory takes effect within
 * that time. {@code OPEN_IDC}: nobody; callers bring the issuer's JWTs. In every mode, access tokens
 * of local users keep working, so service accounts need no directory. A session is honoured only
 * in the mode that made it: local users' sessions in {@code LOCAL}, directory users' in {@code LDAP}.
 */
public final class AuthenticationService implements AuthenticateUseCase, LoginUseCase, LogoutUseCase {

    static final Duration BASIC_CACHE_TTL = Duration.ofSeconds(60);
    static final Duration CALLER_TTL = Duration.ofSeconds(5);
    private static final int CACHE_MAX = 10_000;
    static final String NO_PASSWORDS_IN_OPEN_IDC = "passwords are not checked in OPEN_IDC mode: send a JWT"
            + " from the issuer, or an access token, as a Bearer token";

    private record Verified(String userId, String passwordHash, Instant until) {
    }

    private record Remembered(Principal caller, long writes, Instant until) {
    }

    private record Resolved(Principal caller, Optional<Instant> expires) {
    }

    private record DirectoryVerified(ExternalIdentity identity, Instant until) {
    }

    /** What one read finds before a password check: the account's lockout standing and its user. */
    private record Checked(LoginThrottle.Standing standing, Optional<User> user) {
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
    private volatile PasswordHash decoy;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Remembered> callers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, DirectoryVerified> directoryVerified = new ConcurrentHashMap<>();
    private final Optional<DirectoryPasswords> directory;
    private final Optional<IdentityTokens> identityTokens;

    /** For modes {@code LOCAL} and {@code NONE}. */
    public AuthenticationService(Settings settings, Users users, Roles roles, Sessions sessions,
                                 AccessTokens accessTokens, LoginFailures loginFailures, PasswordHasher hasher,
                                 TokenSecrets secrets, Transactions transactions, Mutations mutations,
                                 InstantSource clock) {
        this(settings, users, roles, sessions, accessTokens, loginFailures, hasher, secrets, transactions, mutations,
                clock, Optional.empty(), Optional.empty());
    }

    /**
     * @param directory      checks passwords in mode {@code LDAP}; required there
     * @param identityTokens checks JWTs in mode {@code OPEN_IDC}; required there
     */
    public AuthenticationService(Settings settings, Users users, Roles roles, Sessions sessions,
                                 AccessTokens accessTokens, LoginFailures loginFailures, PasswordHasher hasher,
                                 TokenSecrets secrets, Transactions transactions, Mutations mutations,
                                 InstantSource clock, Optional<DirectoryPasswords> directory,
                                 Optional<IdentityTokens> identityTokens) {
        if (settings.authMode() == AuthMode.LDAP && directory.isEmpty()) {
            throw new IllegalArgumentException("mode LDAP needs a directory");
        }
        if (settings.authMode() == AuthMode.OPEN_IDC && identityTokens.isEmpty()) {
            throw new IllegalArgumentException("mode OPEN_IDC needs an issuer's tokens");
        }
        this.directory = directory;
        this.identityTokens = identityTokens;
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
        this.throttle = new LoginThrottle(loginFailures, transactions, clock);
    }

    /**
     * Checked against when the user does not exist, so that takes as long as a wrong password. Made
     * on first use rather than in the constructor: one slow hash less in every start.
     */
    private PasswordHash decoy() {
        PasswordHash made = decoy;
        if (made == null) {
            synchronized (this) {
                made = decoy;
                if (made == null) {
                    made = hasher.hash(Password.offered(secrets.generatePassword()));
                    decoy = made;
                }
            }
        }
        return made;
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
            // No lock is asked for here: locking is an access write, which makes every remembered
            // caller stale (committedAccessWrites), and none is remembered while the account is locked.
            long writes = transactions.committedAccessWrites();
            Optional<Principal> known = remembered(key, writes, origin);
            if (known.isPresent()) {
                return known.get();
            }
            Password password = Password.offered(basic.password());
            Principal caller = switch (settings.authMode()) {
                case LDAP -> {
                    ExternalIdentity identity = checkDirectoryPassword(basic.username(), password, AuthMethod.BASIC,
                            "auth.basic", origin, true);
                    yield directoryCaller(identity.name(), identity.roles(), AuthMethod.BASIC, Optional.empty(),
                            origin);
                }
                case OPEN_IDC -> {
                    mutations.recordAuthenticationFailure(basic.username(), AuthMethod.BASIC, origin, "auth.basic",
                            "Unauthorized");
                    throw DomainException.unauthorized(NO_PASSWORDS_IN_OPEN_IDC);
                }
                default -> {
                    User user = checkPassword(basic.username(), password, AuthMethod.BASIC, "auth.basic", origin);
                    yield Callers.of(user, roles, AuthMethod.BASIC, Optional.empty(), origin);
                }
            };
            remember(key, new Resolved(caller, Optional.empty()), writes);
            return caller;
        }
        if (credentials instanceof Credentials.Bearer bearer) {
            String key = "bearer:" + secrets.hash(bearer.token());
            long writes = transactions.committedAccessWrites();
            Optional<Principal> known = remembered(key, writes, origin);
            if (known.isPresent()) {
                return known.get();
            }
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
        if (settings.authMode() == AuthMode.OPEN_IDC) {
            mutations.recordAuthenticationFailure(username == null ? "" : username, AuthMethod.BASIC, origin,
                    "session.login", ErrorCode.INVALID_INPUT.code());
            throw DomainException.invalidInput(NO_PASSWORDS_IN_OPEN_IDC);
        }
        if (settings.authMode() == AuthMode.LDAP) {
            return directoryLogin(username, password, origin);
        }
        User user = checkPassword(username, password, AuthMethod.BASIC, "session.login", origin);
        Principal caller = Callers.of(user, roles, AuthMethod.BASIC, Optional.empty(), origin);
        String bearer = secrets.generate(TokenKind.SESSION);
        Instant now = clock.instant();
        mutations.performForAnyCaller(caller, "session.login", user.name().value(), () -> sessions.add(
                new Session(secrets.newId(), user.id(), now, now.plus(Session.LIFETIME), secrets.hash(bearer))));
        return bearer;
    }

    @Override
    public void logout(Principal caller) {
        caller.requireAuthenticated();
        if (caller.method() != AuthMethod.SESSION || caller.tokenId().isEmpty()) {
            return;
        }
        mutations.performForAnyCaller(caller, "session.logout", caller.name(),
                () -> sessions.remove(caller.tokenId().get()));
    }

    private String directoryLogin(String username, Password password, RequestOrigin origin) {
        ExternalIdentity identity = checkDirectoryPassword(username, password, AuthMethod.BASIC, "session.login",
                origin, false);
        Principal caller = directoryCaller(identity.name(), identity.roles(), AuthMethod.BASIC, Optional.empty(),
                origin);
        String bearer = secrets.generate(TokenKind.SESSION);
        Instant now = clock.instant();
        // The roles are those of the groups now: a group change reaches a session at its next login.
        Session.DirectoryUser holder = new Session.DirectoryUser(identity.name(), identity.roles());
        mutations.performForAnyCaller(caller, "session.login", identity.name(), () -> sessions.add(
                new Session(secrets.newId(), holder, now, now.plus(Session.LIFETIME), secrets.hash(bearer))));
        return bearer;
    }

    /**
     * The directory's user of this name and password, or an audited refusal. Lockout and the
     * generic answer work as for local users. A directory that cannot be asked is audited and
     * answered with {@code AuthenticationUnavailable}, and counts as no failure of the user's.
     *
     * @param remembered whether a recent successful bind of the same name and password may answer
     *                   instead of the directory, and this one be remembered: for Basic, on every
     *                   request; a login always asks the directory
     */
    private ExternalIdentity checkDirectoryPassword(String username, Password password, AuthMethod method,
                                                    String action, RequestOrigin origin, boolean remembered) {
        String claimed = username == null ? "" : username;
        String account = claimed.toLowerCase(Locale.ROOT);
        LoginThrottle.Standing standing = throttle.standing(account);
        try {
            throttle.checkAllowed(standing);
        } catch (TooManyAttempts locked) {
            mutations.recordAuthenticationFailure(claimed, method, origin, action, locked.code().code());
            throw locked;
        }
        Instant now = clock.instant();
        String key = secrets.fingerprint("ldap\u0000" + account + '\u0000' + password.reveal());
        DirectoryVerified known = remembered ? directoryVerified.get(key) : null;
        if (known != null && now.isBefore(known.until())) {
            return known.identity();
        }
        Optional<ExternalIdentity> found;
        try {
            found = claimed.isEmpty() || password.reveal().isEmpty() ? Optional.empty()
                    : directory.orElseThrow().check(claimed, password);
        } catch (DomainException unavailable) {
            mutations.recordAuthenticationFailure(claimed, method, origin, action, unavailable.code().code());
            throw unavailable;
        }
        if (found.isEmpty()) {
            throttle.failed(account);
            throw refuse(claimed, method, action, origin);
        }
        throttle.succeeded(account, standing);
        if (remembered) {
            if (directoryVerified.size() >= CACHE_MAX) {
                directoryVerified.clear();
            }
            directoryVerified.put(key, new DirectoryVerified(found.get(), now.plus(BASIC_CACHE_TTL)));
        }
        return found.get();
    }

    /**
     * The principal of a directory user: no local id, no tenant, and the privileges of those of
     * their roles that Strata has (other names grant nothing, and are not shown).
     */
    private Principal directoryCaller(String name, Collection<RoleName> mapped, AuthMethod method,
                                      Optional<String> tokenId, RequestOrigin origin) {
        return transactions.read(() -> {
            Set<RoleName> known = new LinkedHashSet<>();
            for (RoleName role : mapped) {
                roles.find(role).map(Role::name).ifPresent(known::add);
            }
            return new Principal("", name, method, known.stream().map(RoleName::value).collect(Collectors.toSet()),
                    roles.privilegesOf(known), Optional.empty(), tokenId, origin, Optional.empty());
        });
    }

    /** The user whose password this is, or an audited refusal. */
    private User checkPassword(String username, Password password, AuthMethod method, String action,
                               RequestOrigin origin) {
        String account = username == null ? "" : username.toLowerCase(Locale.ROOT);
        Checked checked = transactions.read(() -> new Checked(throttle.standing(account), userNamed(username)));
        try {
            throttle.checkAllowed(checked.standing());
        } catch (TooManyAttempts locked) {
            mutations.recordAuthenticationFailure(username, method, origin, action, locked.code().code());
            throw locked;
        }
        Optional<User> found = checked.user();
        // The slow check runs whether or not the user exists or is enabled, so timing tells nothing.
        boolean matches = found.isPresent() ? passwordMatches(found.get(), password) : decoyCheck(password);
        boolean good = matches && found.get().enabled();
        if (!good) {
            throttle.failed(account);
            throw refuse(username, method, action, origin);
        }
        throttle.succeeded(account, checked.standing());
        User user = found.get();
        if (hasher.needsRehash(user.password())) {
            rehash(user, password);
        }
        return user;
    }

    private boolean decoyCheck(Password password) {
        hasher.verify(password, decoy());
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

    /**
     * The caller a remembered credential resolved to, if still valid: remembered as of {@code writes},
     * the change count read once for this request (on a shared database, one round trip), and
     * used again to remember what this request resolves.
     */
    private Optional<Principal> remembered(String key, long writes, RequestOrigin origin) {
        Remembered known = callers.get(key);
        if (known == null || known.writes() != writes
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
            if (settings.authMode() == AuthMode.OPEN_IDC) {
                // Remembered like any caller, at most CALLER_TTL: well inside the JWT clock skew.
                return new Resolved(jwt(token, origin), Optional.empty());
            }
            throw refuse("", AuthMethod.ANONYMOUS, "auth.bearer", origin);
        }
        String hash = secrets.hash(token);
        Instant now = clock.instant();
        Optional<Resolved> resolved = transactions.read(() -> kind.get() == TokenKind.SESSION
                ? sessions.findBySecretHash(hash)
                        .filter(session -> secrets.sameHash(session.secretHash(), hash) && !session.expiredAt(now))
                        .flatMap(session -> sessionCaller(session, origin)
                                .map(caller -> new Resolved(caller, Optional.of(session.expiresAt()))))
                : accessTokens.findBySecretHash(hash)
                        .filter(access -> secrets.sameHash(access.secretHash(), hash) && access.validAt(now))
                        .flatMap(access -> enabledUser(access.user())
                                .map(user -> new Resolved(Callers.of(user, roles, AuthMethod.ACCESS_TOKEN,
                                        Optional.of(access.id()), origin), access.expiresAt()))));
        return resolved.orElseThrow(() -> refuse("", kind.get() == TokenKind.SESSION ? AuthMethod.SESSION
                : AuthMethod.ACCESS_TOKEN, "auth.bearer", origin));
    }

    /** The caller of a session, if the session's holder may use it in this mode. */
    private Optional<Principal> sessionCaller(Session session, RequestOrigin origin) {
        Optional<String> id = Optional.of(session.id());
        if (session.holder() instanceof Session.DirectoryUser holder) {
            return settings.authMode() != AuthMode.LDAP ? Optional.empty()
                    : Optional.of(directoryCaller(holder.name(), holder.roles(), AuthMethod.SESSION, id, origin));
        }
        if (settings.authMode() != AuthMode.LOCAL) {
            return Optional.empty();
        }
        return session.localUser().flatMap(this::enabledUser)
                .map(user -> Callers.of(user, roles, AuthMethod.SESSION, id, origin));
    }

    /** A JWT of the OpenID Connect issuer. */
    private Principal jwt(String token, RequestOrigin origin) {
        Optional<ExternalIdentity> identity;
        try {
            identity = identityTokens.orElseThrow().verify(token);
        } catch (DomainException unavailable) {
            mutations.recordAuthenticationFailure("", AuthMethod.JWT, origin, "auth.bearer", unavailable.code().code());
            throw unavailable;
        }
        return identity.map(who -> directoryCaller(who.name(), who.roles(), AuthMethod.JWT, Optional.empty(), origin))
                .orElseThrow(() -> refuse("", AuthMethod.JWT, "auth.bearer", origin));
    }

    private Optional<User> enabledUser(dev.strata.domain.access.UserId id) {
        return users.find(id).filter(User::enabled);
    }

    private DomainException refuse(String claimedUser, AuthMethod method, String action, RequestOrigin origin) {
        mutations.recordAuthenticationFailure(claimedUser == null ? "" : claimedUser, method, origin, action,
                "Unauthorized");
        return DomainException.unauthorized("bad credentials");
    }

    /** Forgets sessions that have expired; run now and then, by every instance alike. */
    public int purgeExpiredSessions() {
        return transactions.write(() -> sessions.removeExpired(clock.instant()));
    }

    /**
     * Forgets failed logins older than the lockout's window and locks that have ended; run now and
     * then, by every instance alike.
     */
    public int purgeOldLoginFailures() {
        return throttle.purge();
    }
}
