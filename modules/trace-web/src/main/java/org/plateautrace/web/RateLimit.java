package org.plateautrace.web;

import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code perMinute} requests per client key in each one-minute window, shared by every HTTP
 * verticle of the process. Keys are hashes or addresses; old windows are dropped as the map grows.
 */
public final class RateLimit {
    private static final int MAX_KEYS = 100_000;

    private record Window(long minute, int count) {
    }

    private final int perMinute;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimit(int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("a rate limit allows at least one request a minute");
        }
        this.perMinute = perMinute;
    }

    public int perMinute() {
        return perMinute;
    }

    /** Counts a request of the client at the given time; false when it is over the limit. */
    public boolean allow(String client, long nowMillis) {
        long minute = nowMillis / 60_000;
        if (windows.size() > MAX_KEYS) {
            windows.values().removeIf(window -> window.minute() < minute);
        }
        Window window = windows.merge(client, new Window(minute, 1),
                (old, fresh) -> old.minute() == minute ? new Window(minute, old.count() + 1) : fresh);
        return window.count() <= perMinute;
    }
}
