package org.plateautrace.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code perMinute} requests per client key in each one-minute window, shared by every HTTP
 * verticle of the process. Keys are hashes or addresses; old windows are dropped as the map grows.
 */
public final class RateLimit {
    private static final int MAX_KEYS = 100_000;

    /** One client's requests in one minute; counted without a lock, as every event loop counts the same client. */
    private static final class Window {
        private final long minute;
        private final AtomicInteger count = new AtomicInteger();

        Window(long minute) {
            this.minute = minute;
        }
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
        Window window = windows.get(client);
        if (window == null || window.minute != minute) {
            if (windows.size() > MAX_KEYS) {
                windows.values().removeIf(old -> old.minute < minute);
            }
            window = windows.compute(client, (key, old) -> old != null && old.minute == minute ? old : new Window(minute));
        }
        return window.count.incrementAndGet() <= perMinute;
    }
}
