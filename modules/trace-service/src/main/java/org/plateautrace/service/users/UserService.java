package org.plateautrace.service.users;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.plateautrace.model.Invalid;
import org.plateautrace.model.users.NewUser;
import org.plateautrace.model.users.UserRole;
import org.plateautrace.service.Refusal.Conflict;
import org.plateautrace.service.Refusal.Denied;
import org.plateautrace.service.Refusal.Unauthenticated;
import org.plateautrace.service.auth.Caller;
import org.plateautrace.service.auth.Tokens;
import org.plateautrace.store.UniqueViolation;
import org.plateautrace.store.registry.PartyRepository;
import org.plateautrace.store.users.UserRepository;
import org.plateautrace.store.users.UserRepository.StoredUser;

/**
 * People of the console: created by the platform administrator or a party's administrator, signed in with a
 * password (hashed on a worker thread), kept by a session whose token is stored only as its SHA-256.
 * Five wrong passwords within 15 minutes lock the account for 15 minutes; twenty wrong sign-ins from one client
 * address within 15 minutes (any logins) make that address wait out the 15 minutes.
 */
public final class UserService {
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    public static final int FAILURE_LIMIT = 5;
    public static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK = Duration.ofMinutes(15);
    public static final int CLIENT_FAILURE_LIMIT = 20;
    private static final String WRONG = "the login or the password is wrong";

    private final Vertx vertx;
    private final UserRepository users;
    private final PartyRepository parties;
    private final Clock clock;
    private final SignInThrottle throttle;

    public UserService(Vertx vertx, UserRepository users, PartyRepository parties, Clock clock) {
        this.vertx = vertx;
        this.users = users;
        this.parties = parties;
        this.clock = clock;
        this.throttle = new SignInThrottle(CLIENT_FAILURE_LIMIT, FAILURE_WINDOW, clock);
    }

    public Future<User> create(Caller caller, NewUser user) {
        if (user.partyId() == null) {
            caller.requireAdmin();
        } else {
            caller.requireAdminOr(user.partyId());
        }
        Future<Void> fitsParty = user.partyId() == null ? Future.succeededFuture() : parties.find(user.partyId()).map(party -> {
            String kind = party.orElseThrow(() -> new Invalid("partyId", "no such party: " + user.partyId())).info().kind().name();
            boolean regulatorParty = kind.equals("REGULATOR");
            if (user.role() == UserRole.REGULATOR && !regulatorParty) {
                throw new Invalid("role", "only a regulator party's people have the role regulator");
            }
            if (user.role() == UserRole.OPERATOR && regulatorParty) {
                throw new Invalid("role", "a regulator party's people are regulator, party_admin or viewer");
            }
            return null;
        });
        return fitsParty.compose(ok -> vertx.executeBlocking(() -> Passwords.hash(user.password()), false))
                .compose(hash -> users.insert(user.partyId(), user.login(), user.name(), user.role(), hash))
                .recover(error -> Future.failedFuture(UniqueViolation.on(error, UserRepository.LOGIN_UNIQUE)
                        ? new Conflict("login", "the login " + user.login() + " is taken") : error))
                .map(User::of);
    }

    /** The people of one party: a party's callers see their own; the administrator any party's, or all. */
    public Future<List<User>> list(Caller caller, Long partyId) {
        if (caller.role() != Caller.Role.ADMIN && partyId != null && !partyId.equals(caller.partyId())) {
            throw new Denied("partyId", "a party sees only its own people");
        }
        return users.list(caller.role() == Caller.Role.ADMIN ? partyId : caller.partyId())
                .map(found -> found.stream().map(User::of).toList());
    }

    /** Signs in a person; {@code client} is the caller's address, the key of the per-client throttle. */
    public Future<ConsoleSession> signIn(String login, String password, String client) {
        String name;
        try {
            name = NewUser.login(login);
            if (password == null || password.isEmpty()) {
                throw new Invalid("password", "is required");
            }
        } catch (Invalid invalid) {
            return Future.failedFuture(invalid);
        }
        Instant now = clock.instant();
        Instant clientBlocked = throttle.blockedUntil(client);
        if (clientBlocked != null) {
            return Future.failedFuture(new SignInRefused("too many wrong sign-ins from this address: try again after "
                    + clientBlocked, clientBlocked));
        }
        return users.findByLogin(name).compose(found -> {
            StoredUser user = found.orElse(null);
            if (user != null && user.lockedUntil() != null && user.lockedUntil().isAfter(now)) {
                return Future.failedFuture(locked(user.lockedUntil()));
            }
            return vertx.executeBlocking(() -> Passwords.matches(password, user == null ? null : user.passwordHash()), false)
                    .compose(matches -> {
                        if (user == null || !matches) {
                            throttle.failed(client);
                        }
                        if (user == null) {
                            return Future.failedFuture(new SignInRefused(WRONG, null));
                        }
                        if (!matches) {
                            return users.recordFailure(user.id(), now, FAILURE_WINDOW, FAILURE_LIMIT, LOCK)
                                    .compose(until -> Future.failedFuture(until == null ? new SignInRefused(WRONG, null) : locked(until)));
                        }
                        String token = "ps_" + Tokens.generate().substring(3);
                        Instant expires = now.plus(SESSION_LIFETIME);
                        return users.clearFailures(user.id())
                                .compose(cleared -> users.insertSession(user.id(), Tokens.hash(token), expires))
                                .map(id -> new ConsoleSession(token, expires, User.of(user), caller(id, user)));
                    });
        });
    }

    /** The live session of a session token; 401 when it is unknown, signed out or expired. */
    public Future<ConsoleSession> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Future.failedFuture(new Unauthenticated("sign in first"));
        }
        return users.findSession(Tokens.hash(token), clock.instant()).map(found -> found
                .map(session -> new ConsoleSession(null, session.expiresAt(), User.of(session.user()), caller(session.id(), session.user())))
                .orElseThrow(() -> new Unauthenticated("the session has expired or was ended; sign in again")));
    }

    public Future<Void> signOut(String token) {
        return token == null || token.isBlank() ? Future.succeededFuture() : users.deleteSession(Tokens.hash(token));
    }

    private static SignInRefused locked(Instant until) {
        return new SignInRefused("too many wrong passwords: the account is locked until " + until, until);
    }

    /** How the API sees a signed-in person: the role of the party's kind, limited by the person's role. */
    static Caller caller(long sessionId, StoredUser user) {
        if (user.role() == UserRole.PLATFORM_ADMIN) {
            return new Caller(-sessionId, Caller.Role.ADMIN, null, Caller.Scope.MANAGE);
        }
        Caller.Role role = "regulator".equals(user.partyKind()) ? Caller.Role.REGULATOR : Caller.Role.PARTY;
        Caller.Scope scope = switch (user.role()) {
            case PARTY_ADMIN -> Caller.Scope.MANAGE;
            case VIEWER -> Caller.Scope.READ;
            default -> Caller.Scope.OPERATE;
        };
        return new Caller(-sessionId, role, user.partyId(), scope);
    }
}
