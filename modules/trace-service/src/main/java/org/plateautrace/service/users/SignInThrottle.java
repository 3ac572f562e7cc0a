package org.plateautrace.service.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong sign-ins counted per client address, whatever the login: one address that guesses passwords across
 * many accounts is stopped before it reaches any account's own lock. Kept in memory; a restart forgets it.
 */
final class SignInThrottle {
    private static final int MAX_CLIENTS = 100_000;

    private record Window(Instant start, int failures) {
    }

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    SignInThrottle(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Until when the client must wait, or null when it may try. */
    Instant blockedUntil(String client) {
        Window current = windows.get(client);
        if (current == null || current.failures() < limit) {
            return null;
        }
        Instant until = current.start().plus(window);
        return until.isAfter(clock.instant()) ? until : null;
    }

    void failed(String client) {
        Instant now = clock.instant();
        if (windows.size() > MAX_CLIENTS) {
            windows.values().removeIf(old -> !old.start().plus(window).isAfter(now));
        }
        windows.merge(client, new Window(now, 1), (old, fresh) -> old.start().plus(window).isAfter(now)
                ? new Window(old.start(), old.failures() + 1) : fresh);
    }
}
